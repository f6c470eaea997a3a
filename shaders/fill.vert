#version 330 core
// Filled admin polygons. a_area: (own area id, parent country id or 0xFFFFFFFF) into the
// per-area colour buffers (admin0 ids first, then admin1 ids offset by the admin0 count).
// The colour is worked out here, once per vertex, and passed flat (every vertex of a triangle
// belongs to the same area): a software rasteriser would otherwise do the buffer lookups for
// every pixel (software GL must stay interactive). Only hatching (fill_hatched.frag) is per pixel.
layout(location = 0) in vec2 a_pos_m;
layout(location = 1) in uvec2 a_area;
uniform mat3 u_world_to_clip;
uniform vec4 u_base;
uniform vec4 u_highlight;            // province level: rgb + strength
uniform vec4 u_highlight_country;    // country level: rgb + strength
uniform samplerBuffer u_override;    // RGBA8 per area
uniform samplerBuffer u_highlighted; // R8 per area: 0 none, else its event types' bits (255: not given)
flat out vec3 v_colour;              // the area's colour, highlights included (solid)
flat out vec3 v_under;               // the same without a province's own highlight
flat out float v_province_highlight; // that highlight's strength (0 = none)
flat out uint v_types;               // the province's event types (bits), for the hatch's colours

// Base land colour, then the parent country's and the area's own override (alpha = strength,
// 0 = none; e.g. a choropleth) and highlight (active area-precision incidents). Country-level
// highlights have their own colour (a light tint in the viewer); province-level ones can be
// diagonal stripes (fill_hatched.frag), so that the override under them stays readable.
vec3 apply_override(vec3 col, uint id) {
  vec4 ov = texelFetch(u_override, int(id));
  return mix(col, ov.rgb, ov.a);
}
// 1 when the area is highlighted, whatever its type bits.
float highlighted(uint id) { return texelFetch(u_highlighted, int(id)).r > 0.0 ? 1.0 : 0.0; }
vec3 apply_country_highlight(vec3 col, uint id) {
  float h = highlighted(id);
  return mix(col, u_highlight_country.rgb, u_highlight_country.a * h);
}

void main() {
  vec3 c = u_world_to_clip * vec3(a_pos_m, 1.0);
  gl_Position = vec4(c.xy, 0.0, 1.0);
  vec3 col = u_base.rgb;
  // Provinces carry their country as parent; countries have none.
  bool own_is_country = a_area.y == 0xFFFFFFFFu;
  if (!own_is_country) col = apply_country_highlight(apply_override(col, a_area.y), a_area.y);
  // The area's own override (the article's region fills) goes over its highlights, so that an
  // area-incident tint never hides it; a hatched highlight fades by the override's strength.
  vec4 ov = texelFetch(u_override, int(a_area.x));
  float ph = 0.0;
  v_types = 0u;
  if (own_is_country) col = apply_country_highlight(col, a_area.x);
  else {
    ph = u_highlight.a * highlighted(a_area.x);
    v_types = uint(texelFetch(u_highlighted, int(a_area.x)).r * 255.0 + 0.5);
  }
  v_province_highlight = ph * (1.0 - ov.a);
  v_under = mix(col, ov.rgb, ov.a);
  v_colour = mix(mix(col, u_highlight.rgb, ph), ov.rgb, ov.a);
}
