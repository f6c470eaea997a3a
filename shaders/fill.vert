#version 330 core
// Filled admin polygons. a_area: (own area id, parent country id or 0xFFFFFFFF) into the
// per-area colour buffers (admin0 ids first, then admin1 ids offset by the admin0 count).
layout(location = 0) in vec2 a_pos_m;
layout(location = 1) in uvec2 a_area;
uniform mat3 u_world_to_clip;
flat out uvec2 v_area;
void main() {
  vec3 c = u_world_to_clip * vec3(a_pos_m, 1.0);
  gl_Position = vec4(c.xy, 0.0, 1.0);
  v_area = a_area;
}
