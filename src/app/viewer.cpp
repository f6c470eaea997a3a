// The viewer: owns the GLFW window, the GL context and the frame loop. Data flows
// core (bundle, boundaries, extra files) → render::MapRenderer (the map) → ui panels (ImGui),
// and the panels' requests (state::Action) are carried out here, where file I/O is allowed.
#include <epoxy/gl.h>

#include <GLFW/glfw3.h>
#include <fontconfig/fontconfig.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "app/export_runner.hpp"
#include "app/import_options.hpp"
#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/bundle.hpp"
#include "core/framing.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"
#include "core/region_figures.hpp"
#include "core/timeline.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "render/boundary_mesh.hpp"
#include "render/mesh_cache.hpp"
#include "render/map_renderer.hpp"
#include "render/png_writer.hpp"
#include "ui/export_dialog.hpp"
#include "state/filters.hpp"
#include "state/load_report.hpp"
#include "ui/panels.hpp"
#include "ui/recent_files.hpp"
#include "render/region_colours.hpp"
#include "state/session.hpp"
#include "ui/time_control.hpp"
#include "state/window_counter.hpp"

namespace driftmap::app {

namespace {

using Clock = std::chrono::steady_clock;

// Milliseconds since the process started (from /proc: start time in clock ticks since boot,
// compared with CLOCK_BOOTTIME); falls back to `fallback` when /proc is unavailable.
double ms_since_process_start(Clock::time_point fallback) {
  std::ifstream f("/proc/self/stat");
  std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const size_t close = stat.rfind(')');
  timespec now{};
  if (close != std::string::npos && clock_gettime(CLOCK_BOOTTIME, &now) == 0) {
    std::istringstream rest(stat.substr(close + 2));
    std::string tok;
    // Field 3 is the state; starttime is field 22.
    for (int field = 3; field <= 22 && (rest >> tok); ++field) {
      if (field == 22) {
        const double ticks = std::strtod(tok.c_str(), nullptr);
        const double start_ms = ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
        return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6 - start_ms;
      }
    }
  }
  return std::chrono::duration<double, std::milli>(Clock::now() - fallback).count();
}

std::string find_font(const char* pattern) {
  std::string path;
  FcConfig* config = FcInitLoadConfigAndFonts();
  if (!config) return path;
  FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern));
  FcConfigSubstitute(config, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result;
  if (FcPattern* match = FcFontMatch(config, pat, &result)) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file)
      path = reinterpret_cast<const char*>(file);
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pat);
  FcConfigDestroy(config);
  return path;
}

struct ViewerOptions {
  std::vector<std::string> files;
  std::string session;
  std::string screenshot;
  int frames = 0;
  std::optional<core::MonthRange> window;
  bool verbose = false;
  std::string view;  // empty: the story's first chapter, else Af-Pak
  std::string select_id;
  std::string export_test;       // --export-dialog-test FILE
  std::string export_test_size;  // --export-size
  int width = 1400, height = 900;
};

ArgParser viewer_parser() {
  ArgParser p("driftmap", "[FILE...] [options]",
              "Opens the viewer on the bundled incidents plus any FILE (CSV, GeoJSON, GeoPackage).");
  p.positionals("FILE", "incident files to add to the bundled data");
  p.option("--session", "FILE", "open a saved session (view, time window, filters, files)");
  p.option("--screenshot", "FILE", "render --frames frames, save the window (with the UI) as PNG, exit");
  p.option("--frames", "N", "frames to render before --screenshot (default 3)");
  p.option("--from", "DATE", "start of the time window (YYYY, YYYY-MM or YYYY-MM-DD)");
  p.option("--to", "DATE", "end of the time window, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)");
  p.option("--select", "ID", "open the details of the incident with this id");
  p.option("--view", "NAME", "initial view: afpak, region, world or data (default: the story's first chapter,\n"
                               "or afpak with --from/--to, --session or --select)");
  p.option("--size", "WxH", "window size in screen coordinates (default 1400x900)");
  p.option("--export-dialog-test", "FILE",
           "automated check: open the Export dialog (as Ctrl+E does), export FILE through it (format by\n"
           "extension: .png .tif .svg .mp4 .gif or DIR/), then exit (1 when the export failed);\n"
           "with --screenshot, saves the window with the dialog first");
  p.option("--export-size", "PRESET", "the dialog's size for --export-dialog-test: hd, 4k, a4, a3, a4-landscape,\n"
                                      "a3-landscape or WxH");
  p.flag("--verbose", "print load, first-frame and frame times");
  p.flag("--help-viewer", "show this help");
  p.flag("--help", "show this help");
  return p;
}

// Returns an exit code when the program should stop (help, usage error), else nullopt.
std::optional<int> parse_viewer_options(int argc, char** argv, ViewerOptions* o) {
  const ArgParser parser = viewer_parser();
  std::string error;
  auto args = parser.parse(argc - 1, argv + 1, &error);
  if (!args) return parser.usage_error(error);
  if (args->has("--help") || args->has("--help-viewer")) {
    std::fputs(parser.help().c_str(), stdout);
    return kExitOk;
  }
  o->files = args->positionals;
  o->verbose = args->has("--verbose");
  if (auto s = args->get("--session")) o->session = *s;
  if (auto s = args->get("--screenshot")) {
    o->screenshot = *s;
    o->frames = 3;
  }
  if (auto f = args->get("--frames")) {
    char* end = nullptr;
    const long n = std::strtol(f->c_str(), &end, 10);
    if (f->empty() || *end != '\0' || n < 1 || n > 100000)
      return parser.usage_error("--frames: \"" + *f + "\" is not a whole number from 1 to 100000");
    o->frames = static_cast<int>(n);
  }
  if (auto s = args->get("--select")) o->select_id = *s;
  if (auto s = args->get("--export-dialog-test")) {
    if (s->empty()) return parser.usage_error("--export-dialog-test: the file name is empty");
    o->export_test = *s;
    if (o->frames == 0) o->frames = 3;
  }
  if (auto s = args->get("--export-size")) {
    static const char* kPresets[] = {"hd", "4k", "a4", "a3", "a4-landscape", "a3-landscape"};
    int w = 0, h = 0;
    char x = 0;
    std::istringstream in(*s);
    const bool preset = std::find_if(std::begin(kPresets), std::end(kPresets), [&](const char* p) { return *s == p; }) !=
                        std::end(kPresets);
    if (!preset && (!(in >> w >> x >> h) || x != 'x' || w < 16 || h < 16 || w > 16384 || h > 16384 || !in.eof()))
      return parser.usage_error("--export-size: \"" + *s + "\" is not hd, 4k, a4, a3, a4-landscape, a3-landscape or WxH");
    o->export_test_size = *s;
  }
  if (auto s = args->get("--view")) {
    if (*s != "afpak" && *s != "region" && *s != "world" && *s != "data")
      return parser.usage_error("--view: \"" + *s + "\" is not afpak, region, world or data");
    o->view = *s;
  }
  if (auto s = args->get("--size")) {
    int w = 0, h = 0;
    char x = 0;
    std::istringstream in(*s);
    if (!(in >> w >> x >> h) || x != 'x' || w < 200 || h < 200 || w > 10000 || h > 10000 || !in.eof())
      return parser.usage_error("--size: \"" + *s + "\" is not WIDTHxHEIGHT (200..10000)");
    o->width = w;
    o->height = h;
  }
  std::optional<core::MonthIndex> from, to;
  for (const char* name : {"--from", "--to"}) {
    auto v = args->get(name);
    if (!v) continue;
    std::string err;
    auto d = core::parse_partial_date(*v, &err);
    if (!d) return parser.usage_error(std::string(name) + ": " + err);
    const core::MonthRange m = core::months_covering(d->interval());
    if (std::strcmp(name, "--from") == 0) from = m.start_month;
    else to = m.end_month;
  }
  if (from && to && *to <= *from) return parser.usage_error("--to: the end is before --from");
  if (from || to) o->window = core::MonthRange{from.value_or(INT32_MIN / 2), to.value_or(INT32_MAX / 2)};
  return std::nullopt;
}

