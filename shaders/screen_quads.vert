#version 330 core
// Rectangles given in framebuffer pixels (two triangles each); the fragment shader reads its
// texture at gl_FragCoord. Used to cover only the parts of the screen that have content.
layout(location = 0) in vec2 a_pos_px;
uniform vec2 u_viewport_px;
void main() {
  gl_Position = vec4(a_pos_px / u_viewport_px * 2.0 - 1.0, 0.0, 1.0);
}
