#version 330 core
// A cached layer (premultiplied RGBA) copied onto the framebuffer, one texel per u_cell_px ×
// u_cell_px block of pixels (1 for the base map layers, a few for the density grid). Blending is
// set by the caller: none for an opaque layer, "over" (ONE, ONE_MINUS_SRC_ALPHA) for the others.
uniform sampler2D u_layer;
uniform int u_cell_px;
out vec4 o_colour;
void main() {
  o_colour = texelFetch(u_layer, ivec2(gl_FragCoord.xy) / u_cell_px, 0);
}
