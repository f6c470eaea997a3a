#version 330 core
// Incidents as screen-space circles: one instance per dataset row, 4 vertices per quad.
// Rows that fail the window, type, toll or visibility test are moved outside the clip volume.
layout(location = 0) in vec2 a_pos_m;
layout(location = 1) in ivec2 a_days;       // [start_day, end_day)
layout(location = 2) in int a_killed;       // -1 = unknown
layout(location = 3) in uvec4 a_attr;       // type, date precision (start), kind (0 point, 1 area, 2 no stated place), unused
layout(location = 4) in uint a_visible;     // per-row filter byte
uniform mat3 u_world_to_clip;
uniform vec2 u_viewport_px;
uniform ivec2 u_window;         // [start_day, end_day)
uniform uint u_type_mask;
uniform int u_killed_min;
uniform vec3 u_radius_px;       // min, per sqrt(killed), max (already times the pixel ratio)
uniform vec4 u_colours[7];
uniform float u_dense_px;       // > 0: far more points than pixels; drawn as GL_POINTS dots this big
out vec2 v_local_px;
flat out float v_radius_px;
flat out float v_ring;
flat out vec4 v_colour;

void main() {
  bool shown = a_attr.z == 0u && a_visible != 0u && a_days.x < u_window.y && a_days.y > u_window.x &&
               ((u_type_mask >> a_attr.x) & 1u) != 0u && (u_killed_min <= 0 || a_killed >= u_killed_min);
  if (!shown) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  if (u_dense_px > 0.0) {
    gl_Position = vec4((u_world_to_clip * vec3(a_pos_m, 1.0)).xy, 0.0, 1.0);
    gl_PointSize = u_dense_px;
    v_local_px = vec2(0.0);
    v_radius_px = -1.0;  // dot marker for the fragment shader
    v_ring = 0.0;
    v_colour = u_colours[min(a_attr.x, 6u)];
    return;
  }
  float r = a_killed > 0 ? u_radius_px.x + u_radius_px.y * sqrt(float(a_killed)) : u_radius_px.x;
  r = min(r, u_radius_px.z);
  vec2 corner = vec2((gl_VertexID & 1) == 0 ? -1.0 : 1.0, (gl_VertexID & 2) == 0 ? -1.0 : 1.0);
  float extent = r + 1.0;
  vec2 centre = (u_world_to_clip * vec3(a_pos_m, 1.0)).xy;
  gl_Position = vec4(centre + corner * extent * 2.0 / u_viewport_px, 0.0, 1.0);
  v_local_px = corner * extent;
  v_radius_px = r;
  v_ring = a_attr.y != 0u ? 1.0 : 0.0;  // month/year-precision dates are hollow
  v_colour = u_colours[min(a_attr.x, 6u)];
}
