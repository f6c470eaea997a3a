// MapExporter: view set-up, the frame's scene, and GL frames with the annotations on top.
#include "render/map_export.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/article_figures.hpp"
#include "core/period_list.hpp"
#include "core/region_figures.hpp"
#include "core/timeline.hpp"
#include "render/boundary_mesh.hpp"
#include "render/gl_objects.hpp"
#include "render/inset_maps.hpp"
#include "render/drift_layer.hpp"
#include "render/legend_entries.hpp"
#include "render/map_labels.hpp"
#include "render/map_renderer.hpp"
#include "render/map_scene.hpp"
#include "render/offscreen_target.hpp"
// Header-only colour helpers (no ImGui): the CTC shares must look as they do in the viewer.
#include "render/region_colours.hpp"

namespace driftmap::render {

using core::GeoBox;
using core::Vec2;

namespace {

constexpr int kMaxSidePx = 16384;

// The data's extent (at least 2° each way), else the admin-1 layer's region.
GeoBox default_view_box(const core::Dataset& d, const core::Boundaries& b) {
  GeoBox box;
  for (size_t i = 0; i < d.size(); ++i) box.extend(d.lon_deg()[i], d.lat_deg()[i]);
  if (!box.valid())
    for (const auto& a : b.admin1()) {
      box.extend(a.bbox.min_lon, a.bbox.min_lat);
      box.extend(a.bbox.max_lon, a.bbox.max_lat);
    }
  if (!box.valid()) box = GeoBox{60, 23, 75, 38};
  for (auto [lo, hi] : {std::pair{&box.min_lon, &box.max_lon}, std::pair{&box.min_lat, &box.max_lat}})
    if (*hi - *lo < 2.0) {
      const double c = 0.5 * (*lo + *hi);
      *lo = c - 1.0;
      *hi = c + 1.0;
    }
  return box;
}

std::string short_title(const std::string& t) {
  std::string s = t.substr(0, std::min(t.find(" ("), t.find(": ")));
  if (s.size() > 60) {
    size_t cut = s.rfind(' ', 57);
    s = s.substr(0, cut == std::string::npos ? 57 : cut) + "…";
  }
  return s;
}

}  // namespace

core::IncidentFilter export_filter(const ExportSettings& s) {
  return {.type_mask = s.type_mask, .killed_min = s.killed_min, .visible = s.visible};
}

LayoutOptions layout_options(const ExportData& data, const ExportSettings& s, const std::vector<core::DayInterval>& periods) {
  LayoutOptions o;
  o.dpi = s.dpi;
  o.legend_types = legend_types(*data.dataset, export_filter(s), periods);
  o.legend = s.legend && !s.panel;
  o.scalebar = s.scalebar && !s.panel;
  o.north_arrow = s.north_arrow && !s.panel;
  if (s.panel) return o;
  o.title = s.title;
  o.subtitle = s.subtitle;
  o.attribution = attribution_text(data.bundle, data.bundle_incidents_shown, s.ctc_shares);
  return o;
}

std::string attribution_text(const core::Bundle* bundle, bool bundle_incidents_shown, bool ctc_shares) {
  std::string s = "Boundaries: Natural Earth (public domain). Places: GeoNames (CC BY 4.0).";
  if (!bundle) return s;
  std::vector<const core::Source*> cited;
  for (const auto& src : bundle->sources) {
    const bool shares_source = std::any_of(bundle->aggregates.begin(), bundle->aggregates.end(), [&](const auto& a) {
      return a.metric == core::AggregateMetric::SharePercent && a.source_id == src.source_id;
    });
    if (bundle_incidents_shown || (ctc_shares && shares_source)) cited.push_back(&src);
  }
  if (cited.empty()) return s;
  s += bundle_incidents_shown ? " Sources:" : " Shares of attacks:";
  for (size_t i = 0; i < cited.size(); ++i)
    s += (i ? "; " : " ") + (cited[i]->credit.empty() ? short_title(cited[i]->title) : cited[i]->credit);
  return s + ".";
}

// ---- MapExporter -----------------------------------------------------------------------------

struct MapExporter::Impl {
  ExportData data;
  ExportSettings settings;
  Style style;
  Fonts fonts;
  std::optional<core::Projection> projection;
  LayoutOptions layout_options;
  MapLayout layout;
  core::Camera camera;
  GeoBox aoi;
  double pixel_ratio = 1;

