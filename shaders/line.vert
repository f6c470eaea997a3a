#version 330 core
// Outlines of constant pixel width: each instance is one segment (p0, p1) in world metres,
// expanded here to a screen-space quad (4 vertices, triangle strip) with square caps so that
// consecutive segments join without gaps, plus one pixel for the anti-aliased edge.
layout(location = 0) in vec4 a_segment_m;
uniform mat3 u_world_to_clip;
uniform vec2 u_viewport_px;
uniform float u_half_width_px;
out float v_across_px;

void main() {
  vec2 p0 = (u_world_to_clip * vec3(a_segment_m.xy, 1.0)).xy;
  vec2 p1 = (u_world_to_clip * vec3(a_segment_m.zw, 1.0)).xy;
  vec2 s0 = p0 * 0.5 * u_viewport_px;
  vec2 s1 = p1 * 0.5 * u_viewport_px;
  vec2 d = s1 - s0;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float extent = u_half_width_px + 1.0;
  int corner = gl_VertexID;
  float side = (corner & 1) == 0 ? -1.0 : 1.0;
  bool at_end = corner >= 2;
  vec2 s = (at_end ? s1 + dir * u_half_width_px : s0 - dir * u_half_width_px) + nrm * side * extent;
  v_across_px = side * extent;
  gl_Position = vec4(s / (0.5 * u_viewport_px), 0.0, 1.0);
}
