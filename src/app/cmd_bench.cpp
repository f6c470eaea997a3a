// `driftmap bench`: the speed figures for one dataset size — load time, memory per incident,
// CPU per time-window change, a full-HD frame and a 4K export — measured in this process.
// With --json the last line of stdout is one JSON object with exactly the keys n, load_s, rss_mb,
// bytes_per_incident, scrub_us, frame_ms, export_4k_s (null when that part could not run).
#include <malloc.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "app/synthetic_data.hpp"
#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/camera.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"
#include "core/projection.hpp"
#include "core/timeline.hpp"
#include "render/gl_objects.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/png_writer.hpp"
#include "state/filters.hpp"
#include "state/window_counter.hpp"

namespace driftmap::app {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

ArgParser make_parser() {
  ArgParser p("driftmap bench", "[--n N] [--data FILE] [--seed S] [--frames K] [--json]",
              "Measures load time, resident memory per incident, CPU time per time-window change, the\n"
              "median 1920x1080 frame (all incidents in view) and a 3840x2160 PNG export. Generates N\n"
              "synthetic incidents into a temporary file (see 'driftmap gen') unless --data is given.");
  p.option("--n", "N", "incidents to generate (default 1000000)")
      .option("--data", "FILE", "measure this incident file instead of generated data")
      .option("--seed", "S", "seed for the generated data (default 1)")
      .option("--frames", "K", "frames to time for the median (default 15)")
      .option("--samples", "S", "multisampling of the frame and export targets (default 1, as the viewer and export use)")
      .option("--density-threshold", "N", "points in the window above which they are drawn as a density grid\n"
                                           "(default: the renderer's)")
      .flag("--no-render", "skip the frame and export measurements (reported as null)")
      .flag("--json", "end the output with one JSON line")
      .flag("--help", "show this help");
  return p;
}

// Resident set size from /proc/self/statm (pages → bytes).
size_t rss_bytes() {
  std::ifstream f("/proc/self/statm");
  size_t size = 0, resident = 0;
  f >> size >> resident;
  return resident * size_t(sysconf(_SC_PAGESIZE));
}

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

double median(std::vector<double> v) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

std::string json_number(double v, int decimals) {
  if (!std::isfinite(v)) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Removes the generated file however bench ends.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) {
      std::error_code ec;
      fs::remove(path, ec);
    }
  }
};

// The view `export` uses by default: every incident, with a margin.
core::GeoBox data_box(const core::Dataset& d) {
  core::GeoBox box;
  for (size_t i = 0; i < d.size(); ++i) box.extend(d.lon_deg()[i], d.lat_deg()[i]);
  return box;
}

