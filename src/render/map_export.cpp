// MapExporter: view set-up, GL frames with annotations, the SVG document, and the PNG and
// GeoTIFF writers.
#include "render/map_export.hpp"

#include <gdal.h>
#include <cpl_conv.h>
#include <cpl_error.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/atomic_file.hpp"
#include "core/region_figures.hpp"
#include "core/timeline.hpp"
#include "render/boundary_mesh.hpp"
#include "render/gl_objects.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/png_writer.hpp"
#include "render/text_overlay.hpp"
// Header-only colour helpers (no ImGui): the CTC shares must look as they do in the viewer.
#include "render/region_colours.hpp"

namespace driftmap::render {

using core::GeoBox;
using core::Vec2;

namespace {

constexpr int kMaxSidePx = 16384;

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Lon/lat box of the projected rectangle [lo, hi] (edges sampled; LAEA edges are curves).
GeoBox lonlat_box_of(const core::Projection& proj, Vec2 lo, Vec2 hi) {
  GeoBox box;
  constexpr int kSteps = 32;
  for (int i = 0; i <= kSteps; ++i) {
    const double t = double(i) / kSteps;
    for (Vec2 p : {Vec2{lo.x + (hi.x - lo.x) * t, lo.y}, Vec2{lo.x + (hi.x - lo.x) * t, hi.y},
                   Vec2{lo.x, lo.y + (hi.y - lo.y) * t}, Vec2{hi.x, lo.y + (hi.y - lo.y) * t}}) {
      const Vec2 ll = proj.inverse(p.x, p.y);
      if (std::isfinite(ll.x) && std::isfinite(ll.y)) box.extend(ll.x, ll.y);
    }
  }
  return box;
}

// Projected bounds of a lon/lat box (edges sampled).
std::pair<Vec2, Vec2> projected_bounds(const core::Projection& proj, const GeoBox& b) {
  Vec2 lo{1e300, 1e300}, hi{-1e300, -1e300};
  constexpr int kSteps = 32;
  for (int i = 0; i <= kSteps; ++i) {
    const double t = double(i) / kSteps;
    const double lon = b.min_lon + (b.max_lon - b.min_lon) * t, lat = b.min_lat + (b.max_lat - b.min_lat) * t;
    for (Vec2 ll : {Vec2{lon, b.min_lat}, Vec2{lon, b.max_lat}, Vec2{b.min_lon, lat}, Vec2{b.max_lon, lat}}) {
      const Vec2 p = proj.forward(ll.x, ll.y);
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
      lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
      hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
  }
  return {lo, hi};
}

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

double point_radius(const Style& s, int32_t killed, double ratio) {
  const double r = killed > 0 ? s.point_min_radius_px + s.point_radius_per_sqrt_killed_px * std::sqrt(double(killed))
                              : s.point_min_radius_px;
  return std::min<double>(r, s.point_max_radius_px) * ratio;
}

Rgba mix(Rgba a, Rgba b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1.f};
}

// ---- SVG text helpers ------------------------------------------------------------------------
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}
std::string hex(Rgba c) {
  const auto b = c.to_bytes();
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", b[0], b[1], b[2]);
  return buf;
}
std::string paint(const char* what, Rgba c) {
  std::string s = std::string(" ") + what + "=\"" + hex(c) + "\"";
  if (c.a < 0.999f) s += std::string(" ") + what + "-opacity=\"" + num(c.a) + "\"";
  return s;
}
std::string xml_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}
std::string layer_open(const std::string& id, const std::string& label, const std::string& extra = {}) {
  return "<g id=\"" + id + "\" inkscape:groupmode=\"layer\" inkscape:label=\"" + xml_escape(label) + "\"" + extra + ">\n";
}

}  // namespace

std::optional<ExportFormat> export_format_for(const std::string& path) {
  const std::string ext = lower(extension_of(path));
  if (ext == ".png") return ExportFormat::Png;
  if (ext == ".tif" || ext == ".tiff") return ExportFormat::GeoTiff;
  if (ext == ".svg") return ExportFormat::Svg;
  return std::nullopt;
}

std::string extension_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return path.substr(dot);
}