core::Problem file_problem(const std::string& path, const std::string& message) {
  core::Problem p;
  p.file = path;
  p.message = message;
  return p;
}

// Files dropped on the window arrive in a GLFW callback; they are handled in the loop.
struct WindowInbox {
  std::vector<std::string> dropped;
  std::vector<state::KeyPress> keys;
};

// Installed before ImGui's backend, which chains to it.
void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
  auto* inbox = static_cast<WindowInbox*>(glfwGetWindowUserPointer(w));
  if (inbox && (action == GLFW_PRESS || action == GLFW_REPEAT)) inbox->keys.push_back({key, mods, action == GLFW_REPEAT});
}

void on_drop(GLFWwindow* w, int count, const char** paths) {
  auto* inbox = static_cast<WindowInbox*>(glfwGetWindowUserPointer(w));
  if (!inbox) return;
  for (int i = 0; i < count; ++i) inbox->dropped.emplace_back(paths[i]);
}

core::GeoBox countries_box(const core::Boundaries& b, std::initializer_list<const char*> codes) {
  core::GeoBox box;
  for (const char* c : codes)
    if (auto i = b.find_admin0(c)) {
      const core::GeoBox& g = b.admin0()[*i].bbox;
      box.extend(g.min_lon, g.min_lat);
      box.extend(g.max_lon, g.max_lat);
    }
  return box;
}

// The viewer's map style: the light preset with area highlights ranked below the CTC choropleth
// (the headline view): province-level incidents as stripes over whatever colours the province,
// country-level ones as a light tint (their count badge says how many). Points stay on top.
render::Style viewer_style() {
  render::Style s = render::Style::light();
  s.area_highlight = render::Rgba::hex(0x8A3B0E, 0.8f);
  s.area_highlight_country = render::Rgba::hex(0xF0B88A, 0.25f);
  s.area_highlight_hatch_px = 7;
  return s;
}

struct MapRect {
  double left = 0, top = 0, right = 0, bottom = 0;
};

class Viewer {
 public:
  explicit Viewer(ViewerOptions o) : opt_(std::move(o)) {}
  int run();

 private:
  bool load_base_data();
  core::GeoBox initial_area_of_interest() const;
  bool make_renderer(const render::BoundaryMesh& mesh, bool world);
  void start_world_mesh();
  void poll_world_mesh();
  bool create_window();
  void setup_imgui();
  void rebuild_dataset();
  void update_scene();
  void apply_choropleth();
  void update_hover_and_input();
  std::optional<uint32_t> pick_point(core::Vec2 fb_px) const;
  void fit_lonlat(const core::GeoBox& box);
  void show_chapter();
  MapRect free_map_rect() const;
  void keep_selection_in_view();
  void fit_projected(core::Vec2 lo, core::Vec2 hi);
  void handle_actions();
  bool open_data_file(const std::string& path, bool report_success, bool skip_invalid = false);
  void add_dataset(core::Dataset d);
  bool load_session(const std::string& path);
  void save_session(const std::string& path, bool confirmed);
  bool save_screenshot(const std::string& path);
  void save_user_screenshot();
  void update_export_dialog();
  void start_export_test();
  std::vector<std::string> extra_paths() const;

  ViewerOptions opt_;
  Clock::time_point t0_ = Clock::now();
  GLFWwindow* window_ = nullptr;
  WindowInbox inbox_;

  // The bundled boundaries and (loaded with the first file opened) gazetteer: what the CLI uses
  // to place rows that carry only names (issue 8). boundaries_ points into it.
  ImportContext import_;
  const core::Boundaries* boundaries_ = nullptr;
  std::optional<core::Projection> projection_;
  std::optional<core::Bundle> bundle_;
  std::vector<core::Chapter> story_;  // geodata/story.csv (empty when it cannot be read)
  struct ExtraFile {
    std::string path;
    size_t rows = 0;
  };
  std::vector<ExtraFile> extras_;  // files added to the bundled data; their rows are in merged_
  core::Dataset merged_;
  const core::Dataset* active_ = &merged_;
  core::AreaIndex areas_;
  state::WindowCounter counter_;  // the filter panel's counts without walking the window
  // Two renderers: the region's boundaries (fast to draw) and, once built in the background, the
  // whole world's, used only while the view reaches beyond the region's area of interest.
  std::unique_ptr<render::MapRenderer> region_renderer_, world_renderer_;
  render::MapRenderer* renderer_ = nullptr;  // the one drawing this frame
  template <class F>
  void each_renderer(F&& f) {
    if (region_renderer_) f(*region_renderer_);
    if (world_renderer_) f(*world_renderer_);
  }
  bool view_inside_region() const;
  render::Style style_ = viewer_style();
  core::GeoBox afpak_box_, region_box_;

  state::ViewState v_;
  ui::Scene scene_;
  std::vector<std::vector<size_t>> region_areas_;
  std::vector<size_t> shift_regions_;  // regions with reported shares

  // What the scene and renderer were last updated for, to avoid work on unchanged frames.
  core::MonthRange scene_window_{-1, -1};
  state::Filters scene_filters_;
  bool scene_dirty_ = true;
  std::vector<uint8_t> visibility_;
  bool scene_region_counts_ = false;
  // Hover is recomputed only when the cursor, the camera or the scene changed.
  uint64_t scene_version_ = 0;
  struct HoverKey {
    float mouse_x = -1, mouse_y = -1;
    double mpp = 0, cx = 0, cy = 0;
    uint64_t scene_version = UINT64_MAX;
    bool operator==(const HoverKey&) const = default;
  };
  HoverKey hover_key_;
  std::optional<std::vector<const void*>> choropleth_key_;  // the figures the fills show
  bool world_boundaries_ = false;
  float ui_scale_ = 1.0f;
  std::optional<render::BoundaryMesh> initial_mesh_;  // built by the loader thread
  std::future<render::BoundaryMesh> world_mesh_;  // content scale beyond the framebuffer/window ratio (X11 HiDPI)
  bool dragging_map_ = false;
  std::optional<uint32_t> shown_selection_;  // the selection keep_selection_in_view() last saw
  ImVec2 press_pos_{};
  core::Problems startup_problems_;
  // The Export dialog (File → Export…, Ctrl+E): its preview and exports render offscreen in this
  // window's GL context through render::MapExporter, like `driftmap export`.
  ui::ExportDialogState export_;
  Clock::time_point preview_at_{};  // last change the preview has not caught up with
  bool preview_pending_ = false;
  int export_redraws_ = 0;
  int input_redraws_ = 0;  // frames still to draw promptly after input
  uint64_t export_seen_version_ = UINT64_MAX;  // the scene and CTC toggle the dialog last saw
  bool export_seen_ctc_ = false;
  enum class ExportTest { Off, Pending, Running, Done } export_test_ = ExportTest::Off;
  int export_test_done_frame_ = 0;  // the screenshot shows the dialog's final status
};

// The first renderer keeps the boundaries around the region only (its mesh is built on the
// loader thread while the window opens); the whole world's mesh is built on a worker thread after
// the first frame and swapped in when ready, so that zooming out never blocks the UI.
core::GeoBox Viewer::initial_area_of_interest() const {
  core::GeoBox aoi;
  aoi.extend(region_box_.min_lon - 8, std::max(-80.0, region_box_.min_lat - 6));
  aoi.extend(region_box_.max_lon + 10, std::min(85.0, region_box_.max_lat + 6));
  return aoi;
}

