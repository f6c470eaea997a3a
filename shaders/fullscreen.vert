#version 330 core
// One triangle covering the whole viewport, from gl_VertexID alone (no vertex buffer); the
// fragment shaders read their texture at gl_FragCoord.
void main() {
  vec2 p = vec2(gl_VertexID == 1 ? 3.0 : -1.0, gl_VertexID == 2 ? 3.0 : -1.0);
  gl_Position = vec4(p, 0.0, 1.0);
}