  // CTC Sentinel region groups: the admin-1 areas of each (by Bundle::regions index).
  std::vector<std::vector<size_t>> region_areas;

  std::unique_ptr<MapRenderer> renderer;
  std::unique_ptr<OffscreenTarget> target;
  std::optional<core::Framing> framing;  // the default frame, when no view was given
  std::vector<InsetMap> insets;          // fixed for every window
  InsetRenderers inset_renderers;
  bool draw_insets = true;               // false while rendering the map alone
  // The framing's outliers and listed countries this window reaches (the last window's, kept).
  std::optional<std::pair<core::DayInterval, core::Framing>> reached;
  std::optional<std::vector<core::DriftStep>> drift;  // settings.drift's steps over all the data

  core::IncidentFilter filter() const { return export_filter(settings); }

  double simplify_m() const { return simplify_tolerance_m(camera); }

  // The article's figures that speak to the window (core::region_figures_for_window): per-admin1
  // fills, the legend entries (each with its own period) and the caption (statements quoted, or
  // which figures exist when none applies).
  std::vector<core::WindowFigure> figures(core::DayInterval w) const {
    if (!settings.ctc_shares || !data.bundle) return {};
    return core::region_figures_for_window(*data.bundle, w);
  }
  void shares_for(core::DayInterval w, std::vector<Rgba>* admin1, LayoutOptions* lo) const {
    if (admin1) admin1->clear();
    if (!settings.ctc_shares || !data.bundle) return;
    const auto figs = figures(w);
    if (admin1) *admin1 = figure_fills(*data.bundle, figs, region_areas, data.boundaries->admin1().size());
    if (lo) add_share_legend(*data.bundle, w, settings.caption, lo);
  }

  LayoutOptions options_for(core::DayInterval w, const std::string& date) const {
    LayoutOptions lo = layout_options;
    lo.date_text = date;
    if (settings.panel) return lo;
    if (!settings.caption.empty()) lo.attribution = settings.caption + " " + lo.attribution;
    shares_for(w, nullptr, &lo);
    return lo;
  }

  // The periods the frame and the legend cover: the panels', else the frame window, else all.
  std::vector<core::DayInterval> frame_periods() const {
    if (!settings.frame_windows.empty()) return settings.frame_windows;
    return {settings.frame_window.value_or(data.dataset->extent())};
  }

  std::vector<Badge> badges(const core::AreaCounts& counts) const {
    std::vector<Badge> out;
    if (!settings.badges) return out;
    auto add = [&](const std::vector<uint32_t>& c, const std::vector<core::AdminArea>& list) {
      for (size_t i = 0; i < std::min(c.size(), list.size()); ++i) {
        if (!c[i]) continue;
        const Vec2 s = camera.world_to_screen(projection->forward(list[i].label_lonlat.x, list[i].label_lonlat.y));
        out.push_back({float(s.x), float(s.y), c[i]});
      }
    };
    add(counts.admin0, data.boundaries->admin0());
    add(counts.admin1, data.boundaries->admin1());
    return out;
  }

  const core::Framing& reached_by(core::DayInterval w) {
    // The frame may cover other periods too (an animation's, a sheet's): only this window's outliers.
    const auto periods = frame_periods();
    if (periods.size() == 1 && periods[0] == w) return *framing;
    if (!reached || reached->first != w)
      reached.emplace(w, framing->reached_by(core::frame_points(*data.dataset, w, filter(), *data.boundaries, data.areas)));
    return reached->second;
  }
  std::vector<const InsetMap*> active_insets(core::DayInterval w) {
    if (!draw_insets || insets.empty()) return {};
    return framing ? shown_insets(insets, *framing, reached_by(w)) : shown_insets(insets, {}, {});
  }

