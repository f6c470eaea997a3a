// Small maps inside an export's map frame: an inset for each group of incidents far outside the
// frame (core::Framing's outliers), and a locator map of the wide area with a box where the main
// frame sits. Each is a map of its own (its own projection, centred on what it shows, and its own
// camera), drawn by the same renderer as the main map: on the GPU for raster outputs, as a
// ScenePanel of map layers for SVG and PDF, with its caption and boxes as marks in both.
//
// Why insets rather than the edge markers, when there is room: on a slide an arrow with
// "Krasnogorsk · 2,790 km" says that something happened far away, but not where; an inset shows
// the place among its neighbours and the incidents themselves, and the locator map shows where
// both the inset and the main frame lie. Insets take corners clear of the marks; the outliers
// that find no free corner (and any beyond kMaxInsets) keep their edge markers.
//
//   auto plan = render::plan_insets({...});                  // once per exporter
//   ScenePanel p = render::inset_panel(plan[0], scene_in);    // per frame: vector outputs
#pragma once
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/camera.hpp"
#include "core/dataset.hpp"
#include "core/framing.hpp"
#include "core/label_placement.hpp"
#include "core/projection.hpp"
#include "render/map_layout.hpp"
#include "render/scene.hpp"

namespace driftmap::render {

struct InsetMap {
  explicit InsetMap(core::Projection p) : projection(std::move(p)) {}
  std::string id;       // "inset-1", "locator" (the vector outputs' group)
  std::string name;     // "Inset: Krasnogorsk", "Locator map"
  // "Krasnogorsk, Russia · 2,790 km NW", or those two parts on two lines when narrow; none for
  // the locator.
  std::vector<std::string> caption;
  int outlier = -1;     // index into the framing's outliers; -1: the locator
  PxRect rect;          // the whole inset on the image: caption band and map
  PxRect map_rect;      // its map on the image
  core::Projection projection;
  core::GeoBox area_of_interest;
  core::Camera image_camera;  // the whole image, its map in map_rect (the GPU draws with it)
  core::Camera local_camera;  // the inset's own pixels, origin at rect's corner (its scene)
  double simplify_m = 0;
  // Lon/lat outlines the locator boxes: the main frame first, then each inset's map.
  std::vector<std::vector<core::Vec2>> boxes_lonlat;
};

struct InsetPlanInputs {
  const core::Boundaries* boundaries = nullptr;
  const core::Framing* framing = nullptr;  // null: no insets (a view was asked for)
  const core::Camera* camera = nullptr;    // the main map's
  const core::Projection* projection = nullptr;
  const MapLayout* layout = nullptr;
  Fonts* fonts = nullptr;
  double pixel_ratio = 1;
  bool insets = true, locator = false;
  std::vector<core::PxBox> obstacles;  // marks in the frame the small maps must not cover
  // Per framing outlier: how much its inset shows (frame_marks); empty: nearest first.
  std::vector<double> outlier_weight;
};

// At most this many insets; the other outliers keep their edge markers.
inline constexpr size_t kMaxInsets = 2;

// The insets that find room (nearest outliers first) and the locator map, if asked for and
// there is room.
std::vector<InsetMap> plan_insets(const InsetPlanInputs& in);

// What a small map must not cover in these periods: the incident marks and the areas' count
// badges inside the frame (image pixels).
struct FrameMarksInputs {
  const core::Dataset* dataset = nullptr;
  const core::AreaIndex* areas = nullptr;  // optional: no badges
  const core::Boundaries* boundaries = nullptr;
  const core::Camera* camera = nullptr;
  const core::Projection* projection = nullptr;
  const Style* style = nullptr;
  PxRect frame;
  core::IncidentFilter filter;
  double badge_radius_px = 0;
};
struct FrameMarks {
  std::vector<core::PxBox> obstacles;
  // Per outlier of the framing: its incidents drawn as marks, weighted by their toll (1 + killed),
  // so that the insets go to the groups a slide most needs to show (Krasnogorsk's 144 killed
  // before a province-level arrest nearer by).
  std::vector<double> outlier_weight;
};
FrameMarks frame_marks(const FrameMarksInputs& in, const std::vector<core::DayInterval>& periods,
                       const core::Framing* framing);

// The small maps a window shows (the locator always, an inset when the window reaches its group:
// `reached` is framing.reached_by(the window's points)), and the outliers left to edge markers.
std::vector<const InsetMap*> shown_insets(const std::vector<InsetMap>& insets, const core::Framing& framing,
                                          const core::Framing& reached);
core::Framing without_insets(const core::Framing& reached, const core::Framing& framing,
                             const std::vector<const InsetMap*>& shown);

// Whether a frame is regional enough for a locator map to help (narrower than a continent).
bool wants_locator(const core::Projection& projection, const core::Camera& camera, const PxRect& frame);

struct InsetSceneInputs {
  const core::Boundaries* boundaries = nullptr;
  const core::Dataset* dataset = nullptr;
  const core::AreaIndex* areas = nullptr;  // province and country highlights (optional)
  const Style* style = nullptr;
  Fonts* fonts = nullptr;
  double dpi = 96;
  double px_per_pt = 96.0 / 72.0;
  bool transparent = false;
  core::DayInterval window;  // the incidents shown: this window's that pass the filter
  core::IncidentFilter filter;
  bool map_layers = true;  // false: only the caption, frame and boxes (the GPU drew the map)
};

// The inset's scene in its own pixels, placed at its rect's corner.
ScenePanel inset_panel(const InsetMap& inset, const InsetSceneInputs& in);

// The small maps' map layers on the GPU (raster outputs): one MapRenderer per small map, built
// on first use, each drawing into the bound framebuffer scissored to its map. A GL 3.3 context
// must be current.
struct InsetDrawInputs {
  const core::Boundaries* boundaries = nullptr;
  const core::Dataset* dataset = nullptr;
  const core::AreaIndex* areas = nullptr;  // province and country highlights (optional)
  const Style* style = nullptr;
  int image_height_px = 0;
  core::DayInterval window;
  uint32_t type_mask = 0;
  int32_t killed_min = 0;
  std::span<const uint8_t> visible;
  bool transparent = false;
};
class MapRenderer;
class InsetRenderers {
 public:
  InsetRenderers();
  ~InsetRenderers();
  void draw(const std::vector<InsetMap>& all, const std::vector<const InsetMap*>& active, const InsetDrawInputs& in);

 private:
  std::vector<std::unique_ptr<MapRenderer>> renderers_;  // by index into `all`
};

// The style a small map is drawn in (the locator's is quieter than the main map's).
Style small_map_style(const InsetMap& inset, const Style& style);

// Draws the panel's mark layers (caption, frame, boxes) onto the image at the panel's place.
void draw_panel_marks(RgbaImage& image, const ScenePanel& panel, Fonts& fonts);

}  // namespace driftmap::render