Vec2 viewer_projection_centre(const core::Boundaries& b) {
  GeoBox box;
  for (const char* code : {"AFG", "PAK"})
    if (auto i = b.find_admin0(code)) {
      box.extend(b.admin0()[*i].bbox.min_lon, b.admin0()[*i].bbox.min_lat);
      box.extend(b.admin0()[*i].bbox.max_lon, b.admin0()[*i].bbox.max_lat);
    }
  if (!box.valid()) return {67.5, 30.5};
  return {box.centre_lon(), box.centre_lat()};
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
  for (size_t i = 0; i < cited.size(); ++i) s += (i ? "; " : " ") + short_title(cited[i]->title);
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

  // CTC Sentinel shares (when asked for and the bundle has them).
  core::ReportedSeries shares;
  std::vector<std::vector<size_t>> region_areas;
  std::vector<size_t> shift_regions;

  std::unique_ptr<MapRenderer> renderer;
  std::unique_ptr<OffscreenTarget> target;

  core::IncidentFilter filter() const { return {settings.type_mask, settings.killed_min, settings.visible}; }

  // Boundary simplification (Douglas–Peucker) for this fixed view: half a logical pixel, at most
  // one output pixel (QGIS's default on-the-fly simplification threshold). Outlines are at least
  // 1.5 logical pixels wide, so the difference does not show; at 4K (pixel ratio 2) it halves the
  // triangles the rasteriser sets up compared with half an output pixel.
  double simplify_m() const { return std::min(1.0, 0.5 * pixel_ratio) * camera.metres_per_px(); }

  // Per-admin1 override colours and the legend entries for the window.
  void shares_for(core::DayInterval w, std::vector<Rgba>* admin1, LayoutOptions* lo) const {
    if (admin1) admin1->clear();
    if (!settings.ctc_shares || !data.bundle || shift_regions.empty() || w.end_day <= w.start_day) return;
    const auto period = shares.period_at(w.end_day - 1);
    if (!period) return;
    if (admin1) admin1->assign(data.boundaries->admin1().size(), Rgba{0, 0, 0, 0});
    if (lo) lo->shares_title = "CTC Sentinel: share of attacks, " + shares.period_labels[*period];
    for (size_t k = 0; k < shift_regions.size(); ++k) {
      const size_t r = shift_regions[k];
      const auto& v = shares.values[r][*period];
      if (!v) continue;
      const Rgba fill = region_share_fill(k, *v);
      if (admin1)
        for (size_t a : region_areas[r]) (*admin1)[a] = fill;
      if (lo) lo->shares.push_back({data.bundle->regions[r].label, fill, *v});
    }
  }

  LayoutOptions options_for(core::DayInterval w, const std::string& date) const {
    LayoutOptions lo = layout_options;
    lo.date_text = date;
    shares_for(w, nullptr, &lo);
    return lo;
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
};

MapExporter::MapExporter(const ExportData& data, ExportSettings s) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  if (!data.boundaries || !data.dataset) throw ExportError("no boundaries or incidents to export");
  if (s.width_px < 16 || s.height_px < 16 || s.width_px > kMaxSidePx || s.height_px > kMaxSidePx)
    throw ExportError("size " + std::to_string(s.width_px) + "x" + std::to_string(s.height_px) +
                      " is out of range (each side 16.." + std::to_string(kMaxSidePx) + " pixels)");
  if (s.dpi <= 0) s.dpi = default_dpi(s.width_px, s.height_px);
  if (s.dpi < 24 || s.dpi > 2400) throw ExportError("dpi " + num(s.dpi) + " is out of range (24..2400)");
  m.data = data;
  m.settings = std::move(s);
  const ExportSettings& st = m.settings;
  m.style = st.dark ? Style::dark() : Style::light();
  std::string why;
  auto fonts = Fonts::open(&why);
  if (!fonts) throw ExportError("text: " + why);
  m.fonts = std::move(*fonts);
  m.pixel_ratio = st.dpi / 96.0;

  // Projection and the box to show.
  const GeoBox box = st.bbox ? *st.bbox : default_view_box(*data.dataset, *data.boundaries);
  if ((st.centre_m || st.view_box_m) && !st.bbox) {
    const Vec2 c = st.projection_centre_deg ? *st.projection_centre_deg : viewer_projection_centre(*data.boundaries);
    m.projection = core::Projection::laea(c.x, c.y);
  } else if (st.projection_centre_deg) {
    m.projection = core::Projection::laea(st.projection_centre_deg->x, st.projection_centre_deg->y);
  } else {
    m.projection = core::Projection::for_extent(box);
  }

  // Layout (with the widest text the frames will have) and the camera.
  LayoutOptions& lo = m.layout_options;
  lo.title = st.title;
  lo.subtitle = st.subtitle;
  lo.attribution = attribution_text(data.bundle, data.bundle_incidents_shown, st.ctc_shares);
  lo.legend = st.legend;
  lo.scalebar = st.scalebar;
  lo.north_arrow = st.north_arrow;
  lo.dpi = st.dpi;
  {
    std::array<bool, core::kEventTypeCount> present{};
    for (auto t : data.dataset->type()) present[size_t(t)] = true;
    for (int t = 0; t < core::kEventTypeCount; ++t)
      if (present[size_t(t)] && (st.type_mask >> t & 1u)) lo.legend_types.push_back(core::EventType(t));
  }
  if (st.ctc_shares && data.bundle) {
    m.shares = core::reported_series(*data.bundle, core::AggregateMetric::SharePercent);
    m.region_areas = core::region_areas(*data.bundle, *data.boundaries);
    for (size_t r = 0; r < data.bundle->regions.size() && r < m.shares.values.size(); ++r)
      if (std::any_of(m.shares.values[r].begin(), m.shares.values[r].end(), [](auto& x) { return x.has_value(); }))
        m.shift_regions.push_back(r);
  }
  LayoutOptions measure = lo;
  measure.date_text = "Date range";
  if (!m.shift_regions.empty()) {
    measure.shares_title = "CTC Sentinel: share of attacks, Jan 2021 – Sep 2022";
    for (size_t r : m.shift_regions) measure.shares.push_back({data.bundle->regions[r].label, {}, 100});
  }
  m.layout = MapLayout::compute(st.width_px, st.height_px, measure, m.fonts);

  if (st.view_box_m && !st.bbox) {
    m.camera = fit_camera(m.layout, st.view_box_m->first, st.view_box_m->second, m.pixel_ratio);
  } else if (st.centre_m && !st.bbox) {
    const double mpp = st.metres_per_px.value_or(1000.0) / m.pixel_ratio;
    m.camera = centred_camera(m.layout, *st.centre_m, mpp, m.pixel_ratio);
  } else {
    auto [plo, phi] = projected_bounds(*m.projection, box);
    if (!st.bbox) {  // the data's own extent: a little air so that edge points are whole
      const double pad = 0.03 * std::max(phi.x - plo.x, phi.y - plo.y);
      plo = {plo.x - pad, plo.y - pad};
      phi = {phi.x + pad, phi.y + pad};
    }
    m.camera = fit_camera(m.layout, plo, phi, m.pixel_ratio);
  }
  GeoBox aoi = lonlat_box_of(*m.projection, m.camera.visible_min_m(), m.camera.visible_max_m());
  const double pad_deg = 0.02 * std::max(aoi.max_lon - aoi.min_lon, aoi.max_lat - aoi.min_lat) + 0.1;
  m.aoi = GeoBox{std::max(-180.0, aoi.min_lon - pad_deg), std::max(-90.0, aoi.min_lat - pad_deg),
                 std::min(180.0, aoi.max_lon + pad_deg), std::min(90.0, aoi.max_lat + pad_deg)};
}