bool Viewer::make_renderer(const render::BoundaryMesh& mesh, bool world) {
  std::unique_ptr<render::MapRenderer> r;
  try {
    r = std::make_unique<render::MapRenderer>(mesh, *projection_, style_);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "driftmap: cannot set up the map renderer: %s\n", e.what());
    if (renderer_) v_.errors.push_back(file_problem("", std::string("map renderer: ") + e.what()));
    return false;
  }
  if (active_ && !active_->empty()) {
    r->set_dataset(active_, &areas_);
    r->set_visibility(visibility_);
  }
  (world ? world_renderer_ : region_renderer_) = std::move(r);
  if (world) world_boundaries_ = true;
  if (!renderer_) renderer_ = region_renderer_ ? region_renderer_.get() : world_renderer_.get();
  scene_.style = &renderer_->style();
  scene_.ui_scale = ui_scale_;
  choropleth_key_.reset();
  return true;
}

bool Viewer::view_inside_region() const {
  const core::GeoBox aoi = initial_area_of_interest();
  const core::Vec2 lo = v_.camera.visible_min_m(), hi = v_.camera.visible_max_m();
  for (int i = 0; i <= 2; ++i)
    for (int j = 0; j <= 2; ++j) {
      const core::Vec2 ll = projection_->inverse(lo.x + (hi.x - lo.x) * i / 2, lo.y + (hi.y - lo.y) * j / 2);
      if (!std::isfinite(ll.x) || !std::isfinite(ll.y) || ll.x < aoi.min_lon || ll.x > aoi.max_lon ||
          ll.y < aoi.min_lat || ll.y > aoi.max_lat)
        return false;
    }
  return true;
}

void Viewer::start_world_mesh() {
  if (world_mesh_.valid() || world_boundaries_) return;
  const core::Boundaries* b = &*boundaries_;
  const double lon0 = projection_->lon0(), lat0 = projection_->lat0();
  world_mesh_ = std::async(std::launch::async, [b, lon0, lat0] {
    // Its own Projection: PROJ objects are not shared between threads.
    const core::Projection proj = core::Projection::laea(lon0, lat0);
    return render::load_or_build_boundary_mesh(*b, proj, {});
  });
}

