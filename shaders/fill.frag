#version 330 core
// Filled admin polygons: one colour per triangle, worked out in fill.vert.
flat in vec3 v_colour;
out vec4 o_colour;
void main() {
  o_colour = vec4(v_colour, 1.0);
}