MapExporter::~MapExporter() = default;

const ExportSettings& MapExporter::settings() const { return impl_->settings; }
const core::Camera& MapExporter::camera() const { return impl_->camera; }
const core::Projection& MapExporter::projection() const { return *impl_->projection; }
const MapLayout& MapExporter::layout() const { return impl_->layout; }
const Style& MapExporter::style() const { return impl_->style; }

std::string MapExporter::date_text(core::DayInterval w) const {
  if (w.end_day <= w.start_day) return "no incidents";
  const core::Dataset& d = *impl_->data.dataset;
  const core::IncidentFilter f = impl_->filter();
  size_t n = 0;
  d.for_each_in_window(w, [&](size_t row) { n += f.passes(d, row); });
  return core::range_text(core::months_covering(w)) + " · " + std::to_string(n) + (n == 1 ? " incident" : " incidents");
}

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

RgbaImage MapExporter::render(core::DayInterval w) {
  Impl& m = *impl_;
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
  const auto marks = layout_marks(m.layout, m.options_for(w, date_text(w)), m.style, m.camera, *m.projection, m.fonts,
                                  m.badges(m.renderer->area_counts()), st.transparent);
  draw_marks(img, marks, m.fonts);
  return img;
}

void MapExporter::use_target(std::unique_ptr<OffscreenTarget> target) {
  const ExportSettings& st = impl_->settings;
  if (target && target->width() == st.width_px && target->height() == st.height_px && target->samples() == 1)
    impl_->target = std::move(target);
}