core::Camera fit_camera(const core::Projection& proj, const core::GeoBox& box, int w, int h) {
  core::Camera camera({0, 0}, 1000, w, h, std::max(1.0, h / 1080.0));
  core::Vec2 lo{1e300, 1e300}, hi{-1e300, -1e300};
  constexpr int kSteps = 32;
  for (int i = 0; i <= kSteps; ++i) {
    const double t = double(i) / kSteps;
    const double lon = box.min_lon + (box.max_lon - box.min_lon) * t;
    const double lat = box.min_lat + (box.max_lat - box.min_lat) * t;
    for (core::Vec2 ll : {core::Vec2{lon, box.min_lat}, core::Vec2{lon, box.max_lat}, core::Vec2{box.min_lon, lat},
                          core::Vec2{box.max_lon, lat}}) {
      const core::Vec2 p = proj.forward(ll.x, ll.y);
      lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
      hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
  }
  camera.fit_to(lo, hi, 0.06 * std::min(w, h));
  return camera;
}

template <class... T>
void say(const char* fmt, T... v) {
  std::printf(fmt, v...), std::fflush(stdout);
}

struct BenchOptions {
  uint64_t n_wanted = 1'000'000, seed = 1, frames = 15, samples = 1,
           density_threshold = render::DrawParams::kDefaultDensityThreshold;
};

std::optional<int> parse_bench_options(const ArgParser& parser, const ParsedArgs& args, BenchOptions* o) {
  for (auto [name, target, max] : {std::tuple{"--n", &o->n_wanted, uint64_t(1'000'000'000)},
                                   std::tuple{"--seed", &o->seed, UINT64_MAX},
                                   std::tuple{"--frames", &o->frames, uint64_t(1000)},
                                   std::tuple{"--samples", &o->samples, uint64_t(16)},
                                   std::tuple{"--density-threshold", &o->density_threshold, UINT64_MAX}}) {
    if (auto s = args.get(name)) {
      const auto v = parse_count(*s, max);
      if (!v || (*v == 0 && std::string_view(name) != "--seed" && std::string_view(name) != "--density-threshold"))
        return parser.usage_error(std::string(name) + ": \"" + *s + "\" is not a positive count");
      *target = *v;
    }
  }
  return std::nullopt;
}

// The file to measure: --data, else N synthetic incidents generated into a temporary file.
std::optional<int> bench_data_path(const ParsedArgs& args, const BenchOptions& o, TempFile* temp, std::string* path) {
  if (auto d = args.get("--data")) {
    *path = *d;
    return std::nullopt;
  }
  const char* tmpdir = std::getenv("TMPDIR");
  temp->path = (fs::path(tmpdir && *tmpdir ? tmpdir : "/tmp") /
                ("driftmap-bench-" + std::to_string(getpid()) + ".csv")).string();
  SyntheticSpec spec{o.n_wanted, o.seed, core::geodata_file("gazetteer.csv"), core::geodata_file("places.csv")};
  const auto t = Clock::now();
  std::string error;
  if (!write_synthetic_csv(temp->path, spec, &error)) {
    std::fprintf(stderr, "driftmap: %s\n", error.c_str());
    return kExitFailure;
  }
  *path = temp->path;
  say("generated %llu incidents in %.2f s (%s, %.1f MB)\n", (unsigned long long)o.n_wanted, seconds_since(t),
      path->c_str(), double(fs::file_size(*path)) / 1e6);
  return std::nullopt;
}

struct LoadFigures {
  double load_s = NAN, rss_mb = NAN, bytes_per_incident = NAN;
};

// Load time and the resident memory the dataset adds. On failure the problems are printed and
// the result is not ok().
core::LoadResult measure_load(const std::string& path, LoadFigures* fig) {
  // Memory freed by the generator is handed back first, so that it cannot hide the dataset's.
  malloc_trim(0);
  const size_t rss_before = rss_bytes();
  const auto t_load = Clock::now();
  core::LoadResult loaded = core::load_incidents(path);
  fig->load_s = seconds_since(t_load);
  const size_t rss_after = rss_bytes();
  if (!loaded.ok()) {
    size_t shown = 0;
    for (const auto& p : loaded.problems.items)
      if (shown++ < 20) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    std::fprintf(stderr, "driftmap: %s: cannot be loaded\n", path.c_str());
    return loaded;
  }
  const core::Dataset& d = *loaded.dataset;
  const size_t n = d.size();
  fig->rss_mb = double(rss_after) / 1e6;
  fig->bytes_per_incident = n ? (double(rss_after) - double(rss_before)) / double(n) : NAN;
  say("n: %zu\nload_s: %.3f\nrss_mb: %.1f\nbytes_per_incident: %.1f (RSS growth over the load; columns hold %.1f)\n",
      n, fig->load_s, fig->rss_mb, fig->bytes_per_incident, n ? double(d.memory_bytes()) / double(n) : 0.0);
  return loaded;
}

// Every 12-month window stepping a month at a time over the data.
std::vector<core::DayInterval> sliding_windows(const core::Dataset& d, int window_months) {
  const core::MonthRange months = core::dataset_months(d);
  std::vector<core::DayInterval> windows;
  for (core::MonthIndex m = months.start_month;
       m + window_months <= std::max(months.end_month, months.start_month + window_months); ++m)
    windows.push_back(core::MonthRange{m, m + window_months}.days());
  return windows;
}

// What a slider step costs the CPU: the window's row range (Dataset::window), the long-row
// prefix PointLayer::draw computes, and the area counts MapRenderer::draw recomputes. Returns
// microseconds per window change; `sink` keeps the work observable.
double measure_scrub(const core::Dataset& d, const core::AreaIndex& areas, const std::vector<core::DayInterval>& windows,
                     uint64_t& sink, size_t* steps_out) {
  size_t steps = 0;
  const double cpu0 = thread_cpu_seconds();
  do {
    for (const core::DayInterval& w : windows) {
      const core::WindowRange r = d.window(w);
      const auto longs = d.long_rows();
      const auto starts = d.start_day();
      const auto long_count = std::partition_point(longs.begin(), longs.end(),
                                                   [&](uint32_t row) { return starts[row] <= r.long_cutoff_day; }) -
                              longs.begin();
      const core::AreaCounts c = areas.counts_in_window(d, w);
      sink += r.last - r.first + uint64_t(long_count) + c.total;
      ++steps;
    }
  } while (thread_cpu_seconds() - cpu0 < 0.2 && steps < 2'000'000);
  *steps_out = steps;
  return 1e6 * (thread_cpu_seconds() - cpu0) / double(steps);
}

// Not a renderer cost, but the viewer's: the filter panel's counts (prefix sums per type, built
// once per dataset; Tab's row list is never built).
void measure_viewer_counts(const core::Dataset& d, const std::vector<core::DayInterval>& windows, uint64_t& sink) {
  state::Filters filters;
  const state::WindowCounter counter = state::WindowCounter::build(d);
  const double c0 = thread_cpu_seconds();
  size_t gui_steps = 0;
  for (const core::DayInterval& w : windows) {
    sink += counter.count(filters, d, w).shown;
    ++gui_steps;
    if (thread_cpu_seconds() - c0 > 5.0) break;
  }
  say("viewer_window_ms: %.4f (state::WindowCounter::count per window change)\n",
      1e3 * (thread_cpu_seconds() - c0) / double(gui_steps));
}

// The geographic box the camera shows, with a 2° margin: the boundaries the renderer meshes.
core::GeoBox area_of_interest(const core::Camera& camera, const core::Projection& projection) {
  const core::Vec2 lo = camera.visible_min_m(), hi = camera.visible_max_m();
  core::GeoBox aoi;
  for (core::Vec2 p : {lo, hi, core::Vec2{lo.x, hi.y}, core::Vec2{hi.x, lo.y}}) {
    const core::Vec2 ll = projection.inverse(p.x, p.y);
    if (std::isfinite(ll.x) && std::isfinite(ll.y)) aoi.extend(ll.x, ll.y);
  }
  return core::GeoBox{std::max(-180.0, aoi.min_lon - 2), std::max(-90.0, aoi.min_lat - 2),
                      std::min(180.0, aoi.max_lon + 2), std::min(90.0, aoi.max_lat + 2)};
}

// Median milliseconds of `count` draws of `params` (each finished with glFinish).
std::vector<double> time_draws(render::MapRenderer& map, const core::Camera& camera, const render::DrawParams& params,
                               uint64_t count) {
  std::vector<double> ms;
  for (uint64_t k = 0; k < count; ++k) {
    const auto f0 = Clock::now();
    map.draw(camera, params);
    glFinish();
    ms.push_back(1e3 * seconds_since(f0));
  }
  return ms;
}

// The full-HD frame: still camera (base map from its cache), without points, and moving camera.
double measure_frames(render::MapRenderer& map, const core::Camera& camera, const render::DrawParams& all,
                      const BenchOptions& o) {
  render::OffscreenTarget target(1920, 1080, int(o.samples));
  target.bind();
  std::vector<double> ms;
  for (uint64_t k = 0; k <= o.frames; ++k) {
    const auto f0 = Clock::now();
    map.draw(camera, all);
    glFinish();
    if (k > 0) ms.push_back(1e3 * seconds_since(f0));  // frame 0 warms up shaders and caches
  }
  const double frame_ms = median(ms);
  const render::DrawInfo info = map.last_draw();
  // The same frame without the points: what the map (fills, outlines) costs by itself.
  render::DrawParams no_points = all;
  no_points.points = false;
  const std::vector<double> base = time_draws(map, camera, no_points, std::min<uint64_t>(o.frames, 5));
  say("frame_without_points_ms: %.1f (median of %zu)\n", median(base), base.size());
  say("frame_ms: %.1f (median of %zu, 1920x1080, %dx MSAA, min %.1f, max %.1f; base map %s, points %s)\n", frame_ms,
      ms.size(), int(o.samples), *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()),
      info.base_from_cache ? "from the cache" : "rasterised", info.density ? "as a density grid" : "as marks");
  // While the camera moves (pan, zoom) the base map is rasterised on every frame.
  std::vector<double> moving, moving_base;
  render::DrawParams uncached = all;
  uncached.cache_base = false;
  render::DrawParams uncached_no_points = uncached;
  uncached_no_points.points = false;
  for (uint64_t k = 0; k < std::min<uint64_t>(o.frames, 5); ++k) {
    moving.push_back(time_draws(map, camera, uncached, 1).front());
    moving_base.push_back(time_draws(map, camera, uncached_no_points, 1).front());
  }
  say("frame_moving_camera_ms: %.1f (median of %zu, base map rasterised; of which the base map %.1f)\n",
      median(moving), moving.size(), median(moving_base));
  return frame_ms;
}

// A 4K PNG export as `export` makes it: a new target, an uncached draw, read-back, encoding and
// writing. Median seconds of three.
double measure_export_4k(render::MapRenderer& map, const core::Camera& cam4k, const render::DrawParams& all,
                         const BenchOptions& o, const std::string& temp_path) {
  const std::string png = (fs::path(temp_path.empty() ? "/tmp/x" : temp_path).parent_path() /
                           ("driftmap-bench-" + std::to_string(getpid()) + ".png")).string();
  TempFile png_guard{png};
  std::vector<double> s, draw_s, read_s;
  std::string error;
  for (int k = 0; k < 3; ++k) {
    const auto e0 = Clock::now();
    render::OffscreenTarget target(3840, 2160, int(o.samples));
    target.bind();
    // A one-off export: nothing to reuse from the previous draw.
    render::DrawParams once = all;
    once.cache_base = false;
    map.draw(cam4k, once);
    glFinish();
    draw_s.push_back(seconds_since(e0));
    const auto r0 = Clock::now();
    const std::vector<uint8_t> rgba = target.read_rgba();
    read_s.push_back(seconds_since(r0));
    if (!render::write_png(png, rgba, 3840, 2160, &error)) throw std::runtime_error(error);  // as export does
    s.push_back(seconds_since(e0));
  }
  const double export_4k_s = median(s);
  say("export_4k_s: %.3f (median of 3: render, read back, encode, write; PNG %.1f MB; target setup and draw "
      "%.3f s, read-back %.3f s, the rest PNG)\n",
      export_4k_s, double(fs::file_size(png)) / 1e6, median(draw_s), median(read_s));
  return export_4k_s;
}

struct RenderFigures {
  double frame_ms = NAN, export_4k_s = NAN;
};

// Meshing, upload, frames and the 4K export in a headless context. A machine without a usable GL
// still gets the other figures: the failure is reported and these stay null.
RenderFigures measure_rendering(const core::Dataset& d, const core::Boundaries& boundaries,
                                const core::AreaIndex& areas, const BenchOptions& o, const std::string& temp_path) {
  RenderFigures fig;
  try {
    render::HeadlessContext context;
    say("renderer: %s\n", context.renderer_name().c_str());
    const core::GeoBox box = data_box(d);
    const core::Projection projection = core::Projection::for_extent(box);
    const core::Camera camera = fit_camera(projection, box, 1920, 1080);
    auto t = Clock::now();
    render::MapRenderer map(boundaries, projection, render::Style::light(),
                            {.area_of_interest = area_of_interest(camera, projection),
                             .simplify_m = 0.3 * camera.metres_per_px()});
    say("boundary_mesh_s: %.3f\n", seconds_since(t));
    t = Clock::now();
    map.set_dataset(&d, &areas);
    glFinish();
    say("upload_s: %.3f\n", seconds_since(t));
    say("rss_with_gl_mb: %.1f (after the upload; llvmpipe buffers live in this process)\n", double(rss_bytes()) / 1e6);
    const render::DrawParams all{.window = d.extent(), .density_threshold = size_t(o.density_threshold)};
    fig.frame_ms = measure_frames(map, camera, all, o);
    fig.export_4k_s = measure_export_4k(map, fit_camera(projection, box, 3840, 2160), all, o, temp_path);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "driftmap: bench: rendering skipped: %s\n", e.what());
  }
  return fig;
}

}  // namespace