  // Labels and the outside-the-frame markers for the window, placed clear of the incident
  // marks, of the count badges already in `marks` and of the boxes keep_clear.
  void add_map_text(core::DayInterval w, const std::vector<uint32_t>& rows, const std::vector<core::PxBox>& keep_clear,
                    std::vector<Mark>* marks) {
    if (!settings.labels) return;
    const core::Dataset& d = *data.dataset;
    MapLabelScene sc{data.boundaries, &d, &camera, &*projection, &layout, &style, pixel_ratio, rows, {}, {}, keep_clear, {}};
    for (uint32_t row : rows) sc.point_radius_px.push_back(style.point_radius_px(d.killed()[row], pixel_ratio));
    for (const Mark& k : *marks)
      if (k.group == "badges" && k.kind == Mark::Kind::Circle) sc.obstacles.push_back({k.x - k.w, k.y - k.w, k.x + k.w, k.y + k.w});
    if (data.areas) {
      const auto area_of = data.areas->area_of_row();
      const core::IncidentFilter f = filter();
      d.for_each_in_window(w, [&](size_t row) {
        if (row >= area_of.size() || area_of[row].level != 1 || area_of[row].index == core::AreaRef::kNone) return;
        if (d.location_precision()[row] != core::LocationPrecision::Province || !f.passes(d, row)) return;
        if (std::find(sc.incident_admin1.begin(), sc.incident_admin1.end(), area_of[row].index) == sc.incident_admin1.end())
          sc.incident_admin1.push_back(area_of[row].index);
      });
    }
    std::vector<Mark> outside;
    if (framing) {
      // An outlier with an inset needs no edge marker; the small maps are obstacles for labels.
      const auto shown = active_insets(w);
      for (const InsetMap* i : shown)
        sc.small_maps.push_back({double(i->rect.x), double(i->rect.y), double(i->rect.x + i->rect.w), double(i->rect.y + i->rect.h)});
      outside = outside_marks(without_insets(reached_by(w), *framing, shown), sc, fonts);
      sc.obstacles.insert(sc.obstacles.end(), sc.small_maps.begin(), sc.small_maps.end());
    }
    for (const Mark& k : outside)
      if (k.kind == Mark::Kind::Rect) sc.obstacles.push_back({k.x, k.y, k.x + k.w, k.y + k.h});
    std::vector<Mark> labels = label_marks(sc, fonts);
    marks->insert(marks->end(), labels.begin(), labels.end());
    marks->insert(marks->end(), outside.begin(), outside.end());
  }