std::string MapExporter::svg(core::DayInterval w) {
  Impl& m = *impl_;
  const ExportSettings& st = m.settings;
  const core::Boundaries& b = *m.data.boundaries;
  const core::Dataset& d = *m.data.dataset;
  const core::Camera& cam = m.camera;
  const core::Projection& proj = *m.projection;
  const double simplify_m = m.simplify_m();
  const int W = st.width_px, H = st.height_px;
  const PxRect& F = m.layout.map_frame;

  core::AreaCounts counts;
  if (m.data.areas && w.end_day > w.start_day) counts = m.data.areas->counts_in_window(d, w, m.filter());
  std::vector<Rgba> admin1_override;
  m.shares_for(w, &admin1_override, nullptr);

  std::string out;
  out.reserve(1 << 20);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" "
         "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" version=\"1.1\" width=\"" +
         num(W / st.dpi * 25.4) + "mm\" height=\"" + num(H / st.dpi * 25.4) + "mm\" viewBox=\"0 0 " +
         std::to_string(W) + " " + std::to_string(H) + "\">\n";
  out += "<title>" + xml_escape(st.title.empty() ? "driftmap export" : st.title) + "</title>\n";
  out += "<defs><clipPath id=\"map-frame-clip\"><rect x=\"" + num(F.x) + "\" y=\"" + num(F.y) + "\" width=\"" +
         num(F.w) + "\" height=\"" + num(F.h) + "\"/></clipPath></defs>\n";
  const std::string clip = " clip-path=\"url(#map-frame-clip)\"";
  if (!st.transparent) {
    out += layer_open("sea", "Sea");
    out += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(W) + "\" height=\"" + std::to_string(H) + "\"" +
           paint("fill", m.style.background) + "/>\n</g>\n";
  }

  // Area paths, projected and simplified like the GL mesh (Impl::simplify_m), in screen pixels.
  auto area_path = [&](const core::AdminArea& a) {
    std::string path;
    const bool clip_it = !(m.aoi.min_lon <= a.bbox.min_lon && a.bbox.max_lon <= m.aoi.max_lon &&
                           m.aoi.min_lat <= a.bbox.min_lat && a.bbox.max_lat <= m.aoi.max_lat);
    auto ring = [&](const core::Ring& r) {
      const core::Ring pr = project_simplified(clip_it ? clip_ring(r, m.aoi) : r, proj, simplify_m);
      if (pr.size() < 3) return;
      for (size_t i = 0; i < pr.size(); ++i) {
        const Vec2 s = cam.world_to_screen(pr[i]);
        path += (i == 0 ? "M" : i == 1 ? " L" : " ") + num(s.x) + "," + num(s.y);
      }
      path += "Z";
    };
    for (const auto& poly : a.shape) {
      ring(poly.outer);
      for (const auto& h : poly.holes) ring(h);
    }
    return path;
  };
  auto overlaps = [&](const GeoBox& x) {
    return x.min_lon <= m.aoi.max_lon && m.aoi.min_lon <= x.max_lon && x.min_lat <= m.aoi.max_lat &&
           m.aoi.min_lat <= x.max_lat;
  };
  auto id_of = [](const core::AdminArea& a, size_t i) {
    std::string s = a.level == 0 ? "admin0-" : "admin1-";
    s += a.iso_a3.empty() ? std::to_string(i) : a.iso_a3 + "-" + std::to_string(i);
    return s;
  };
  const Rgba hl = m.style.area_highlight;
  auto highlighted = [&](const std::vector<uint32_t>& c, size_t i) { return i < c.size() && c[i] > 0; };
  std::vector<std::string> paths0(b.admin0().size()), paths1(b.admin1().size());
  for (size_t i = 0; i < b.admin0().size(); ++i)
    if (overlaps(b.admin0()[i].bbox)) paths0[i] = area_path(b.admin0()[i]);
  for (size_t i = 0; i < b.admin1().size(); ++i)
    if (overlaps(b.admin1()[i].bbox)) paths1[i] = area_path(b.admin1()[i]);

  out += layer_open("countries", "Countries", clip);
  for (size_t i = 0; i < paths0.size(); ++i) {
    if (paths0[i].empty()) continue;
    Rgba c = m.style.land;
    if (highlighted(counts.admin0, i)) c = mix(c, hl, hl.a);
    out += "<path id=\"" + id_of(b.admin0()[i], i) + "\" inkscape:label=\"" + xml_escape(b.admin0()[i].name) +
           "\" fill-rule=\"evenodd\"" + paint("fill", c) + " d=\"" + paths0[i] + "\"/>\n";
  }
  out += "</g>\n";
  out += layer_open("provinces", "Provinces", clip);
  for (size_t i = 0; i < paths1.size(); ++i) {
    if (paths1[i].empty()) continue;
    const auto& a = b.admin1()[i];
    Rgba c = m.style.land_region;
    if (auto p = b.find_admin0(a.iso_a3); p && highlighted(counts.admin0, *p)) c = mix(c, hl, hl.a);
    if (i < admin1_override.size() && admin1_override[i].a > 0) c = mix(c, admin1_override[i], admin1_override[i].a);
    if (highlighted(counts.admin1, i)) c = mix(c, hl, hl.a);
    out += "<path id=\"" + id_of(a, i) + "\" inkscape:label=\"" + xml_escape(a.name) + "\" fill-rule=\"evenodd\"" +
           paint("fill", c) + " d=\"" + paths1[i] + "\"/>\n";
  }
  out += "</g>\n";
  const std::string stroke_common = " fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\"";
  out += layer_open("province-outlines", "Province outlines",
                    clip + stroke_common + paint("stroke", m.style.admin1_outline) + " stroke-width=\"" +
                        num(m.style.admin1_outline_px * m.pixel_ratio) + "\"");
  for (size_t i = 0; i < paths1.size(); ++i)
    if (!paths1[i].empty()) out += "<path d=\"" + paths1[i] + "\"/>\n";
  out += "</g>\n";
  out += layer_open("country-outlines", "Country outlines",
                    clip + stroke_common + paint("stroke", m.style.country_outline) + " stroke-width=\"" +
                        num(m.style.country_outline_px * m.pixel_ratio) + "\"");
  for (size_t i = 0; i < paths0.size(); ++i)
    if (!paths0[i].empty()) out += "<path d=\"" + paths0[i] + "\"/>\n";
  out += "</g>\n";

  // Incidents: solid discs with a thin edge; month/year-precision dates as rings.
  out += layer_open("incidents", "Incidents", clip);
  const double edge = m.style.point_edge_px * m.pixel_ratio, ring_w = m.style.ring_width_px * m.pixel_ratio;
  for (uint32_t row : visible_points(w)) {
    const Vec2 s = cam.world_to_screen(proj.forward(d.lon_deg()[row], d.lat_deg()[row]));
    const double r = point_radius(m.style, d.killed()[row], m.pixel_ratio);
    const Rgba c = m.style.colour(d.type()[row]);
    std::string id = std::string(d.id(row));
    out += "<circle";
    if (!id.empty()) out += " id=\"incident-" + xml_escape(id) + "\"";
    out += " cx=\"" + num(s.x) + "\" cy=\"" + num(s.y) + "\"";
    if (d.start_precision(row) != core::DatePrecision::Day || d.date_reported(row))
      out += " r=\"" + num(r - ring_w / 2) + "\" fill=\"none\"" + paint("stroke", c) + " stroke-width=\"" + num(ring_w) + "\"";
    else
      out += " r=\"" + num(r - edge / 2) + "\"" + paint("fill", c) + paint("stroke", m.style.point_edge) +
             " stroke-width=\"" + num(edge) + "\"";
    out += "/>\n";
  }
  out += "</g>\n";

  // Annotations: the same marks the raster frames draw, one layer per group.
  const auto marks = layout_marks(m.layout, m.options_for(w, date_text(w)), m.style, cam, proj, m.fonts,
                                  m.badges(counts), st.transparent);
  static const std::pair<const char*, const char*> kGroups[] = {
      {"paper", "Paper"},   {"frame", "Map frame"},   {"badges", "Area counts"},  {"header", "Title"},
      {"legend", "Legend"}, {"footer", "Attribution"}, {"scalebar", "Scale bar"}, {"north-arrow", "North arrow"}};
  for (const auto& [gid, label] : kGroups) {
    std::string body;
    for (const Mark& k : marks) {
      if (k.group != gid) continue;
      switch (k.kind) {
        case Mark::Kind::Rect:
          body += "<rect x=\"" + num(k.x) + "\" y=\"" + num(k.y) + "\" width=\"" + num(k.w) + "\" height=\"" + num(k.h) + "\"";
          body += k.fill.a > 0 ? paint("fill", k.fill) : std::string(" fill=\"none\"");
          if (k.stroke_px > 0 && k.stroke.a > 0) body += paint("stroke", k.stroke) + " stroke-width=\"" + num(k.stroke_px) + "\"";
          body += "/>\n";
          break;
        case Mark::Kind::Circle:
          if (k.ring_px > 0) {
            body += "<circle cx=\"" + num(k.x) + "\" cy=\"" + num(k.y) + "\" r=\"" + num(k.w - k.ring_px / 2) +
                    "\" fill=\"none\"" + paint("stroke", k.fill) + " stroke-width=\"" + num(k.ring_px) + "\"/>\n";
          } else {
            body += "<circle cx=\"" + num(k.x) + "\" cy=\"" + num(k.y) + "\" r=\"" + num(k.w + k.stroke_px / 2) + "\"" +
                    paint("fill", k.fill);
            if (k.stroke_px > 0 && k.stroke.a > 0) body += paint("stroke", k.stroke) + " stroke-width=\"" + num(k.stroke_px) + "\"";
            body += "/>\n";
          }
          break;
        case Mark::Kind::Polygon: {
          body += "<polygon points=\"";
          for (size_t i = 0; i < k.points.size(); ++i) body += (i ? " " : "") + num(k.points[i].x) + "," + num(k.points[i].y);
          body += "\"" + paint("fill", k.fill) + "/>\n";
          break;
        }
        case Mark::Kind::Text:
          body += "<text x=\"" + num(k.x) + "\" y=\"" + num(k.y) + "\" font-family=\"DejaVu Sans\" font-size=\"" +
                  std::to_string(k.size_px) + "\"" + (k.bold ? " font-weight=\"bold\"" : "") + paint("fill", k.fill) +
                  " xml:space=\"preserve\">" + xml_escape(k.text) + "</text>\n";
          break;
      }
    }
    if (!body.empty()) out += layer_open(gid, label) + body + "</g>\n";
  }
  out += "</svg>\n";
  return out;
}

