// The display list of one exported frame: every layer of the picture, bottom to top, as simple
// shapes in image pixels (y down). Every output draws from it: raster outputs rasterise the
// marks onto the GL-rendered map (whose own layers the GPU draws from the same data), vector
// outputs (SVG, PDF) write every layer's marks. A layer is one row of scene_layer_table() and
// marks with its id: it then appears in every output without any writer changing.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/geometry.hpp"
#include "render/style.hpp"
#include "render/text_raster.hpp"

namespace driftmap::render {

struct PxRect {
  int x = 0, y = 0, w = 0, h = 0;
  bool empty() const { return w <= 0 || h <= 0; }
  bool contains(double px, double py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

// One drawing primitive (image pixels, y down).
struct Mark {
  enum class Kind { Rect, Circle, Text, Polygon, Path } kind = Kind::Rect;
  std::string group;  // the layer's id (scene_layer_table)
  double x = 0, y = 0, w = 0, h = 0;  // Rect: box; Circle: centre (x, y), radius w; Text: pen x, baseline y
  Rgba fill{0, 0, 0, 0};    // alpha 0 = not filled
  Rgba stroke{0, 0, 0, 0};
  double stroke_px = 0;     // Rect outline / Circle edge / Path outline
  double ring_px = 0;       // Circle: > 0 draws a ring of that width in the fill colour (no fill inside)
  std::string text;         // Text
  int size_px = 0;          // Text pixel size
  bool bold = false;
  std::vector<core::Vec2> points;             // Polygon
  std::vector<std::vector<core::Vec2>> rings;  // Path: closed rings, filled even-odd
  std::string id, name;                       // vector outputs: element id and label (optional)
};

// A count badge on an area with province/country-level incidents (image pixels).
struct Badge {
  float x_px, y_px;
  unsigned count;
};

// How a layer is drawn in raster outputs: by the GL map renderer (the layers below the
// annotations, from the same boundaries and incidents) or by rasterising its marks.
enum class RasterBy { Gpu, Marks };

struct SceneLayerSpec {
  const char* id;     // "countries"; also the marks' group
  const char* label;  // "Countries" (the layer's name in an editor)
  bool clip_to_map;   // clipped to the map frame
  RasterBy raster;
};
// Every layer, bottom to top.
const std::vector<SceneLayerSpec>& scene_layer_table();

struct SceneLayer {
  const SceneLayerSpec* spec = nullptr;
  std::vector<Mark> marks;
};

struct ScenePanel;

struct Scene {
  int width_px = 0, height_px = 0;
  double dpi = 96;
  std::string title;  // the document's title (vector outputs' metadata)
  PxRect map_frame;
  std::vector<SceneLayer> layers;  // one per scene_layer_table() row, in its order
  // A sheet of small multiples: each panel a scene of its own, drawn over the layers above.
  std::vector<ScenePanel> panels;

  Scene();  // every layer, empty
  // Appends each mark to the layer named by its group (marks of an unknown group are a
  // programming error and are dropped).
  void add(std::vector<Mark> marks);
  void add(Mark mark);
  const SceneLayer* layer(std::string_view id) const;
};

// One panel of a sheet: its scene (in its own pixels, map frame included) placed at (x, y).
struct ScenePanel {
  std::string id;    // "panel-1"
  std::string name;  // "2022 · 41 incidents"
  int x_px = 0, y_px = 0;
  Scene scene;
};

// Rasterises the marks of the layers drawn by marks onto the image, in layer order (straight
// alpha; a transparent image stays transparent where nothing is drawn).
struct Fonts;
void draw_scene_marks(RgbaImage& image, const Scene& scene, Fonts& fonts);
void draw_marks(RgbaImage& image, const std::vector<Mark>& marks, Fonts& fonts);

}  // namespace driftmap::render