int cmd_bench(int argc, char** argv) {
  const ArgParser parser = make_parser();
  int exit_code = kExitOk;
  const auto args = parser.parse_command(argc, argv, &exit_code);
  if (!args) return exit_code;
  BenchOptions o;
  if (auto status = parse_bench_options(parser, *args, &o)) return *status;

  TempFile temp;
  std::string path;
  if (auto status = bench_data_path(*args, o, &temp, &path)) return *status;
  LoadFigures load;
  const core::LoadResult loaded = measure_load(path, &load);
  if (!loaded.ok()) return kExitFailure;
  const core::Dataset& d = *loaded.dataset;

  core::Problems bproblems;
  auto boundaries = core::Boundaries::load_bundled(&bproblems);
  if (!boundaries) {
    for (const auto& p : bproblems.items) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    return kExitFailure;
  }
  auto t_areas = Clock::now();
  const core::AreaIndex areas = core::AreaIndex::build(d, *boundaries);
  say("area_index_s: %.3f\n", seconds_since(t_areas));

  constexpr int kWindowMonths = 12;
  const std::vector<core::DayInterval> windows = sliding_windows(d, kWindowMonths);
  uint64_t sink = 0;
  size_t steps = 0;
  const double scrub_us = measure_scrub(d, areas, windows, sink, &steps);
  say("scrub_us: %.2f (%zu window changes, %zu-month window over %d months)\n", scrub_us, steps,
      size_t(kWindowMonths), int(core::dataset_months(d).length_months()));
  measure_viewer_counts(d, windows, sink);

  const RenderFigures render_fig =
      args->has("--no-render") ? RenderFigures{} : measure_rendering(d, *boundaries, areas, o, temp.path);
  if (sink == 42) say(" ");  // keeps the measured work observable

  if (args->has("--json"))
    std::printf("{\"n\": %zu, \"load_s\": %s, \"rss_mb\": %s, \"bytes_per_incident\": %s, \"scrub_us\": %s, "
                "\"frame_ms\": %s, \"export_4k_s\": %s}\n",
                d.size(), json_number(load.load_s, 4).c_str(), json_number(load.rss_mb, 1).c_str(),
                json_number(load.bytes_per_incident, 1).c_str(), json_number(scrub_us, 3).c_str(),
                json_number(render_fig.frame_ms, 2).c_str(), json_number(render_fig.export_4k_s, 3).c_str());
  return kExitOk;
}

}  // namespace driftmap::app
