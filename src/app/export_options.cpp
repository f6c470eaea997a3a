// Shared option parsing and data loading for export and animate.
#include "app/export_options.hpp"
#include "core/text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/import_options.hpp"
#include "app/story_options.hpp"
#include "core/geodata.hpp"
#include "core/named_views.hpp"
#include "core/incident_loader.hpp"
#include "render/gl_objects.hpp"
#include "state/filters.hpp"
#include "state/session.hpp"

namespace driftmap::app {

namespace {

using core::GeoBox;

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

std::optional<bool> on_off(const ParsedArgs& args, const char* name, bool fallback, std::string* error) {
  const auto v = args.get(name);
  if (!v) return fallback;
  if (*v == "on" || *v == "yes" || *v == "true") return true;
  if (*v == "off" || *v == "no" || *v == "false") return false;
  *error = std::string(name) + ": " + quoted(*v) + " is not on or off";
  return std::nullopt;
}

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

// --chapter K: the story chapter's window, frame, title, caption and the article's figures.
std::optional<int> apply_chapter_option(const ParsedArgs& args, render::ExportSettings* st, ExportInputs* in) {
  const auto k = args.get("--chapter");
  if (!k) return std::nullopt;
  const auto story = load_bundled_story();
  if (!story) return kExitFailure;
  const auto n = parse_int(*k);
  if (!n || *n < 1 || size_t(*n) > story->size())
    return fail_option("--chapter: " + quoted(*k) + " is not a chapter number 1.." + std::to_string(story->size()) +
                     " (see 'driftmap story')");
  const core::Chapter& c = (*story)[size_t(*n - 1)];
  if (!in->bundle) {  // --data without --ctc: the article's figures come from the bundled tables
    core::Problems problems;
    in->bundle = core::load_bundle_tables(core::geodata_dir(), &problems);
    if (!in->bundle) return fail_line("--chapter: the article's figures in " + core::geodata_dir() + " cannot be loaded");
    in->bundle_incidents_shown = false;
  }
  apply_chapter(c, in->bundle ? &*in->bundle : nullptr, st, args.has("--bbox"), args.has("--title"),
                args.has("--subtitle"));
  in->chapter_window = c.window();
  return std::nullopt;
}

}  // namespace

int fail_line(const std::string& msg) {
  std::fprintf(stderr, "driftmap: %s\n", core::printable(msg).c_str());
  return kExitFailure;
}

int fail_option(const std::string& msg) {
  std::fprintf(stderr, "driftmap: %s\n", core::printable(msg).c_str());
  return kExitUsage;
}

ArgParser& add_export_options(ArgParser& p) {
  p.option("--data", "FILE", "incidents to show (CSV, GeoJSON, GeoPackage); default: the bundled dataset",
           /*repeatable=*/true)
      .option("--bbox", "MINLON,MINLAT,MAXLON,MAXLAT",
              "area to show, in degrees, fitted into the map frame; default: the data's extent")
      .option("--size", "WxH|A4|A3|A4-landscape|A3-landscape",
              "image size in pixels (default 1920x1080), or a paper size at --dpi (default 300 for paper)")
      .option("--dpi", "N", "output resolution: text and strokes are sized in points (default: 96 at 1920x1080,\n"
                            "proportionally more for larger images; 300 for paper sizes)")
      .option("--title", "TEXT", "title in the header")
      .option("--subtitle", "TEXT", "subtitle under the title")
      .option("--legend", "on|off", "event types, circle sizes and precision markers (default on)")
      .option("--labels", "on|off", "names of the incidents' places, countries and provinces (default on)")
      .option("--insets", "on|off", "small maps of incidents far outside the frame, in its corners (default on)")
      .option("--locator", "on|off", "a small overview map with a box where the frame sits (default: on when\n"
                                      "the frame is regional)")
      .option("--drift", "off|year|half|quarter",
              "the drift of the incidents' centre per period inside the window, as a trajectory (default off)")
      .option("--scalebar", "on|off", "scale bar in km, true at the map's centre (default on)")
      .flag("--north-arrow", "draw a north arrow")
      .option("--style", "light|dark", "colour style (default light)")
      .flag("--transparent", "transparent sea and margins (alpha channel in PNG and GeoTIFF)")
      .option("--ctc", "on|off", "colour the CTC Sentinel region groups by the article's reported shares of attacks\n"
                                 "(default: off, or as saved in --session)")
      .option("--session", "FILE", "reuse a view saved by the viewer (File > Save session): area, time window,\n"
                                   "filters and layers; other options override it")
      .flag("--skip-invalid", "load the valid rows of --data files that have invalid ones (each skipped row is listed)");
  add_import_options(p);
  return p;
}

bool parse_size(const std::string& s, double dpi, int* w, int* h, bool* is_paper, std::string* error) {
  struct Paper {
    const char* name;
    double w_mm, h_mm;
  };
  static const Paper kPapers[] = {{"a4", 210, 297}, {"a3", 297, 420}, {"a4-landscape", 297, 210},
                                  {"a3-landscape", 420, 297}};
  const std::string lower = core::to_lower_ascii(s);
  for (const Paper& p : kPapers)
    if (lower == p.name) {
      *w = int(std::lround(p.w_mm / 25.4 * dpi));
      *h = int(std::lround(p.h_mm / 25.4 * dpi));
      *is_paper = true;
      return true;
    }
  *is_paper = false;
  const auto x = s.find('x');
  std::optional<int> pw, ph;
  if (x != std::string::npos) {
    pw = parse_int(std::string_view(s).substr(0, x));
    ph = parse_int(std::string_view(s).substr(x + 1));
  }
  if (!pw || !ph) {
    *error = "--size: " + quoted(s) + " is not WIDTHxHEIGHT";
    return false;
  }
  *w = *pw;
  *h = *ph;
  return true;
}

bool parse_export_size(const ParsedArgs& args, render::ExportSettings* st, std::string* error) {
  std::optional<double> dpi;
  if (auto s = args.get("--dpi")) {
    dpi = parse_double(*s);
    if (!dpi || *dpi < 24 || *dpi > 2400) {
      *error = "--dpi: " + quoted(*s) + " is not a number in 24..2400";
      return false;
    }
  }
  st->width_px = 1920;
  st->height_px = 1080;
  if (auto s = args.get("--size")) {
    bool paper = false;
    if (!parse_size(*s, dpi.value_or(300), &st->width_px, &st->height_px, &paper, error)) return false;
    if (paper && !dpi) dpi = 300;
    if (st->width_px < 16 || st->height_px < 16 || st->width_px > 16384 || st->height_px > 16384) {
      *error = "--size: " + quoted(*s) + " is out of range (each side 16..16384 pixels)";
      return false;
    }
  }
  st->dpi = dpi.value_or(0);
  return true;
}

namespace {

// --session FILE, read before the other options so that they override it. Returns the exit
// status on failure (all but the last problem printed, the last as the failure's line).
std::optional<int> read_session_option(const ParsedArgs& args, std::optional<state::Session>* session) {
  auto path = args.get("--session");
  if (!path) return std::nullopt;
  core::Problems problems;
  *session = state::read_session_file(*path, &problems);
  if (*session) return std::nullopt;
  for (size_t i = 0; i + 1 < problems.items.size(); ++i)
    std::fprintf(stderr, "%s\n", problems.items[i].to_string().c_str());
  return fail_line(problems.items.empty() ? *path + ": cannot read the session" : problems.items.back().to_string());
}

// --bbox MINLON,MINLAT,MAXLON,MAXLAT, else the session's centre and scale.
std::optional<int> apply_view_options(const ParsedArgs& args, const std::optional<state::Session>& session,
                                      render::ExportSettings* st) {
  if (auto s = args.get("--bbox")) {
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
    if (!ok || v.size() != 4) return fail_option("--bbox: " + quoted(*s) + " is not MINLON,MINLAT,MAXLON,MAXLAT");
    GeoBox b{v[0], v[1], v[2], v[3]};
    if (b.min_lon < -180 || b.max_lon > 180 || b.min_lat < -90 || b.max_lat > 90)
      return fail_option("--bbox: " + quoted(*s) + " is outside -180..180 longitude, -90..90 latitude");
    if (!(b.min_lon < b.max_lon) || !(b.min_lat < b.max_lat))
      return fail_option("--bbox: " + quoted(*s) + " is empty (MINLON must be below MAXLON and MINLAT below MAXLAT)");
    st->bbox = b;
  } else if (session && session->centre_m) {
    st->centre_m = session->centre_m;
    st->metres_per_px = session->metres_per_px;
  }
  return std::nullopt;
}

// Title, subtitle, the on/off layers and the style.
std::optional<int> apply_layout_options(const ParsedArgs& args, const std::optional<state::Session>& session,
                                        render::ExportSettings* st) {
  std::string error;
  st->title = args.get("--title").value_or("");
  st->subtitle = args.get("--subtitle").value_or("");
  if (auto v = on_off(args, "--legend", true, &error)) st->legend = *v;
  else return fail_option(error);
  if (auto v = on_off(args, "--labels", true, &error)) st->labels = *v;
  else return fail_option(error);
  if (auto v = on_off(args, "--insets", true, &error)) st->insets = *v;
  else return fail_option(error);
  if (args.get("--locator")) {
    if (auto v = on_off(args, "--locator", true, &error)) st->locator = *v;
    else return fail_option(error);
  }
  if (auto v = args.get("--drift"); v && *v != "off") {
    if (*v == "year") st->drift = core::DriftPeriod::Year;
    else if (*v == "half") st->drift = core::DriftPeriod::Half;
    else if (*v == "quarter") st->drift = core::DriftPeriod::Quarter;
    else return fail_option("--drift: \"" + core::printable_line(*v) + "\" is not off, year, half or quarter");
  }
  if (auto v = on_off(args, "--scalebar", true, &error)) st->scalebar = *v;
  else return fail_option(error);
  if (auto v = on_off(args, "--ctc", session ? session->show_ctc_shift : false, &error)) st->ctc_shares = *v;
  else return fail_option(error);
  st->north_arrow = args.has("--north-arrow");
  st->transparent = args.has("--transparent");
  if (auto s = args.get("--style")) {
    if (*s == "dark") st->dark = true;
    else if (*s != "light") return fail_option("--style: " + quoted(*s) + " is not light or dark");
  }
  return std::nullopt;
}

// Every --data file, merged. All files are read before failing so that each file's problems are
// reported in one run. With --ctc on, the bundle's article tables are loaded too (the reported
// shares do not depend on the incidents shown), its incidents not shown.
std::optional<int> load_user_files(const ArgParser& parser, const ParsedArgs& args, const render::ExportSettings& st,
                                   ExportInputs* in) {
  std::vector<core::Dataset> parts;
  bool bad = false;
  std::string import_error;
  auto import = make_import_context(args, &import_error);
  if (!import) return parser.usage_error(import_error);
  for (const auto& path : args.all("--data")) {
    core::LoadResult r = core::load_incidents(path, import->options());
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
  in->boundaries = std::move(import->boundaries);
  in->dataset = merge(parts);
  if (st.ctc_shares) {
    core::Problems problems;
    in->bundle = core::load_bundle_tables(core::geodata_dir(), &problems);
    if (!in->bundle) {
      for (const auto& p : problems.items) std::fprintf(stderr, "%s\n", p.to_string().c_str());
      return fail_line("--ctc on: the CTC Sentinel figures in " + core::geodata_dir() + " cannot be loaded");
    }
    in->bundle_incidents_shown = false;
  }
  return std::nullopt;
}

// Without --data: the bundled dataset with its tables.
std::optional<int> load_bundled_data(ExportInputs* in) {
  core::Problems problems;
  auto bundle = core::load_bundle(core::geodata_dir(), &problems);
  if (!bundle) {
    for (const auto& p : problems.items) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    return fail_line("the bundled dataset in " + core::geodata_dir() + " cannot be loaded (give --data FILE instead)");
  }
  in->dataset = std::move(bundle->incidents);
  bundle->incidents = {};
  in->bundle = std::move(*bundle);
  return std::nullopt;
}

// The bundled boundaries unless the import already brought its own, and the area index over them.
std::optional<int> load_boundaries_and_areas(ExportInputs* in) {
  core::Problems bproblems;
  if (!in->boundaries)
    in->boundaries = core::Boundaries::load_bundled(&bproblems);
  if (!in->boundaries) {
    for (const auto& p : bproblems.items) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    return fail_line(core::geodata_file("boundaries.gpkg") + ": cannot load the boundaries");
  }
  in->areas = core::AreaIndex::build(in->dataset, *in->boundaries);
  return std::nullopt;
}

// The session's time window, timeline settings and filters (needs the loaded data).
void apply_session_filters(const state::Session& session, render::ExportSettings* st, ExportInputs* in) {
  in->has_session = true;
  in->session_window = session.window;
  in->session_mode = session.mode;
  in->session_window_months = session.window_months;
  const core::IncidentFilter rule = state::incident_filter(session.filters);
  st->type_mask = rule.type_mask;
  st->killed_min = rule.killed_min;
  // Country and text search need a look at each row: evaluated once into visibility bytes.
  if (rule.needs_row_lookup()) st->visible = core::row_lookup_mask(rule, in->dataset);
  if (!st->bbox) st->projection_centre_deg = core::bundled_home_projection_centre(*in->boundaries);
}

}  // namespace

std::optional<int> prepare_export(const ArgParser& parser, const ParsedArgs& args, render::ExportSettings* st,
                                  ExportInputs* in) {
  // Options first (the session before the rest, which override it), then the data they draw.
  std::optional<state::Session> session;
  if (auto status = read_session_option(args, &session)) return status;
  std::string error;
  if (!parse_export_size(args, st, &error)) return fail_option(error);
  if (auto status = apply_view_options(args, session, st)) return status;
  if (auto status = apply_layout_options(args, session, st)) return status;
  if (auto status = args.has("--data") ? load_user_files(parser, args, *st, in) : load_bundled_data(in)) return status;
  if (auto status = apply_chapter_option(args, st, in)) return *status;
  if (auto status = load_boundaries_and_areas(in)) return status;
  if (session) apply_session_filters(*session, st, in);
  return std::nullopt;
}

// Render work throws ExportError (the export's own checks) and GlError (OpenGL/EGL); both end the
// command with one line, through `fail`, like its other failures.
int run_render_work(const std::function<int()>& work, const std::function<int(const std::string&)>& fail) {
  try {
    return work();
  } catch (const render::ExportError& e) {
    return fail(e.what());
  } catch (const render::GlError& e) {
    return fail(std::string("rendering failed: ") + e.what());
  }
}

std::optional<int> parse_from_to(const ParsedArgs& args, std::optional<core::PartialDate>* from,
                                 std::optional<core::PartialDate>* to) {
  for (auto [name, target] : {std::pair{"--from", from}, std::pair{"--to", to}}) {
    if (auto s = args.get(name)) {
      std::string why;
      *target = core::parse_partial_date(*s, &why);
      if (!*target)
        return fail_option(std::string(name) + ": " + (why.empty() ? quoted(*s) + " is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" : why));
    }
  }
  if (*from && *to && (*to)->interval().end_day <= (*from)->interval().start_day)
    return fail_option("--to: " + (*to)->to_iso() + " is before --from " + (*from)->to_iso());
  return std::nullopt;
}

}  // namespace driftmap::app