void Viewer::poll_world_mesh() {
  if (!world_mesh_.valid() || world_mesh_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  try {
    const render::BoundaryMesh mesh = world_mesh_.get();
    if (make_renderer(mesh, true) && opt_.verbose) std::fprintf(stderr, "driftmap: world boundaries ready\n");
  } catch (const std::exception& e) {
    v_.errors.push_back(file_problem("", std::string("world boundaries: ") + e.what()));
  }
}

bool Viewer::load_base_data() {
  const auto t = Clock::now();
  core::Problems problems;
  import_.boundaries = core::Boundaries::load(core::geodata_file("boundaries.gpkg"),
                                              core::geodata_file("admin1_aliases.csv"), &problems);
  boundaries_ = import_.boundaries ? &*import_.boundaries : nullptr;
  if (!boundaries_) {
    for (const auto& p : problems.items) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
    std::fprintf(stderr, "driftmap: cannot load the boundaries from %s\n", core::geodata_dir().c_str());
    return false;
  }
  const double boundaries_ms = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
  afpak_box_ = countries_box(*boundaries_, {"AFG", "PAK"});
  region_box_ = countries_box(*boundaries_, {"AFG", "PAK", "IRN", "TKM", "UZB", "TJK", "KGZ"});
  if (!afpak_box_.valid()) afpak_box_ = region_box_;
  if (!afpak_box_.valid()) afpak_box_.extend(0, 0), afpak_box_.extend(1, 1);
  projection_ = core::Projection::laea(afpak_box_.centre_lon(), afpak_box_.centre_lat());
  const auto tm = Clock::now();
  initial_mesh_ = render::load_or_build_boundary_mesh(*boundaries_, *projection_, {initial_area_of_interest(), 0});
  const double mesh_ms = std::chrono::duration<double, std::milli>(Clock::now() - tm).count();

  const auto tb = Clock::now();
  core::Problems bundle_problems;
  bundle_ = core::load_bundle(core::geodata_dir(), &bundle_problems);
  for (const auto& p : bundle_problems.items) {
    if (p.severity == core::Severity::Error) startup_problems_.items.push_back(p);
    if (opt_.verbose || p.severity == core::Severity::Error)
      std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
  }
  if (auto story = core::load_story(core::geodata_file("story.csv"), &bundle_problems)) story_ = std::move(*story);
  if (bundle_) {
    region_areas_ = core::region_areas(*bundle_, *boundaries_);
    const auto series = core::reported_series(*bundle_, core::AggregateMetric::SharePercent);
    for (size_t r = 0; r < bundle_->regions.size(); ++r)
      if (r < series.values.size() &&
          std::any_of(series.values[r].begin(), series.values[r].end(), [](auto& x) { return x.has_value(); }))
        shift_regions_.push_back(r);
  }
  if (opt_.verbose)
    std::fprintf(stderr, "driftmap: boundaries %.0f ms, region mesh %.0f ms, bundle %.0f ms (%zu incidents)\n",
                 boundaries_ms, mesh_ms,
                 std::chrono::duration<double, std::milli>(Clock::now() - tb).count(),
                 bundle_ ? bundle_->incidents.size() : size_t{0});
  return true;
}

bool Viewer::create_window() {
  glfwSetErrorCallback([](int code, const char* msg) { std::fprintf(stderr, "driftmap: GLFW %d: %s\n", code, msg); });
  if (!glfwInit()) {
    std::fprintf(stderr, "driftmap: cannot open a window (no display? set DISPLAY or use 'driftmap export')\n");
    return false;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);
  window_ = glfwCreateWindow(opt_.width, opt_.height, "driftmap", nullptr, nullptr);
  if (!window_) {
    glfwWindowHint(GLFW_SAMPLES, 0);
    window_ = glfwCreateWindow(opt_.width, opt_.height, "driftmap", nullptr, nullptr);
  }
  if (!window_) {
    std::fprintf(stderr, "driftmap: cannot create an OpenGL 3.3 core window\n");
    glfwTerminate();
    return false;
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(opt_.screenshot.empty() ? 1 : 0);
  glfwSetWindowUserPointer(window_, &inbox_);
  glfwSetDropCallback(window_, on_drop);
  glfwSetKeyCallback(window_, on_key);
  return true;
}

void Viewer::setup_imgui() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is fixed; the session file holds what matters
  // HiDPI: where the framebuffer is denser than window coordinates (macOS, Wayland) ImGui works
  // in window coordinates and the font is rasterised at framebuffer density; where it isn't
  // (X11 with a content scale) everything is scaled up in pixels instead.
  int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
  glfwGetFramebufferSize(window_, &fb_w, &fb_h);
  glfwGetWindowSize(window_, &win_w, &win_h);
  const float fb_ratio = win_w > 0 && fb_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
  float xscale = 1, yscale = 1;
  glfwGetWindowContentScale(window_, &xscale, &yscale);
  ui_scale_ = std::max(1.0f, std::max(xscale, yscale) / fb_ratio);
  const float scale = ui_scale_;
  io.FontGlobalScale = 1.0f / fb_ratio;
  ImGui::StyleColorsLight();
  ImGui::GetStyle().WindowRounding = 0;
  ImGui::GetStyle().ScaleAllSizes(scale);
  // Latin with diacritics (place names), general punctuation (dashes, curly quotes).
  static const ImWchar kRanges[] = {0x0020, 0x017F, 0x2010, 0x203A, 0x2190, 0x2193, 0};
  ImFontConfig font_config;
  font_config.OversampleH = 2;  // the atlas is built before the first frame: keep it small
  const std::string font = find_font("DejaVu Sans");
  if (font.empty() || !io.Fonts->AddFontFromFileTTF(font.c_str(), 15.0f * scale * fb_ratio, &font_config, kRanges))
    io.Fonts->AddFontDefault();
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

std::vector<std::string> Viewer::extra_paths() const {
  std::vector<std::string> out;
  for (const auto& f : extras_) out.push_back(f.path);
  return out;
}

// A file's rows join what is loaded column by column (DatasetBuilder::append moves the columns;
// build() sorts with a counting sort), never row by row through Incident objects.
void Viewer::add_dataset(core::Dataset d) {
  extras_.push_back({d.path, d.size()});
  core::DatasetBuilder b;
  if (active_ == &merged_ && !merged_.empty()) b.append(std::move(merged_));
  else if (bundle_) b.append(core::Dataset(bundle_->incidents));  // a copy: the bundle keeps its own
  b.append(std::move(d));
  merged_ = std::move(b).build();
  merged_.name = "merged";
  active_ = &merged_;
  rebuild_dataset();
}

void Viewer::rebuild_dataset() {
  if (extras_.empty() && bundle_) active_ = &bundle_->incidents;
  const core::Dataset& d = *active_;
  areas_ = core::AreaIndex::build(d, *boundaries_);
  counter_ = state::WindowCounter::build(d);
  visibility_.clear();
  each_renderer([&](render::MapRenderer& r) {
    r.set_dataset(&d, &areas_);
    r.set_visibility({});
  });
  scene_filters_ = state::Filters{};

  scene_.dataset = &d;
  scene_.row_mask = &visibility_;
  scene_.bundle = bundle_ ? &*bundle_ : nullptr;
  scene_.extent = core::dataset_months(d);
  scene_.histogram = core::month_histogram(d, scene_.extent);
  scene_.countries = state::countries(d);
  scene_.unmatched_areas = areas_.unmatched();
  scene_.data_description = (bundle_ ? std::to_string(bundle_->incidents.size()) + " bundled incidents" : "no bundle") +
                            (extras_.empty() ? "" : " + " + std::to_string(extras_.size()) + " file(s)") + ", " +
                            std::to_string(d.size()) + " in all";
  ui::normalise_window(v_.time, scene_.extent);
  cancel_export(export_, "cancelled: the data changed");  // its exporter holds the old rows
  export_.preview_dirty = true;
  if (v_.selected && *v_.selected >= d.size()) v_.selected.reset();
  v_.hovered.reset();
  scene_dirty_ = true;
}

void Viewer::update_scene() {
  const core::Dataset& d = *active_;
  const bool filters_changed = !(v_.filters == scene_filters_);
  if (filters_changed || visibility_.size() != d.size()) {
    // Country and text need a per-row lookup: a visibility byte per row. Type and toll are uniforms.
    const core::IncidentFilter rule = state::incident_filter(v_.filters);
    if (rule.needs_row_lookup()) visibility_ = core::row_lookup_mask(rule, d);
    else visibility_.clear();
    each_renderer([&](render::MapRenderer& r) { r.set_visibility(visibility_); });
  }
  if (!scene_dirty_ && !filters_changed && v_.time.window == scene_window_ &&
      scene_region_counts_ == v_.show_region_counts)
    return;
  scene_filters_ = v_.filters;
  scene_window_ = v_.time.window;
  scene_dirty_ = false;
  ++scene_version_;
  const core::DayInterval w = v_.time.window.days();
  // O(1) per window without country/text/toll filters; the Tab list is never built (issue 6).
  scene_.counts = counter_.count(v_.filters, d, w, visibility_);
  scene_region_counts_ = v_.show_region_counts;
  if (bundle_) {
    scene_.region_counts.clear();
    if (v_.show_region_counts) {  // a walk over the window: only when asked for
      std::vector<uint8_t> mask;
      if (!(v_.filters == state::Filters{})) mask = state::filter_mask(v_.filters, d);
      scene_.region_counts = core::region_incident_counts(*bundle_, d, w, mask.empty() ? nullptr : &mask);
    }
    scene_.shares = core::reported_series(*bundle_, core::AggregateMetric::SharePercent);
    scene_.counts_reported = core::reported_series(*bundle_, core::AggregateMetric::Count);
    scene_.figures = core::region_figures_for_window(*bundle_, w);
    scene_.share_period = core::best_share_period(scene_.shares, scene_.figures);
  }
  if (v_.selected && !state::shown_in_window(v_.filters, d, w, visibility_, *v_.selected)) v_.selected.reset();
}

void Viewer::apply_choropleth() {
  if (!renderer_ || !bundle_) return;
  std::vector<const void*> key;  // the rows the fills show (a share or a statement each)
  if (v_.show_ctc_shift)
    for (const auto& f : scene_.figures) key.push_back(f.share ? static_cast<const void*>(f.share) : f.statement);
  if (choropleth_key_ && *choropleth_key_ == key) return;
  choropleth_key_ = key;
  const auto admin1 = v_.show_ctc_shift ? render::figure_fills(*bundle_, scene_.figures, region_areas_, boundaries_->admin1().size())
                                        : std::vector<render::Rgba>{};
  each_renderer([&](render::MapRenderer& r) { r.set_area_colours({}, admin1); });
}

// The part of the window the map shows unobstructed: not under the menu bar, the sidebar or the
// timeline. In framebuffer pixels.
MapRect Viewer::free_map_rect() const {
  const ImGuiIO& io = ImGui::GetIO();
  const double sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
  MapRect r;
  r.top = ui::menu_height() * sy;
  r.right = std::max(50.0, v_.camera.viewport_w_px() - ui::sidebar_width() * sx);
  r.bottom = std::max(r.top + 50.0, v_.camera.viewport_h_px() - (v_.show_timeline ? ui::timeline_height() * sy : 0.0));
  return r;
}

// A selection made away from the map (Tab, a list) that lies outside the free rectangle is
// brought to its centre; one made by clicking is already in view and stays put.
void Viewer::keep_selection_in_view() {
  if (v_.selected == shown_selection_) return;
  shown_selection_ = v_.selected;
  if (!v_.selected || *v_.selected >= active_->size()) return;
  const core::Vec2 w = projection_->forward(active_->lon_deg()[*v_.selected], active_->lat_deg()[*v_.selected]);
  if (!std::isfinite(w.x) || !std::isfinite(w.y)) return;
  const MapRect r = free_map_rect();
  const core::Vec2 p = v_.camera.world_to_screen(w);
  const double margin = 16 * ImGui::GetIO().DisplayFramebufferScale.x;
  if (p.x >= r.left + margin && p.x <= r.right - margin && p.y >= r.top + margin && p.y <= r.bottom - margin) return;
  v_.camera.pan_px((r.left + r.right) / 2 - p.x, (r.top + r.bottom) / 2 - p.y);
}

void Viewer::fit_projected(core::Vec2 lo, core::Vec2 hi) {
  const MapRect rect = free_map_rect();
  const double left = rect.left, top = rect.top, right = rect.right, bottom = rect.bottom;
  const double margin = 24 * ImGui::GetIO().DisplayFramebufferScale.x;
  const double rw = std::max(50.0, right - left - 2 * margin), rh = std::max(50.0, bottom - top - 2 * margin);
  const double mpp = std::max({(hi.x - lo.x) / rw, (hi.y - lo.y) / rh, 1.0});
  v_.camera.set_metres_per_px(mpp);
  // Put the box centre at the centre of the free rectangle.
  const core::Vec2 box_centre{(lo.x + hi.x) / 2, (lo.y + hi.y) / 2};
  const double dx_px = (left + right) / 2 - v_.camera.viewport_w_px() / 2.0;
  const double dy_px = (top + bottom) / 2 - v_.camera.viewport_h_px() / 2.0;
  v_.camera.set_centre({box_centre.x - dx_px * mpp, box_centre.y + dy_px * mpp});
}

void Viewer::fit_lonlat(const core::GeoBox& box) {
  if (!box.valid()) return;
  core::Vec2 lo{1e300, 1e300}, hi{-1e300, -1e300};
  for (int i = 0; i <= 8; ++i)
    for (int j = 0; j <= 8; ++j) {
      const double lon = box.min_lon + (box.max_lon - box.min_lon) * i / 8.0;
      const double lat = box.min_lat + (box.max_lat - box.min_lat) * j / 8.0;
      const core::Vec2 p = projection_->forward(lon, lat);
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
      lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
      hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
  if (lo.x <= hi.x) fit_projected(lo, hi);
}

// Every way a file is opened (command line, File → Open, Open recent, drag and drop, sessions)
// comes here. A refused file changes nothing that is loaded; its report offers to load the
// valid rows (skip_invalid), which then lists what was skipped.
bool Viewer::open_data_file(const std::string& path, bool report_success, bool skip_invalid) {
  if (core::is_network_path(path)) {
    v_.errors.push_back(file_problem(path, "network paths are not opened; download the file first"));
    return false;
  }
  core::LoadOptions options = import_.options();
  options.skip_invalid = skip_invalid;
  const auto tl = Clock::now();
  core::LoadResult r = core::load_incidents(path, options);
  const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - tl).count();
  state::LoadReport report = state::make_load_report(path, r, skip_invalid);
  const size_t notes = report.notes.size();
  state::add_load_report(v_, std::move(report));
  if (!r.ok()) {
    v_.status = "could not open " + path;
    if (opt_.verbose)
      for (const auto& p : r.problems.items) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
    return false;
  }
  r.dataset->path = path;
  const size_t rows = r.dataset->size();
  const auto tm = Clock::now();
  add_dataset(std::move(*r.dataset));
  if (opt_.verbose)
    std::fprintf(stderr, "driftmap: %s: %zu incidents, loaded in %.0f ms, added to the map in %.0f ms\n",
                 path.c_str(), rows, load_ms, std::chrono::duration<double, std::milli>(Clock::now() - tm).count());
  ui::remember_recent_file(v_.recent_files, path);
  std::string error;
  if (!ui::write_recent_files(ui::recent_files_path(), v_.recent_files, &error) && opt_.verbose)
    std::fprintf(stderr, "driftmap: recent files not saved: %s\n", error.c_str());
  if (report_success) {
    v_.status = "added " + std::to_string(rows) + " incidents from " + path;
    if (r.rows_skipped) v_.status += ", skipped " + std::to_string(r.rows_skipped) + " invalid rows";
    if (notes) v_.status += " (" + std::to_string(notes) + " placed by name: see notes)";
  }
  return true;
}

bool Viewer::load_session(const std::string& path) {
  core::Problems problems;
  auto s = state::read_session_file(path, &problems);
  if (!s) {
    for (auto& p : problems.items) v_.errors.push_back(p);
    v_.status = "could not load session " + path;
    return false;
  }
  for (const std::string& f : s->data_files)
    if (std::find_if(extras_.begin(), extras_.end(), [&](auto& e) { return e.path == f; }) == extras_.end())
      open_data_file(f, false);
  state::apply_session(*s, v_);
  ui::normalise_window(v_.time, scene_.extent);
  v_.session_path = path;
  v_.status = "session " + path;
  scene_dirty_ = true;
  return true;
}

// A session replaces only an earlier session, and one other than this window's own only after the
// user agreed (confirmed); a data file or anything else under that name is never touched.
void Viewer::save_session(const std::string& path, bool confirmed) {
  if (path.empty()) {
    v_.status = "session not saved: no file name given";
    return;
  }
  std::string why;
  switch (state::session_target(path, &why)) {
    case state::SessionTarget::NotSession:
      v_.errors.push_back(file_problem(path, "not replaced with a session: " + why));
      v_.status = "session not saved: " + path + " kept as it is (" + why + ")";
      return;
    case state::SessionTarget::Session:
      if (!confirmed && path != v_.session_path) {
        v_.confirm_replace_path = path;
        return;
      }
      break;
    case state::SessionTarget::New: break;
  }
  core::Problems problems;
  if (state::write_session_file(path, state::capture_session(v_, extra_paths()), &problems)) {
    v_.session_path = path;
    v_.status = "saved session " + path;
  } else {
    for (auto& p : problems.items) v_.errors.push_back(p);
  }
}

bool Viewer::save_screenshot(const std::string& path) {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  std::vector<uint8_t> rgba(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  // GL rows start at the bottom; PNG rows at the top. The window is opaque.
  const size_t row = static_cast<size_t>(w) * 4;
  std::vector<uint8_t> flipped(rgba.size());
  for (int y = 0; y < h; ++y)
    std::memcpy(&flipped[static_cast<size_t>(y) * row], &rgba[static_cast<size_t>(h - 1 - y) * row], row);
  for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
  std::string error;
  if (!render::write_png(path, flipped, w, h, &error)) {
    v_.errors.push_back(file_problem(path, error));
    std::fprintf(stderr, "driftmap: %s\n", error.c_str());
    return false;
  }
  v_.status = "saved " + path;
  return true;
}

// Ctrl+S: a time-stamped PNG in the folder the File menu shows; the status line gives its path.
void Viewer::save_user_screenshot() {
  std::error_code ec;
  if (!std::filesystem::is_directory(v_.screenshot_dir, ec)) {
    v_.errors.push_back(file_problem(v_.screenshot_dir, "screenshot not saved: the folder does not exist"));
    v_.status = "screenshot not saved: no folder " + v_.screenshot_dir;
    return;
  }
  char name[64];
  const std::time_t now = std::time(nullptr);
  std::strftime(name, sizeof name, "driftmap-%Y%m%d-%H%M%S.png", std::localtime(&now));
  const std::string path = (std::filesystem::path(v_.screenshot_dir) / name).string();
  if (save_screenshot(path)) v_.status = "saved screenshot " + path;
}

// Screenshots go to ~/Pictures when there is one, else to the folder driftmap was started in.
std::string default_screenshot_dir() {
  std::error_code ec;
  if (const char* home = std::getenv("HOME"); home && *home) {
    const std::filesystem::path pictures = std::filesystem::path(home) / "Pictures";
    if (std::filesystem::is_directory(pictures, ec)) return pictures.string();
  }
  const auto cwd = std::filesystem::current_path(ec);
  return ec ? std::string(".") : cwd.string();
}

// Every frame: the dialog's view of the data (the map area the window shows, the data's months),
// then its requests — an export, a preview (at most ~4 a second while options change) and the
// next few frames of a running animation (about 30 ms a frame, so the window stays responsive).
void Viewer::update_export_dialog() {
  if (!export_.open && !export_.job && !export_.export_requested) return;
  const MapRect rect = free_map_rect();
  const core::Vec2 a = v_.camera.screen_to_world({rect.left, rect.top});
  const core::Vec2 b = v_.camera.screen_to_world({rect.right, rect.bottom});
  const std::pair<core::Vec2, core::Vec2> box{{std::min(a.x, b.x), std::min(a.y, b.y)},
                                              {std::max(a.x, b.x), std::max(a.y, b.y)}};
  // The view, window or filters moved: the preview follows once they have been still for a
  // moment (building a preview costs a few hundred ms; not while panning or typing).
  const auto now = Clock::now();
  if (export_.open && (export_.preview_dirty || !export_.view_box_m || export_.view_box_m->first.x != box.first.x ||
                       export_.view_box_m->first.y != box.first.y || export_.view_box_m->second.x != box.second.x ||
                       export_.view_box_m->second.y != box.second.y || scene_version_ != export_seen_version_ ||
                       export_seen_ctc_ != v_.show_ctc_shift)) {
    preview_pending_ = true;
    preview_at_ = now;
    export_.preview_dirty = false;
  }
  export_seen_version_ = scene_version_;
  export_seen_ctc_ = v_.show_ctc_shift;
  export_.view_box_m = box;
  export_.extent = scene_.extent;
  const render::ExportData data{boundaries_, active_, &areas_, bundle_ ? &*bundle_ : nullptr};
  if (export_.export_requested) run_export(export_, v_, data, visibility_);
  if (export_.job) step_export(export_, 30);
  if (export_.open && preview_pending_ && !export_.job && now - preview_at_ > std::chrono::milliseconds(300)) {
    preview_pending_ = false;
    const auto tp = Clock::now();
    render_export_preview(export_, v_, data, visibility_);
    export_redraws_ = 3;  // the dialog fits its height to the new preview over the next frames
    if (opt_.verbose)
      std::fprintf(stderr, "driftmap: export preview in %.0f ms\n",
                   std::chrono::duration<double, std::milli>(Clock::now() - tp).count());
  }
}

// --export-dialog-test: the dialog opened as Ctrl+E opens it, its options set as a user would.
void Viewer::start_export_test() {
  v_.request(state::Action::OpenExport);
  handle_actions();
  if (!ui::choose_export_format(export_, opt_.export_test))
    export_.path = opt_.export_test;  // no format has its extension: the dialog reports the mismatch
  const std::string& z = opt_.export_test_size;
  if (z == "hd" || z.empty()) export_.size = ui::ExportSize::HD;
  else if (z == "4k") export_.size = ui::ExportSize::UHD;
  else if (z == "a4") export_.size = ui::ExportSize::A4;
  else if (z == "a3") export_.size = ui::ExportSize::A3;
  else if (z == "a4-landscape") export_.size = ui::ExportSize::A4Landscape;
  else if (z == "a3-landscape") export_.size = ui::ExportSize::A3Landscape;
  else {
    export_.size = ui::ExportSize::Custom;
    std::sscanf(z.c_str(), "%dx%d", &export_.custom_w, &export_.custom_h);
  }
  export_.export_requested = true;
  export_test_ = ExportTest::Running;
}

// The Story panel's chapter: its period as the time window, its frame (every place it names).
void Viewer::show_chapter() {
  if (story_.empty()) return;
  const core::Chapter& c = story_[std::min(v_.story_chapter, story_.size() - 1)];
  v_.time.playing = false;
  v_.time.mode = core::WindowMode::Sliding;
  v_.time.window = core::months_covering(c.window());
  v_.time.window_months = std::max(1, v_.time.window.length_months());
  ui::normalise_window(v_.time, scene_.extent);
  fit_lonlat(c.frame);
}

void Viewer::handle_actions() {
  for (const std::string& f : inbox_.dropped) {
    if (f.size() > 4 && (f.ends_with(".ini") || f.ends_with(".session"))) load_session(f);
    else open_data_file(f, true);
  }
  inbox_.dropped.clear();
  std::vector<state::Action> actions;
  actions.swap(v_.actions);
  for (state::Action a : actions) {
    switch (a) {
      case state::Action::None: break;
      case state::Action::FitData: {
        // The frame an export of this window gets: the main cluster, not the far-away incidents.
        const core::IncidentFilter shown{.type_mask = state::type_mask(v_.filters), .killed_min = v_.filters.killed_min};
        const core::Framing f = core::frame_incidents(
            core::frame_points(*active_, v_.time.window.days(), shown, *boundaries_, &areas_), {.aspect = 0});
        if (f.from_data) fit_lonlat(f.frame);
        break;
      }
      case state::Action::FitAfPak: fit_lonlat(afpak_box_); break;
      case state::Action::ShowChapter: show_chapter(); break;
      case state::Action::FitRegion: fit_lonlat(region_box_); break;
      case state::Action::FitWorld: {
        start_world_mesh();
        if (!opt_.screenshot.empty() && world_mesh_.valid()) {
          world_mesh_.wait();  // a screenshot of the world view needs the world's boundaries
          poll_world_mesh();
        }
        // LAEA shows the whole sphere as a disc of radius 2R.
        const double r = 2 * 6371007.2;
        fit_projected({-r, -r}, {r, r});
        break;
      }
      case state::Action::OpenFile:
        if (!v_.open_path.empty()) open_data_file(v_.open_path, true);
        break;
      case state::Action::SaveScreenshot: break;  // handled after rendering, see run()
      case state::Action::SaveSession: save_session(v_.session_field, false); break;
      case state::Action::ReplaceSession:
        save_session(v_.confirm_replace_path, true);
        v_.confirm_replace_path.clear();
        break;
      case state::Action::LoadSession:
        if (!v_.session_field.empty()) load_session(v_.session_field);
        break;
      case state::Action::Quit: glfwSetWindowShouldClose(window_, GLFW_TRUE); break;
      case state::Action::OpenExport: ui::open_export_dialog(export_, v_); break;
      case state::Action::LoadValidRows:
        if (!v_.reload_path.empty()) open_data_file(v_.reload_path, true, true);
        break;
    }
  }
}

// The drawn point nearest to a framebuffer position, within its radius plus a few pixels. No
// projected copy of every row is kept (16 bytes a row): rows are first compared with the cursor in
// degrees, with a box three times the largest point's radius, and only those inside are projected.
std::optional<uint32_t> Viewer::pick_point(core::Vec2 m) const {
  std::optional<uint32_t> found;
  const render::Style& st = renderer_->style();
  const double ratio = v_.camera.pixel_ratio();
  const core::Dataset& d = *active_;
  double best = 1e300;
  const core::Vec2 mouse_m = v_.camera.screen_to_world(m);
  const core::Vec2 mouse_ll = projection_->inverse(mouse_m.x, mouse_m.y);
  const double reach_m = 3 * (st.point_max_radius_px + 3) * ratio * v_.camera.metres_per_px();
  const double reach_lat = reach_m / 110574.0;
  const double reach_lon = reach_m / (111320.0 * std::max(0.02, std::cos(mouse_ll.y * M_PI / 180.0)));
  const bool mouse_on_earth = std::isfinite(mouse_ll.x) && std::isfinite(mouse_ll.y);
  const core::IncidentFilter rule = state::incident_filter(v_.filters, visibility_);
  d.for_each_in_window(v_.time.window.days(), [&](uint32_t i) {
    if (!mouse_on_earth || !core::is_point_precision(d.location_precision()[i])) return;
    const double dlon = std::abs(std::remainder(double(d.lon_deg()[i]) - mouse_ll.x, 360.0));
    if (std::abs(double(d.lat_deg()[i]) - mouse_ll.y) > reach_lat || dlon > reach_lon) return;
    if (!rule.passes(d, i)) return;
    const core::Vec2 p = v_.camera.world_to_screen(projection_->forward(d.lon_deg()[i], d.lat_deg()[i]));
    const int k = d.killed()[i];
    double r = k > 0 ? st.point_min_radius_px + st.point_radius_per_sqrt_killed_px * std::sqrt(double(k))
                     : st.point_min_radius_px;
    r = std::min<double>(r, st.point_max_radius_px) * ratio + 3 * ratio;
    const double dist = std::hypot(p.x - m.x, p.y - m.y);
    if (dist <= r && dist < best) {
      best = dist;
      found = i;
    }
  });
  return found;
}

void Viewer::update_hover_and_input() {
  ImGuiIO& io = ImGui::GetIO();
  const double sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
  const ImVec2 mouse = io.MousePos;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const bool in_map = mouse.x >= vp->WorkPos.x && mouse.y >= vp->WorkPos.y &&
                      mouse.x < vp->WorkPos.x + vp->WorkSize.x - ui::sidebar_width() &&
                      mouse.y < vp->WorkPos.y + vp->WorkSize.y - ui::timeline_height();
  const bool mouse_free = !io.WantCaptureMouse && in_map;

  // Pan by dragging, zoom with the wheel around the cursor.
  if (mouse_free && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    dragging_map_ = true;
    press_pos_ = mouse;
  }
  if (dragging_map_ && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    const ImVec2 d = io.MouseDelta;
    if (d.x != 0 || d.y != 0) v_.camera.pan_px(d.x * sx, d.y * sy);
  }
  if (dragging_map_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    dragging_map_ = false;
    const float moved = std::hypot(mouse.x - press_pos_.x, mouse.y - press_pos_.y);
    // A click, not a drag: select what is under the cursor (the hover pass is off while the
    // button is down, so it is picked here).
    if (moved < 4 && renderer_) {
      v_.selected = pick_point({mouse.x * sx, mouse.y * sy});
      hover_key_ = HoverKey{};
    }
  }
  if (mouse_free && io.MouseWheel != 0)
    v_.camera.zoom_at({mouse.x * sx, mouse.y * sy}, std::pow(1.25, static_cast<double>(io.MouseWheel)));
  if (dragging_map_) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);

  // Hover: nearest drawn point under the cursor, in framebuffer pixels. A walk over the window's
  // rows, so only when the cursor, the camera or the scene changed.
  const HoverKey key{mouse.x, mouse.y, v_.camera.metres_per_px(), v_.camera.centre_m().x, v_.camera.centre_m().y,
                     scene_version_};
  const bool can_hover = mouse_free && !dragging_map_ && renderer_;
  if (can_hover && key == hover_key_) return;
  hover_key_ = can_hover ? key : HoverKey{};
  v_.hovered.reset();
  v_.hovered_area.clear();
  v_.hovered_regions.clear();
  if (!can_hover) return;
  const core::Vec2 m{mouse.x * sx, mouse.y * sy};
  v_.hovered = pick_point(m);
  // No point: which of the article's regions is the province under the cursor in?
  if (!v_.hovered && bundle_ && (v_.show_ctc_shift || v_.show_region_counts)) {
    const core::Vec2 w = v_.camera.screen_to_world(m);
    const core::Vec2 ll = projection_->inverse(w.x, w.y);
    if (std::isfinite(ll.x) && std::isfinite(ll.y)) {
      if (auto a = boundaries_->admin1_at(ll.x, ll.y)) {
        for (size_t r : shift_regions_)
          if (std::find(region_areas_[r].begin(), region_areas_[r].end(), *a) != region_areas_[r].end())
            v_.hovered_regions.push_back(r);
        if (!v_.hovered_regions.empty()) v_.hovered_area = boundaries_->admin1()[*a].name;
      }
    }
  }
}

int Viewer::run() {
  // Reading the boundaries and the bundle (GDAL, no GL) overlaps with opening the window.
  auto loaded = std::async(std::launch::async, [this] { return load_base_data(); });
  const auto tw = Clock::now();
  const bool window_ok = create_window();
  if (window_ok) setup_imgui();
  if (opt_.verbose)
    std::fprintf(stderr, "driftmap: window and UI set up in %.0f ms\n",
                 std::chrono::duration<double, std::milli>(Clock::now() - tw).count());
  if (!loaded.get() || !window_ok) {
    if (window_ok) {
      ImGui_ImplOpenGL3_Shutdown();
      ImGui_ImplGlfw_Shutdown();
      ImGui::DestroyContext();
      glfwDestroyWindow(window_);
      glfwTerminate();
    }
    return kExitFailure;
  }

  const auto tr = Clock::now();
  if (!initial_mesh_) initial_mesh_ = render::load_or_build_boundary_mesh(*boundaries_, *projection_, {initial_area_of_interest(), 0});
  const bool renderer_ok = make_renderer(*initial_mesh_, false);
  initial_mesh_.reset();
  if (!renderer_ok) return kExitFailure;
  if (opt_.verbose)
    std::fprintf(stderr, "driftmap: renderer set up in %.0f ms\n",
                 std::chrono::duration<double, std::milli>(Clock::now() - tr).count());

  for (const auto& p : startup_problems_.items) v_.errors.push_back(p);
  v_.recent_files = ui::read_recent_files(ui::recent_files_path());
  v_.screenshot_dir = default_screenshot_dir();
  rebuild_dataset();
  for (const std::string& f : opt_.files) open_data_file(f, true);

  // Labels (countries everywhere, provinces of the region) and region markers, projected once.
  for (int level = 0; level <= 1; ++level) {
    const auto& areas = level == 0 ? boundaries_->admin0() : boundaries_->admin1();
    for (const auto& a : areas) {
      const core::Vec2 w = projection_->forward(a.label_lonlat.x, a.label_lonlat.y);
      if (!std::isfinite(w.x) || !std::isfinite(w.y)) continue;
      const double kx = 111320.0 * std::cos(a.bbox.centre_lat() * M_PI / 180.0);
      const double area = (a.bbox.max_lon - a.bbox.min_lon) * kx * (a.bbox.max_lat - a.bbox.min_lat) * 110574.0 * 0.5;
      scene_.labels.push_back({a.name, w, level, area});
    }
  }
  scene_.shift_regions = shift_regions_;
  scene_.story = story_.empty() ? nullptr : &story_;
  if (bundle_) {
    for (size_t r = 0; r < bundle_->regions.size(); ++r) {
      core::Vec2 sum{};
      size_t n = 0;
      for (size_t a : region_areas_[r]) {
        const auto& ll = boundaries_->admin1()[a].label_lonlat;
        const core::Vec2 w = projection_->forward(ll.x, ll.y);
        sum.x += w.x, sum.y += w.y, ++n;
      }
      const bool shown = n > 0 && std::find(shift_regions_.begin(), shift_regions_.end(), r) != shift_regions_.end();
      scene_.regions.push_back({shown ? bundle_->regions[r].label : std::string(),
                                n ? core::Vec2{sum.x / double(n), sum.y / double(n)} : core::Vec2{}});
    }
  }

  int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
  glfwGetFramebufferSize(window_, &fb_w, &fb_h);
  glfwGetWindowSize(window_, &win_w, &win_h);
  v_.camera.set_viewport(fb_w, fb_h, (win_w > 0 ? double(fb_w) / win_w : 1.0) * ui_scale_);
  v_.time.window = {};
  ui::normalise_window(v_.time, scene_.extent);
  bool fitted = false;
  if (!opt_.session.empty()) {
    const double mpp_before = v_.camera.metres_per_px();
    const core::Vec2 centre_before = v_.camera.centre_m();
    if (!load_session(opt_.session)) {
      for (const auto& p : v_.errors) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
      if (!opt_.screenshot.empty()) return kExitFailure;
    } else {
      // A session without a [view] keeps the initial fit.
      fitted = v_.camera.metres_per_px() != mpp_before || v_.camera.centre_m().x != centre_before.x ||
               v_.camera.centre_m().y != centre_before.y;
    }
  }
  if (opt_.window) {
    v_.time.window = core::MonthRange{std::max(opt_.window->start_month, scene_.extent.start_month),
                                      std::min(opt_.window->end_month, scene_.extent.end_month)};
    if (v_.time.window.length_months() <= 0) v_.time.window = opt_.window->length_months() > 0 ? *opt_.window : v_.time.window;
    v_.time.window_months = std::max(1, v_.time.window.length_months());
    ui::normalise_window(v_.time, scene_.extent);
  }

  if (!opt_.select_id.empty()) {
    for (size_t i = 0; i < active_->size(); ++i)
      if (active_->id(i) == opt_.select_id) v_.selected = static_cast<uint32_t>(i);
    if (!v_.selected) {
      std::fprintf(stderr, "driftmap: --select: no incident has the id \"%s\"\n", opt_.select_id.c_str());
      if (!opt_.screenshot.empty()) return kExitFailure;
    } else if (!opt_.window) {
      // Show the incident: a window that ends with it.
      const core::MonthRange m = core::months_covering(active_->interval(*v_.selected));
      v_.time.window = {m.end_month - v_.time.window.length_months(), m.end_month};
      ui::normalise_window(v_.time, scene_.extent);
    }
  }

  std::vector<double> frame_ms, map_ms;
  double first_frame_ms = 0;
  int frame = 0;
  auto last = Clock::now();
  if (!opt_.export_test.empty()) export_test_ = ExportTest::Pending;
  const bool screenshot_mode = !opt_.screenshot.empty() || export_test_ != ExportTest::Off;
  int exit_code = kExitOk;
  while (!glfwWindowShouldClose(window_)) {
    const bool busy = v_.time.playing || screenshot_mode || frame < 5 || dragging_map_ || !inbox_.dropped.empty() ||
                      export_.job || (export_.open && (export_.preview_dirty || preview_pending_)) ||
                      export_redraws_ > 0 || input_redraws_ > 0;
    if (export_redraws_ > 0) --export_redraws_;
    if (input_redraws_ > 0) --input_redraws_;
    const auto wait_start = Clock::now();
    if (busy) {
      glfwPollEvents();
    } else {
      glfwWaitEventsTimeout(0.5);
      // Woken by input: a few frames at once, so that what it opened (a popup, a window, which
      // ImGui lays out over two frames) shows now and not at the next event.
      if (Clock::now() - wait_start < std::chrono::milliseconds(450)) input_redraws_ = 3;
    }
    const auto frame_start = Clock::now();
    const double dt = std::chrono::duration<double>(frame_start - last).count();
    last = frame_start;

    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    glfwGetWindowSize(window_, &win_w, &win_h);
    if (fb_w <= 0 || fb_h <= 0) continue;  // minimised
    v_.camera.set_viewport(fb_w, fb_h, (win_w > 0 ? double(fb_w) / win_w : 1.0) * ui_scale_);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (!fitted && opt_.view.empty() && !opt_.window && opt_.session.empty() && opt_.select_id.empty() &&
        !story_.empty()) {
      // Opened plainly: the story's first chapter, with its panel.
      v_.show_story = true;
      v_.story_chapter = 0;
      v_.request(state::Action::ShowChapter);
      fitted = true;
    }
    if (!fitted) {
      v_.request(opt_.view == "world"    ? state::Action::FitWorld
                 : opt_.view == "region" ? state::Action::FitRegion
                 : opt_.view == "data"   ? state::Action::FitData
                                         : state::Action::FitAfPak);
      fitted = true;
    }

    ui::advance_playback(v_.time, scene_.extent, dt);
    handle_actions();
    if (frame > 0 && !screenshot_mode) start_world_mesh();  // after the first frame, in the background
    poll_world_mesh();
    update_scene();
    update_hover_and_input();

    ui::menu_bar(v_, scene_);
    ui::sidebar_panel(v_, scene_);
    ui::timeline_panel(v_, scene_);
    ui::details_panel(v_, scene_);
    ui::about_window(v_, scene_);
    ui::open_file_window(v_);
    ui::confirm_replace_window(v_);
    ui::errors_window(v_);
    ui::story_panel(v_, scene_);
    if (export_test_ == ExportTest::Pending && frame >= 1) start_export_test();
    ui::export_dialog(export_, v_);
    if (v_.hovered && !ImGui::GetIO().WantCaptureMouse) ui::hover_tooltip(v_, scene_);
    else if (!v_.hovered_area.empty() && !ImGui::GetIO().WantCaptureMouse) ui::region_tooltip(v_, scene_);
    // Keys go to the shortcuts unless a widget (text field) has the keyboard.
    if (!ImGui::GetIO().WantCaptureKeyboard) v_.keys = std::move(inbox_.keys);
    inbox_.keys.clear();
    ui::handle_shortcuts(v_, scene_);
    keep_selection_in_view();
    update_scene();  // panels may have changed the window or filters
    apply_choropleth();
    update_export_dialog();

    // Map first (into the window's framebuffer), then count badges from its area counts.
    glDisable(GL_SCISSOR_TEST);
    render::DrawParams dp;
    dp.window = v_.time.window.days();
    dp.type_mask = state::type_mask(v_.filters);
    dp.killed_min = v_.filters.killed_min;
    if (v_.points_as == state::PointsAs::Marks) dp.density_threshold = SIZE_MAX;
    if (v_.points_as == state::PointsAs::Density) dp.density_threshold = 0;
    const auto td = Clock::now();
    renderer_ = world_renderer_ && !view_inside_region() ? world_renderer_.get() : region_renderer_.get();
    renderer_->draw(v_.camera, dp);
    if (opt_.verbose) {
      glFinish();  // only to attribute time to the map when measuring
      map_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - td).count());
    }
    scene_.density = renderer_->last_draw().density;
    scene_.density_max_count = renderer_->last_draw().density_max_count;
    scene_.density_cell_px = renderer_->last_draw().density_cell_px;
    scene_.badges.clear();
    const core::AreaCounts& ac = renderer_->area_counts();
    for (size_t i = 0; i < ac.admin1.size() && i < boundaries_->admin1().size(); ++i)
      if (ac.admin1[i] >= 2) {
        const auto& ll = boundaries_->admin1()[i].label_lonlat;
        scene_.badges.push_back({projection_->forward(ll.x, ll.y), ac.admin1[i]});
      }
    for (size_t i = 0; i < ac.admin0.size() && i < boundaries_->admin0().size(); ++i)
      if (ac.admin0[i] >= 2) {
        const auto& ll = boundaries_->admin0()[i].label_lonlat;
        scene_.badges.push_back({projection_->forward(ll.x, ll.y), ac.admin0[i]});
      }
    auto row_world = [&](std::optional<uint32_t> row) -> std::optional<core::Vec2> {
      if (!row || *row >= active_->size()) return std::nullopt;
      return projection_->forward(active_->lon_deg()[*row], active_->lat_deg()[*row]);
    };
    scene_.selected_world_m = row_world(v_.selected);
    scene_.hovered_world_m = row_world(v_.hovered);
    ui::map_overlay(v_, scene_);

    ImGui::Render();
    glViewport(0, 0, fb_w, fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (export_test_ == ExportTest::Running && !export_.job && !export_.export_requested) {
      export_test_ = ExportTest::Done;
      export_test_done_frame_ = frame;
      std::fprintf(stderr, "driftmap: export dialog: %s\n", export_.status.c_str());
      if (!export_.last_ok) exit_code = kExitFailure;
    }
    const bool last_frame = screenshot_mode && frame + 1 >= opt_.frames &&
                            (export_test_ == ExportTest::Off ||
                             (export_test_ == ExportTest::Done && frame >= export_test_done_frame_ + 2));
    const bool shot_requested = std::find(v_.actions.begin(), v_.actions.end(), state::Action::SaveScreenshot) != v_.actions.end();
    if (last_frame) {
      glFinish();
      if (!opt_.screenshot.empty() && !save_screenshot(opt_.screenshot)) exit_code = kExitFailure;
      else if (opt_.verbose) std::fprintf(stderr, "driftmap: saved %s (%dx%d)\n", opt_.screenshot.c_str(), fb_w, fb_h);
    } else if (shot_requested) {
      std::erase(v_.actions, state::Action::SaveScreenshot);
      save_user_screenshot();
    }
    glfwSwapBuffers(window_);
    const auto frame_end = Clock::now();
    if (frame == 0) {
      glFinish();
      first_frame_ms = ms_since_process_start(t0_);
      scene_.first_frame_ms = first_frame_ms;
      if (opt_.verbose)
        std::fprintf(stderr, "driftmap: first frame on screen %.0f ms after process start\n", first_frame_ms);
    } else {
      frame_ms.push_back(std::chrono::duration<double, std::milli>(frame_end - frame_start).count());
      scene_.frame_ms = frame_ms.back();
    }
    ++frame;
    if (last_frame) break;
  }
  if (opt_.verbose && !frame_ms.empty()) {
    std::vector<double> sorted = frame_ms;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double x : frame_ms) sum += x;
    std::fprintf(stderr, "driftmap: %zu frames after the first: mean %.1f ms, median %.1f ms, max %.1f ms\n",
                 frame_ms.size(), sum / double(frame_ms.size()), sorted[sorted.size() / 2], sorted.back());
    std::sort(map_ms.begin(), map_ms.end());
    if (!map_ms.empty()) std::fprintf(stderr, "driftmap: of which map draw: median %.1f ms\n", map_ms[map_ms.size() / 2]);
  }

  if (world_mesh_.valid()) world_mesh_.wait();
  release_export_dialog(export_);
  renderer_ = nullptr;
  region_renderer_.reset();
  world_renderer_.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
  return exit_code;
}

}  // namespace

int run_viewer(int argc, char** argv) {
  ViewerOptions opt;
  if (auto code = parse_viewer_options(argc, argv, &opt)) return *code;
  Viewer viewer(std::move(opt));
  return viewer.run();
}

}  // namespace driftmap::app