// ---- writers ---------------------------------------------------------------------------------

bool write_png_file(const std::string& path, const RgbaImage& image, bool keep_alpha, std::string* error) {
  return write_png(path, image.pixels, image.width, image.height, error, keep_alpha);
}

bool write_geotiff_file(const std::string& path, const RgbaImage& image, const core::Camera& cam,
                        const core::Projection& proj, bool keep_alpha, std::string* error) {
  auto fail = [&](const std::string& msg) {
    if (error) *error = path + ": " + msg;
    return false;
  };
  core::AtomicFile file(path);
  if (!file.ok()) {
    if (error) *error = file.error();
    return false;
  }
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName("GTiff");
  if (!driver) return fail("GDAL has no GTiff driver");
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");  // no .aux.xml beside the file
  const int bands = keep_alpha ? 4 : 3;
  const char* opts[] = {"COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES", "PHOTOMETRIC=RGB",
                        keep_alpha ? "ALPHA=UNASSOCIATED" : nullptr, nullptr};
  CPLErrorReset();
  GDALDatasetH ds = GDALCreate(driver, file.temp_path().c_str(), image.width, image.height, bands, GDT_Byte,
                               const_cast<char**>(opts));
  if (!ds) return fail(std::string("GDAL cannot create the GeoTIFF: ") + CPLGetLastErrorMsg());
  // Pixel (0, 0)'s top-left corner in projected metres; y decreases downwards.
  const double mpp = cam.metres_per_px();
  const Vec2 origin = cam.screen_to_world({0, 0});
  double gt[6] = {origin.x, mpp, 0, origin.y, 0, -mpp};
  bool ok = GDALSetGeoTransform(ds, gt) == CE_None;
  ok = ok && GDALSetProjection(ds, proj.wkt().c_str()) == CE_None;
  int band_map[4] = {1, 2, 3, 4};
  ok = ok && GDALDatasetRasterIO(ds, GF_Write, 0, 0, image.width, image.height,
                                 const_cast<uint8_t*>(image.pixels.data()), image.width, image.height, GDT_Byte, bands,
                                 band_map, 4, image.width * 4, 1) == CE_None;
  GDALClose(ds);
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
  if (!ok || CPLGetLastErrorType() >= CE_Failure) {
    file.fail("GDAL failed");
    return fail(std::string("GDAL failed to write the GeoTIFF: ") + CPLGetLastErrorMsg());
  }
  if (!file.commit()) {
    if (error) *error = file.error();
    return false;
  }
  return true;
}

}  // namespace driftmap::render
