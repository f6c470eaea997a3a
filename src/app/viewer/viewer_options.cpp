// The viewer's options and their checks; see viewer_options.hpp.
#include "app/viewer/viewer_options.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "core/partial_date.hpp"

namespace driftmap::app {

namespace {

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

// "WxH" within [lo, hi] on both sides.
bool parse_size(const std::string& s, int lo, int hi, int* w, int* h) {
  char x = 0;
  std::istringstream in(s);
  return (in >> *w >> x >> *h) && x == 'x' && *w >= lo && *h >= lo && *w <= hi && *h <= hi && in.eof();
}

std::optional<int> parse_export_test(const ArgParser& parser, const ParsedArgs& args, ViewerOptions* o) {
  if (auto s = args.get("--export-dialog-test")) {
    if (s->empty()) return parser.usage_error("--export-dialog-test: the file name is empty");
    o->export_test = *s;
    if (o->frames == 0) o->frames = 3;
  }
  if (auto s = args.get("--export-size")) {
    static const char* kPresets[] = {"hd", "4k", "a4", "a3", "a4-landscape", "a3-landscape"};
    int w = 0, h = 0;
    const bool preset = std::find_if(std::begin(kPresets), std::end(kPresets), [&](const char* p) { return *s == p; }) !=
                        std::end(kPresets);
    if (!preset && !parse_size(*s, 16, 16384, &w, &h))
      return parser.usage_error("--export-size: \"" + *s + "\" is not hd, 4k, a4, a3, a4-landscape, a3-landscape or WxH");
    o->export_test_size = *s;
  }
  return std::nullopt;
}

// --from and --to: whole months covering the dates given.
std::optional<int> parse_window(const ArgParser& parser, const ParsedArgs& args, ViewerOptions* o) {
  std::optional<core::MonthIndex> from, to;
  for (const char* name : {"--from", "--to"}) {
    auto v = args.get(name);
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

// --view and --size.
std::optional<int> parse_view(const ArgParser& parser, const ParsedArgs& args, ViewerOptions* o) {
  if (auto s = args.get("--view")) {
    if (*s != "afpak" && *s != "region" && *s != "world" && *s != "data")
      return parser.usage_error("--view: \"" + *s + "\" is not afpak, region, world or data");
    o->view = *s;
  }
  if (auto s = args.get("--size")) {
    if (!parse_size(*s, 200, 10000, &o->width, &o->height))
      return parser.usage_error("--size: \"" + *s + "\" is not WIDTHxHEIGHT (200..10000)");
  }
  return std::nullopt;
}

}  // namespace

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
  if (auto code = parse_export_test(parser, *args, o)) return code;
  if (auto code = parse_view(parser, *args, o)) return code;
  return parse_window(parser, *args, o);
}

}  // namespace driftmap::app
