#version 330 core
// Highlighted provinces as diagonal stripes over the area's colour (fill.vert), so that an
// override (e.g. a choropleth) under them stays readable: each stripe in the colour of one of the
// province's event types in turn (the highlight colour when the types are not given). Drawn only
// over highlighted areas, after the flat fill.
flat in vec3 v_colour;
flat in vec3 v_under;
flat in float v_province_highlight;
flat in uint v_types;                // bit per event type; 255 = not given
uniform vec4 u_highlight;            // province level: rgb + strength
uniform vec3 u_type_colour[7];       // render::Style::event_colour
uniform float u_hatch_px;            // > 0: stripes this many px apart
out vec4 o_colour;

float hatch() {
  if (u_hatch_px <= 0.0) return 1.0;
  // Stripes at 45 degrees, a third of the period wide, anti-aliased over about a pixel.
  float d = abs(fract((gl_FragCoord.x + gl_FragCoord.y) / u_hatch_px) - 0.5) * u_hatch_px;
  return clamp(u_hatch_px / 6.0 - d + 0.5, 0.0, 1.0);
}

// The stripe's colour: stripe k takes the (k mod n)-th of the n types present.
vec3 stripe_colour() {
  if (v_types == 0u || v_types >= 128u) return u_highlight.rgb;
  int n = 0;
  for (int t = 0; t < 7; ++t) n += int((v_types >> uint(t)) & 1u);
  int k = int(floor((gl_FragCoord.x + gl_FragCoord.y) / max(u_hatch_px, 1.0)));
  int pick = int(mod(float(k), float(n)));
  for (int t = 0; t < 7; ++t) {
    if (((v_types >> uint(t)) & 1u) == 0u) continue;
    if (pick == 0) return u_type_colour[t];
    --pick;
  }
  return u_highlight.rgb;
}

void main() {
  if (v_province_highlight <= 0.0) {
    o_colour = vec4(v_colour, 1.0);
    return;
  }
  o_colour = vec4(mix(v_under, stripe_colour(), v_province_highlight * hatch()), 1.0);
}
