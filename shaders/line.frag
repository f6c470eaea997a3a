#version 330 core
in float v_across_px;
uniform vec4 u_colour;
uniform float u_half_width_px;
uniform float u_coverage;  // < 1 for lines thinner than a pixel (drawn 1 px wide, fainter)
out vec4 o_colour;
void main() {
  float a = clamp(u_half_width_px + 0.5 - abs(v_across_px), 0.0, 1.0) * u_coverage;
  if (a <= 0.0) discard;
  o_colour = vec4(u_colour.rgb, u_colour.a * a);
}
