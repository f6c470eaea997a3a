#version 330 core
// Anti-aliased disc with a thin contrasting edge, or a ring for imprecise dates.
in vec2 v_local_px;
flat in float v_radius_px;
flat in float v_ring;
flat in vec4 v_colour;
uniform vec4 u_edge_colour;
uniform float u_edge_px;
uniform float u_ring_px;
out vec4 o_colour;
void main() {
  if (v_radius_px < 0.0) {  // dense mode: a translucent dot, so that overlaps read as density
    o_colour = vec4(v_colour.rgb, v_colour.a * 0.55);
    return;
  }
  float d = length(v_local_px);
  float outer = clamp(v_radius_px - d + 0.5, 0.0, 1.0);
  if (outer <= 0.0) discard;
  vec4 col;
  if (v_ring > 0.5) {
    float inner = clamp(d - (v_radius_px - u_ring_px) + 0.5, 0.0, 1.0);
    col = vec4(v_colour.rgb, v_colour.a * outer * inner);
  } else {
    float body = clamp(v_radius_px - u_edge_px - d + 0.5, 0.0, 1.0);
    vec3 rgb = mix(u_edge_colour.rgb, v_colour.rgb, body);
    float a = mix(u_edge_colour.a, v_colour.a, body);
    col = vec4(rgb, a * outer);
  }
  if (col.a <= 0.0) discard;
  o_colour = col;
}
