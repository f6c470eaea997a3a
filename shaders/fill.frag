#version 330 core
// Base land colour, then the parent country's and the area's own override (alpha = strength,
// 0 = none; e.g. a choropleth) and highlight (active area-precision incidents).
flat in uvec2 v_area;
uniform vec4 u_base;
uniform vec4 u_highlight;            // rgb + strength
uniform samplerBuffer u_override;    // RGBA8 per area
uniform samplerBuffer u_highlighted; // R8 per area: 1 = has active incidents
out vec4 o_colour;

vec3 apply(vec3 col, uint id) {
  vec4 ov = texelFetch(u_override, int(id));
  col = mix(col, ov.rgb, ov.a);
  float h = texelFetch(u_highlighted, int(id)).r;
  return mix(col, u_highlight.rgb, u_highlight.a * h);
}

void main() {
  vec3 col = u_base.rgb;
  if (v_area.y != 0xFFFFFFFFu) col = apply(col, v_area.y);
  col = apply(col, v_area.x);
  o_colour = vec4(col, 1.0);
}