  // The small maps as panels over the scene (Full: with their map layers, for vector outputs).
  void add_inset_panels(core::DayInterval w, SceneDetail detail, Scene* scene) {
    for (const InsetMap* i : active_insets(w))
      scene->panels.push_back(inset_panel(*i, {data.boundaries, data.dataset, data.areas, &style, &fonts, settings.dpi, layout.px_per_pt,
                                               settings.transparent, w, filter(), detail == SceneDetail::Full}));
  }
  void compute_layout();
  void plan_small_maps();
  void choose_projection(const GeoBox& box);
  void fit_view(const GeoBox& box);
};

void check_export_settings(ExportSettings& s) {
  if (s.width_px < 16 || s.height_px < 16 || s.width_px > kMaxSidePx || s.height_px > kMaxSidePx)
    throw ExportError("size " + std::to_string(s.width_px) + "x" + std::to_string(s.height_px) +
                      " is out of range (each side 16.." + std::to_string(kMaxSidePx) + " pixels)");
  if (s.dpi <= 0) s.dpi = default_dpi(s.width_px, s.height_px);
  if (s.dpi < 24 || s.dpi > 2400) {
    char dpi[32];
    std::snprintf(dpi, sizeof dpi, "%g", s.dpi);
    throw ExportError(std::string("dpi ") + dpi + " is out of range (24..2400)");
  }
}

// The layout options, and the panels' sizes measured with the widest text the frames will have
// (every window's date, caption and legend), so that all frames of an animation share one layout.
void MapExporter::Impl::compute_layout() {
  Impl& m = *this;
  const ExportSettings& st = m.settings;
  LayoutOptions& lo = m.layout_options;
  lo = render::layout_options(data, st, frame_periods());
  if (st.period_box) lo.date_pt = std::max(10.0, 0.045 * st.height_px / px_per_pt(st.dpi));
  LayoutOptions measure = lo;
  measure.date_text = "Date range";
  if (!st.caption.empty() && !st.panel) measure.attribution = st.caption + " " + measure.attribution;
  if (st.ctc_shares && data.bundle) m.region_areas = core::region_areas(*data.bundle, *data.boundaries);
  // Room for the article's figures whenever they could be shown, so that the map frame has one
  // size with --ctc on or off.
  if (data.bundle && !st.panel) add_share_room(*data.bundle, &measure);
  m.layout = MapLayout::compute(st.width_px, st.height_px, measure, m.fonts);
}

// The projection: centred on the framing of the incidents by default, else on the view asked for.
void MapExporter::Impl::choose_projection(const GeoBox& box) {
  Impl& m = *this;
  const ExportSettings& st = m.settings;
  const bool default_frame = !st.bbox && !st.centre_m && !st.view_box_m && !st.projection_centre_deg;
  if (default_frame) {
    const PxRect& F = m.layout.map_frame;
    std::vector<core::FramePoint> points;
    for (const core::DayInterval w : m.frame_periods()) {
      auto more = core::frame_points(*data.dataset, w, m.filter(), *data.boundaries, data.areas);
      points.insert(points.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    m.framing = core::frame_incidents(points, {.aspect = double(F.w) / double(F.h)}, box);
    m.projection = m.framing->make_projection();
  } else if ((st.centre_m || st.view_box_m) && !st.bbox) {
    const Vec2 c = st.projection_centre_deg            ? *st.projection_centre_deg
                   : data.viewer_projection_centre_deg ? *data.viewer_projection_centre_deg
                                                       : Vec2{box.centre_lon(), box.centre_lat()};
    m.projection = core::Projection::laea(c.x, c.y);
  } else if (st.projection_centre_deg) {
    m.projection = core::Projection::laea(st.projection_centre_deg->x, st.projection_centre_deg->y);
  } else {
    m.projection = core::Projection::for_extent(box);
  }
}

// The camera for the frame, view box, centre or box, and the area of interest it shows.
void MapExporter::Impl::fit_view(const GeoBox& box) {
  Impl& m = *this;
  const ExportSettings& st = m.settings;
  if (m.framing) {
    const auto [plo, phi] = m.framing->projected_frame(*m.projection);
    m.camera = fit_camera(m.layout, plo, phi, m.pixel_ratio);
  } else if (st.view_box_m && !st.bbox) {
    m.camera = fit_camera(m.layout, st.view_box_m->first, st.view_box_m->second, m.pixel_ratio);
  } else if (st.centre_m && !st.bbox) {
    const double mpp = st.metres_per_px.value_or(1000.0) / m.pixel_ratio;
    m.camera = centred_camera(m.layout, *st.centre_m, mpp, m.pixel_ratio);
  } else {
    auto [plo, phi] = core::projected_bounds(*m.projection, box);
    if (!st.bbox) {  // the data's own extent: a little air so that edge points are whole
      const double pad = 0.03 * std::max(phi.x - plo.x, phi.y - plo.y);
      plo = {plo.x - pad, plo.y - pad};
      phi = {phi.x + pad, phi.y + pad};
    }
    m.camera = fit_camera(m.layout, plo, phi, m.pixel_ratio);
  }
  GeoBox aoi = core::lonlat_bounds(*m.projection, m.camera.visible_min_m(), m.camera.visible_max_m());
  const double pad_deg = 0.02 * std::max(aoi.max_lon - aoi.min_lon, aoi.max_lat - aoi.min_lat) + 0.1;
  m.aoi = GeoBox{std::max(-180.0, aoi.min_lon - pad_deg), std::max(-90.0, aoi.min_lat - pad_deg),
                 std::min(180.0, aoi.max_lon + pad_deg), std::min(90.0, aoi.max_lat + pad_deg)};
}

// The insets and the locator map, clear of every period's marks and of the list of
// country-level incidents outside the frame.
void MapExporter::Impl::plan_small_maps() {
  const ExportSettings& st = settings;
  const bool locator = !st.panel && st.locator.value_or(wants_locator(*projection, camera, layout.map_frame));
  if (st.panel || (!locator && (!st.insets || !framing))) return;
  InsetPlanInputs in{data.boundaries, framing ? &*framing : nullptr, &camera, &*projection, &layout, &fonts,
                     pixel_ratio, st.insets, locator, {}, {}};
  FrameMarks marks = frame_marks({data.dataset, data.areas, data.boundaries, &camera, &*projection, &style,
                                  layout.map_frame, filter(), double(layout.pt(12))},
                                 frame_periods(), framing ? &*framing : nullptr);
  in.obstacles = std::move(marks.obstacles);
  in.outlier_weight = std::move(marks.outlier_weight);
  if (framing && st.labels) {
    core::Framing listed_only = *framing;
    listed_only.outliers.clear();
    MapLabelScene sc{data.boundaries, data.dataset, &camera, &*projection, &layout, &style, pixel_ratio, {}, {}, {}, {}, {}};
    for (const Mark& k : outside_marks(listed_only, sc, fonts))
      if (k.kind == Mark::Kind::Rect) in.obstacles.push_back({k.x, k.y, k.x + k.w, k.y + k.h});
  }
  insets = plan_insets(in);
}

MapExporter::MapExporter(const ExportData& data, ExportSettings s) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  if (!data.boundaries || !data.dataset) throw ExportError("no boundaries or incidents to export");
  check_export_settings(s);
  m.data = data;
  m.settings = std::move(s);
  m.style = m.settings.dark ? Style::dark() : Style::light();
  std::string why;
  auto fonts = Fonts::open(&why);
  if (!fonts) throw ExportError("text: " + why);
  m.fonts = std::move(*fonts);
  m.pixel_ratio = m.settings.dpi / 96.0;
  if (m.settings.drift) m.drift = core::drift(*data.dataset, *m.settings.drift);
  m.compute_layout();
  // The box to show: the one asked for, else the framing of the incidents.
  const GeoBox box = m.settings.bbox ? *m.settings.bbox : default_view_box(*data.dataset, *data.boundaries);
  m.choose_projection(box);
  m.fit_view(box);
  m.plan_small_maps();
}

MapExporter::~MapExporter() = default;

const ExportSettings& MapExporter::settings() const { return impl_->settings; }
const core::Camera& MapExporter::camera() const { return impl_->camera; }
const core::Projection& MapExporter::projection() const { return *impl_->projection; }
size_t MapExporter::inset_count() const { return impl_->insets.size(); }
const core::Framing* MapExporter::framing() const { return impl_->framing ? &*impl_->framing : nullptr; }
const MapLayout& MapExporter::layout() const { return impl_->layout; }
const Style& MapExporter::style() const { return impl_->style; }

std::string MapExporter::date_text(core::DayInterval w) const {
  if (w.end_day <= w.start_day) return "no incidents";
  const core::Dataset& d = *impl_->data.dataset;
  const core::IncidentFilter f = impl_->filter();
  size_t n = 0;
  d.for_each_in_window(w, [&](size_t row) { n += f.passes(d, row); });
  const std::string period = impl_->settings.panel ? core::period_text(w) : core::range_text(core::months_covering(w));
  return period + " · " + std::to_string(n) + (n == 1 ? " incident" : " incidents");
}

LayoutOptions MapExporter::layout_options(core::DayInterval w) const { return impl_->options_for(w, date_text(w)); }

std::vector<uint32_t> MapExporter::visible_points(core::DayInterval w) const {
  const Impl& m = *impl_;
  const core::Dataset& d = *m.data.dataset;
  const core::IncidentFilter f = m.filter();
  std::vector<uint32_t> rows;
  if (w.end_day <= w.start_day) return rows;
  d.for_each_in_window(w, [&](size_t row) {
    if (!f.passes(d, row) || !core::is_point_precision(d.location_precision()[row])) return;
    const Vec2 s = m.camera.world_to_screen(m.projection->forward(d.lon_deg()[row], d.lat_deg()[row]));
    if (m.layout.map_frame.contains(s.x, s.y)) rows.push_back(uint32_t(row));
  });
  std::sort(rows.begin(), rows.end());
  return rows;
}

RgbaImage MapExporter::render(core::DayInterval w, bool insets) {
  Impl& m = *impl_;
  m.draw_insets = insets;
  const ExportSettings& st = m.settings;
  if (!m.renderer) {
    m.renderer = std::make_unique<MapRenderer>(*m.data.boundaries, *m.projection, m.style,
                                               MapRendererOptions{.area_of_interest = m.aoi,
                                                                  .simplify_m = m.simplify_m(),
                                                                  .outline_levels_of_detail = false});
    m.renderer->set_dataset(m.data.dataset, m.data.areas);
    if (!st.visible.empty()) m.renderer->set_visibility(st.visible);
  }
  if (!m.target) m.target = std::make_unique<OffscreenTarget>(st.width_px, st.height_px, 1);
  std::vector<Rgba> admin1;
  m.shares_for(w, &admin1, nullptr);
  m.renderer->set_area_colours({}, admin1);
  m.target->bind();
  if (st.transparent) {
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  // The map only inside its frame: the paper marks cover the rest, and at 4K the rasteriser
  // would spend a fifth of its time under them. (GL's y axis points up.)
  const PxRect& F = m.layout.map_frame;
  glEnable(GL_SCISSOR_TEST);
  glScissor(F.x, st.height_px - (F.y + F.h), F.w, F.h);
  m.renderer->draw(m.camera, {.window = w, .type_mask = st.type_mask, .killed_min = st.killed_min,
                              .clear = !st.transparent, .area_highlights = m.data.areas != nullptr});
  m.inset_renderers.draw(m.insets, m.active_insets(w),
                         {m.data.boundaries, m.data.dataset, m.data.areas, &m.style, st.height_px, w, st.type_mask, st.killed_min,
                          st.visible, st.transparent});
  glDisable(GL_SCISSOR_TEST);
  RgbaImage img{st.width_px, st.height_px, m.target->read_rgba()};
  if (st.transparent) {
    // Blending onto a transparent clear leaves premultiplied colour: back to straight alpha.
    for (size_t i = 0; i < img.pixels.size(); i += 4) {
      const unsigned a = img.pixels[i + 3];
      if (a == 0 || a == 255) continue;
      for (int k = 0; k < 3; ++k) img.pixels[i + k] = uint8_t(std::min(255u, (img.pixels[i + k] * 255u + a / 2) / a));
    }
  }
  const Scene annotations = scene(w, SceneDetail::Annotations);
  draw_scene_marks(img, annotations, m.fonts);
  for (const ScenePanel& p : annotations.panels) draw_panel_marks(img, p, m.fonts);
  m.draw_insets = true;
  return img;
}

void MapExporter::use_target(std::unique_ptr<OffscreenTarget> target) {
  const ExportSettings& st = impl_->settings;
  if (target && target->width() == st.width_px && target->height() == st.height_px && target->samples() == 1)
    impl_->target = std::move(target);
}

Scene MapExporter::scene(core::DayInterval w, SceneDetail detail) {
  Impl& m = *impl_;
  const ExportSettings& st = m.settings;
  core::AreaCounts counts;
  if (detail == SceneDetail::Annotations && m.renderer) counts = m.renderer->area_counts();
  else if (m.data.areas && w.end_day > w.start_day) counts = m.data.areas->counts_in_window(*m.data.dataset, w, m.filter());

  Scene scene;
  scene.width_px = st.width_px;
  scene.height_px = st.height_px;
  scene.dpi = st.dpi;
  scene.title = st.title.empty() ? "driftmap export" : st.title;
  scene.map_frame = m.layout.map_frame;
  const std::vector<uint32_t> points = visible_points(w);
  if (detail == SceneDetail::Full) {
    std::vector<Rgba> admin1;
    m.shares_for(w, &admin1, nullptr);
    add_map_layers(scene, {.boundaries = m.data.boundaries,
                           .dataset = m.data.dataset,
                           .camera = &m.camera,
                           .projection = &*m.projection,
                           .style = &m.style,
                           .area_of_interest = m.aoi,
                           .simplify_m = m.simplify_m(),
                           .transparent = st.transparent,
                           .counts = &counts,
                           .admin1_fill = admin1,
                           .points = points});
  }
  std::vector<Mark> marks = layout_marks(m.layout, m.options_for(w, date_text(w)), m.style, m.camera, *m.projection,
                                         m.fonts, m.badges(counts), st.transparent);
  DriftLayer drift;
  if (m.drift) drift = drift_layer(*m.drift, w, m.camera, *m.projection, m.layout, m.style, m.fonts);
  m.add_map_text(w, points, drift.boxes, &marks);
  scene.add(std::move(marks));
  scene.add(std::move(drift.marks));  // over the map and its labels: the layer the user asked for
  m.add_inset_panels(w, detail, &scene);
  return scene;
}

Fonts& MapExporter::fonts() { return impl_->fonts; }

Georeference MapExporter::georeference() const {
  const Impl& m = *impl_;
  const PxRect& F = m.layout.map_frame;
  const Vec2 origin = m.camera.screen_to_world({double(F.x), double(F.y)});
  return {F, origin.x, origin.y, m.camera.metres_per_px(), m.projection->wkt()};
}

}  // namespace driftmap::render
