// `driftmap export`: renders the map headlessly (EGL) and writes a PNG atomically.
// DRIFTMAP_TIMING=1 in the environment prints the time of each phase to stderr.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "app/import_options.hpp"
#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/bundle.hpp"
#include "core/camera.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"
#include "core/partial_date.hpp"
#include "core/projection.hpp"
#include "render/gl_objects.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/png_writer.hpp"
#include "render/text_overlay.hpp"
#include "render/text_raster.hpp"

namespace driftmap::app {

namespace {

using core::GeoBox;
using core::Vec2;

constexpr int kMaxSidePx = 16384;

ArgParser make_parser() {
  ArgParser p("driftmap export",
              "--out FILE.png [--data FILE]... [--from DATE] [--to DATE] [--bbox MINLON,MINLAT,MAXLON,MAXLAT] "
              "[--size WxH] [--title TEXT] [--style light|dark] [--map FIELD=COLUMN]... [--skip-invalid]",
              "Renders the incident map to a PNG image without a window (EGL, no display needed).");
  p.option("--out", "FILE.png", "image to write (replaced atomically; nothing is written on failure)")
      .option("--data", "FILE",
              "incidents to show (CSV, GeoJSON, GeoPackage); default: the bundled dataset",
              /*repeatable=*/true)
      .option("--from", "DATE", "first date shown: YYYY, YYYY-MM or YYYY-MM-DD (2022 = from 1 Jan 2022);\n"
                                "default: the data's first date")
      .option("--to", "DATE", "last date shown, inclusive (2023-06 = through 30 Jun 2023);\n"
                              "default: the data's last date")
      .option("--bbox", "MINLON,MINLAT,MAXLON,MAXLAT",
              "area to show, in degrees; default: the data's extent with a margin")
      .option("--size", "WxH", "image size in pixels (default 1920x1080)")
      .option("--title", "TEXT", "title drawn in the top-left corner")
      .option("--style", "light|dark", "colour style (default light)")
      .flag("--skip-invalid", "load the valid rows of --data files that have invalid ones (each skipped row is listed)")
      .flag("--help", "show this help");
  add_map_option(p);  // issue 8: --map FIELD=COLUMN for files with other column names
  return p;
}

// One line on stderr, exit 1.
int fail(const std::string& msg) {
  std::fprintf(stderr, "driftmap: %s\n", msg.c_str());
  return kExitFailure;
}

std::optional<int> parse_int(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<double> parse_double(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string day_display(int32_t day) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int32_t y;
  unsigned m, d;
  core::civil_from_days(day, y, m, d);
  return std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y);
}

// Several --data files become one dataset (rows re-sorted together).
core::Dataset merge(std::vector<core::Dataset>& parts) {
  if (parts.size() == 1) return std::move(parts.front());
  core::DatasetBuilder b;
  size_t n = 0;
  for (const auto& p : parts) n += p.size();
  b.reserve(n);
  for (const auto& p : parts)
    for (size_t i = 0; i < p.size(); ++i) b.add(p.incident(i));
  core::Dataset d = std::move(b).build();
  d.name = std::to_string(parts.size()) + " files";
  return d;
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

}  // namespace

int cmd_export(int argc, char** argv) {
  const bool timing = std::getenv("DRIFTMAP_TIMING") != nullptr;
  const auto t0 = std::chrono::steady_clock::now();
  auto lap = [&](const char* what) {
    if (timing) std::fprintf(stderr, "timing: %-12s %7.1f ms\n", what, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  };
  const ArgParser parser = make_parser();
  std::string error;
  const auto args = parser.parse(argc - 1, argv + 1, &error);
  if (!args) return parser.usage_error(error);
  if (args->has("--help")) {
    std::fputs(parser.help().c_str(), stdout);
    return kExitOk;
  }
  if (!args->has("--out")) return parser.usage_error("--out FILE.png is required");

  // ---- options -----------------------------------------------------------------------------
  const std::string out = *args->get("--out");
  if (out.empty()) return fail("--out: the file name is empty");
  {
    std::string lower = out;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (!lower.ends_with(".png")) return fail("--out: " + quoted(out) + " does not end in .png (only PNG is written)");
  }

  int width = 1920, height = 1080;
  if (auto s = args->get("--size")) {
    const auto x = s->find('x');
    std::optional<int> w, h;
    if (x != std::string::npos) {
      w = parse_int(std::string_view(*s).substr(0, x));
      h = parse_int(std::string_view(*s).substr(x + 1));
    }
    if (!w || !h) return fail("--size: " + quoted(*s) + " is not WIDTHxHEIGHT");
    if (*w < 16 || *h < 16 || *w > kMaxSidePx || *h > kMaxSidePx)
      return fail("--size: " + quoted(*s) + " is out of range (each side 16.." + std::to_string(kMaxSidePx) + " pixels)");
    width = *w;
    height = *h;
  }

  std::optional<GeoBox> bbox;
  if (auto s = args->get("--bbox")) {
    std::vector<double> v;
    size_t start = 0;
    bool ok = true;
    while (ok) {
      const size_t comma = s->find(',', start);
      auto d = parse_double(s->substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (!d) ok = false;
      else v.push_back(*d);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (!ok || v.size() != 4) return fail("--bbox: " + quoted(*s) + " is not MINLON,MINLAT,MAXLON,MAXLAT");
    GeoBox b{v[0], v[1], v[2], v[3]};
    if (b.min_lon < -180 || b.max_lon > 180 || b.min_lat < -90 || b.max_lat > 90)
      return fail("--bbox: " + quoted(*s) + " is outside -180..180 longitude, -90..90 latitude");
    if (!(b.min_lon < b.max_lon) || !(b.min_lat < b.max_lat))
      return fail("--bbox: " + quoted(*s) + " is empty (MINLON must be below MAXLON and MINLAT below MAXLAT)");
    bbox = b;
  }

  std::optional<core::PartialDate> from, to;
  for (auto [name, target] : {std::pair{"--from", &from}, std::pair{"--to", &to}}) {
    if (auto s = args->get(name)) {
      std::string why;
      *target = core::parse_partial_date(*s, &why);
      if (!*target) return fail(std::string(name) + ": " + (why.empty() ? quoted(*s) + " is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" : why));
    }
  }
  if (from && to && to->interval().end_day <= from->interval().start_day)
    return fail("--to: " + to->to_iso() + " is before --from " + from->to_iso());

  render::Style style = render::Style::light();
  if (auto s = args->get("--style")) {
    if (*s == "dark") style = render::Style::dark();
    else if (*s != "light") return fail("--style: " + quoted(*s) + " is not light or dark");
  }

  // ---- data ----------------------------------------------------------------------------------
  core::Dataset dataset;
  std::optional<core::Boundaries> boundaries;  // loaded once: by the import context when it ran
  if (args->has("--data")) {
    std::vector<core::Dataset> parts;
    bool bad = false;
    // --map, --skip-invalid and the bundled gazetteer/boundaries for rows placed by name (issue 8).
    std::string import_error;
    auto import = make_import_context(*args, &import_error);
    if (!import) return parser.usage_error(import_error);
    for (const auto& path : args->all("--data")) {
      core::LoadOptions load_options = import->options();
      core::LoadResult r = core::load_incidents(path, load_options);
      for (const auto& p : r.problems.items)
        if (!r.ok() || p.severity == core::Severity::Error) std::fprintf(stderr, "%s\n", p.to_string().c_str());
      if (r.ok() && r.rows_skipped > 0)
        std::fprintf(stderr, "%s: skipped %zu invalid rows (listed above), loaded %zu\n", path.c_str(), r.rows_skipped,
                     r.dataset->size());
      if (!r.ok()) {
        if (r.problems.items.empty()) std::fprintf(stderr, "%s: cannot be read as incidents\n", path.c_str());
        bad = true;
        continue;
      }
      parts.push_back(std::move(*r.dataset));
    }
    if (bad) return kExitFailure;
    boundaries = std::move(import->boundaries);
    dataset = merge(parts);
    lap("data");
  } else {
    core::Problems problems;
    auto bundle = core::load_bundle(core::geodata_dir(), &problems);
    if (!bundle) {
      for (const auto& p : problems.items) std::fprintf(stderr, "%s\n", p.to_string().c_str());
      return fail("the bundled dataset in " + core::geodata_dir() + " cannot be loaded (give --data FILE instead)");
    }
    dataset = std::move(bundle->incidents);
  }

  core::Problems bproblems;
  if (!boundaries)
    boundaries = core::Boundaries::load(core::geodata_file("boundaries.gpkg"), core::geodata_file("admin1_aliases.csv"),
                                        &bproblems);
  if (!boundaries) {
    for (const auto& p : bproblems.items) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    return fail(core::geodata_file("boundaries.gpkg") + ": cannot load the boundaries");
  }
  lap("boundaries");
  const core::AreaIndex areas = core::AreaIndex::build(dataset, *boundaries);
  lap("area index");

  // ---- window --------------------------------------------------------------------------------
  const core::DayInterval extent = dataset.extent();
  core::DayInterval window = extent;
  if (from) window.start_day = from->interval().start_day;
  if (to) window.end_day = to->interval().end_day;
  if (window.end_day <= window.start_day) {
    // Only one bound given and it lies outside the data: an empty window of that period.
    if (from && !to) window.end_day = from->interval().end_day;
    if (to && !from) window.start_day = to->interval().start_day;
  }

  // ---- view ----------------------------------------------------------------------------------
  GeoBox view_box;
  if (bbox) {
    view_box = *bbox;
  } else {
    for (size_t i = 0; i < dataset.size(); ++i) view_box.extend(dataset.lon_deg()[i], dataset.lat_deg()[i]);
    if (!view_box.valid())  // no incidents: the region of the admin-1 layer
      for (const auto& a : boundaries->admin1()) {
        view_box.extend(a.bbox.min_lon, a.bbox.min_lat);
        view_box.extend(a.bbox.max_lon, a.bbox.max_lat);
      }
    if (!view_box.valid()) view_box = GeoBox{60, 23, 75, 38};
    // A single place (or a tight cluster) still gets some surroundings.
    const double min_span = 2.0;
    for (auto [lo, hi] : {std::pair{&view_box.min_lon, &view_box.max_lon}, std::pair{&view_box.min_lat, &view_box.max_lat}}) {
      if (*hi - *lo < min_span) {
        const double c = 0.5 * (*lo + *hi);
        *lo = c - min_span / 2;
        *hi = c + min_span / 2;
      }
    }
  }
  const core::Projection projection = core::Projection::for_extent(view_box);
  core::Camera camera({0, 0}, 1000, width, height, std::max(1.0, height / 1080.0));
  {
    // Projected bounds of the box (edges sampled: LAEA maps them to curves).
    Vec2 lo{1e300, 1e300}, hi{-1e300, -1e300};
    constexpr int kSteps = 32;
    for (int i = 0; i <= kSteps; ++i) {
      const double t = double(i) / kSteps;
      const double lon = view_box.min_lon + (view_box.max_lon - view_box.min_lon) * t;
      const double lat = view_box.min_lat + (view_box.max_lat - view_box.min_lat) * t;
      for (Vec2 ll : {Vec2{lon, view_box.min_lat}, Vec2{lon, view_box.max_lat}, Vec2{view_box.min_lon, lat},
                      Vec2{view_box.max_lon, lat}}) {
        const Vec2 p = projection.forward(ll.x, ll.y);
        lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
        hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
      }
    }
    camera.fit_to(lo, hi, bbox ? 0.0 : 0.06 * std::min(width, height));
  }
  GeoBox aoi = lonlat_box_of(projection, camera.visible_min_m(), camera.visible_max_m());
  // A little beyond the frame so that outlines leaving it are not cut short.
  const double pad_deg = 0.02 * std::max(aoi.max_lon - aoi.min_lon, aoi.max_lat - aoi.min_lat) + 0.1;
  aoi = GeoBox{std::max(-180.0, aoi.min_lon - pad_deg), std::max(-90.0, aoi.min_lat - pad_deg),
               std::min(180.0, aoi.max_lon + pad_deg), std::min(90.0, aoi.max_lat + pad_deg)};

  // ---- render --------------------------------------------------------------------------------
  render::RgbaImage image;
  std::vector<render::Badge> badges;
  try {
    render::HeadlessContext context;
    lap("context");
    // No multisampling: points and outlines are anti-aliased in their shaders and every fill edge
    // lies under an outline. Measured at 1920x1080 (whole bundled dataset): 4x MSAA costs
    // ~0.2 s more in draw and ~0.1 s in the resolve + read-back on llvmpipe, for no visible change.
    render::OffscreenTarget target(width, height, 1);
    render::MapRenderer map(*boundaries, projection, style,
                            {.area_of_interest = aoi, .simplify_m = 0.5 * camera.metres_per_px()});
    lap("mesh+upload");
    map.set_dataset(&dataset, &areas);
    target.bind();
    map.draw(camera, {.window = window});
    glFinish();
    lap("draw");
    image = {width, height, target.read_rgba()};
    lap("readback");
    // Badges at the label points of areas with active area-precision incidents.
    const auto& counts = map.area_counts();
    auto add_badges = [&](const std::vector<uint32_t>& c, const std::vector<core::AdminArea>& list) {
      for (size_t i = 0; i < std::min(c.size(), list.size()); ++i) {
        if (!c[i]) continue;
        const Vec2 p = projection.forward(list[i].label_lonlat.x, list[i].label_lonlat.y);
        const Vec2 s = camera.world_to_screen(p);
        if (s.x >= 0 && s.y >= 0 && s.x < width && s.y < height) badges.push_back({float(s.x), float(s.y), c[i]});
      }
    };
    add_badges(counts.admin0, boundaries->admin0());
    add_badges(counts.admin1, boundaries->admin1());
  } catch (const render::GlError& e) {
    return fail(std::string("rendering failed: ") + e.what());
  }

  // ---- annotations ---------------------------------------------------------------------------
  {
    std::string why;
    auto regular = render::TextRasterizer::open("DejaVu Sans", &why);
    auto bold = render::TextRasterizer::open("DejaVu Sans:bold", &why);
    if (!regular) return fail("text: " + why);
    if (!bold) bold = render::TextRasterizer::open("DejaVu Sans", &why);
    render::Overlay overlay;
    overlay.title = args->get("--title").value_or("");
    if (window.end_day > window.start_day) {
      const size_t n = dataset.count_in_window(window);
      overlay.date_line = day_display(window.start_day) + " – " + day_display(window.end_day - 1) + " · " +
                          std::to_string(n) + (n == 1 ? " incident" : " incidents");
    } else {
      overlay.date_line = "no incidents";
    }
    overlay.badges = std::move(badges);
    render::draw_overlay(image, overlay, style, *regular, *bold);
  }

  lap("overlay");
  if (!render::write_png(out, image.pixels, width, height, &error)) return fail(error);
  lap("png");
  return kExitOk;
}

}  // namespace driftmap::app
