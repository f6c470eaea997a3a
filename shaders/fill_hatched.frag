#version 330 core
// Highlighted provinces as diagonal stripes of the highlight colour over the area's colour
// (fill.vert), so that an override (e.g. a choropleth) under them stays readable. Drawn only
// over highlighted areas, after the flat fill.
flat in vec3 v_colour;
flat in vec3 v_under;
flat in float v_province_highlight;
uniform vec4 u_highlight;            // province level: rgb + strength
uniform float u_hatch_px;            // > 0: stripes this many px apart
out vec4 o_colour;

float hatch() {
  if (u_hatch_px <= 0.0) return 1.0;
  // Stripes at 45 degrees, a third of the period wide, anti-aliased over about a pixel.
  float d = abs(fract((gl_FragCoord.x + gl_FragCoord.y) / u_hatch_px) - 0.5) * u_hatch_px;
  return clamp(u_hatch_px / 6.0 - d + 0.5, 0.0, 1.0);
}

void main() {
  if (v_province_highlight <= 0.0) {
    o_colour = vec4(v_colour, 1.0);
    return;
  }
  o_colour = vec4(mix(v_under, u_highlight.rgb, v_province_highlight * hatch()), 1.0);
}
