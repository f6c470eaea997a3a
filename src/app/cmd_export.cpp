// `driftmap export`: renders the presentation map headlessly (EGL for raster formats) and writes
// it atomically in the still format the --out extension names (output/output_format.hpp). The
// frame, layout and options are those of the viewer's Export dialog (render::MapExporter).
// DRIFTMAP_TIMING=1 in the environment prints the time of each phase to stderr.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "app/export_options.hpp"
#include "app/progress_bar.hpp"
#include "core/partial_date.hpp"
#include "core/period_list.hpp"
#include "render/gl_objects.hpp"
#include "render/headless_context.hpp"
#include "output/output_format.hpp"
#include "render/map_export.hpp"
#include "render/panel_sheet.hpp"

namespace driftmap::app {

namespace {

// "FILE.png|FILE.tif|..." and "PNG image, GeoTIFF (...), ..." from the table of formats.
std::string still_names(bool labels) {
  std::string s;
  for (const auto& f : output::output_formats()) {
    if (!f.is_still()) continue;
    if (!s.empty()) s += labels ? ", " : "|";
    s += labels ? std::string(f.extension) + " " + f.label : std::string("FILE") + f.extension;
  }
  return s;
}

ArgParser make_parser() {
  static const std::string usage = "--out " + still_names(false) +
                                   " [--data FILE]... [--from DATE] [--to DATE] [--bbox ...] "
                                   "[--size WxH|A4|A3|A4-landscape] [--dpi N] [--title TEXT] [--subtitle TEXT] "
                                   "[--style light|dark] ...";
  static const std::string about =
      "Renders the incident map as a presentation image without a window (EGL, no display needed):\n" +
      still_names(true) + ".";
  static const std::string out_help =
      "file to write: " + output::extensions_text(true) + " (replaced atomically; nothing is written on failure)";
  ArgParser p("driftmap export", usage, about);
  p.option("--out", "FILE.png", out_help)
      .option("--from", "DATE", "first date shown: YYYY, YYYY-MM or YYYY-MM-DD (2022 = from 1 Jan 2022);\n"
                                "default: the data's first date")
      .option("--to", "DATE", "last date shown, inclusive (2023-06 = through 30 Jun 2023);\n"
                              "default: the data's last date")
      .option("--chapter", "K", "render chapter K of the story ('driftmap story' lists them): its period, frame,\n"
                                "title, caption and the article's figures; other options override them")
      .option("--panels", "P1,P2,...", "one panel per period in a grid, all with the same frame and scale, one legend\n"
                                       "(each P: 2020, 2022-03, 2023-01/2023-06; at most 12; " +
                                           output::panel_extensions_text() + ")");
  add_export_options(p);
  p.flag("--progress", "show a progress bar on stderr even when it is not a terminal (on a terminal it\n"
                       "appears by itself when the export takes over a second)");
  p.flag("--help", "show this help");
  return p;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// The still format from --out, else a usage error that names the command writing an animation.
std::optional<int> still_format(const ArgParser& parser, const std::string& out, const output::OutputFormat** format) {
  *format = output::output_format_for(out);
  if (*format && (*format)->is_still()) return std::nullopt;
  const std::string ext = output::extension_of(out);
  const std::string why = *format ? ": " + std::string((*format)->label) + " is an animation (driftmap animate writes it)"
                          : ext.empty() ? " has no extension"
                                        : ": unknown extension " + quoted(ext);
  return parser.usage_error("--out: " + quoted(out) + why + " (use " + output::extensions_text(true) + ")");
}

// --panels: the periods, or the usage error (combined with --from/--to or --chapter, a format
// holding one map, a bad period named by its item).
std::optional<int> panel_periods(const ArgParser& parser, const ParsedArgs& args, const output::OutputFormat& format,
                                 std::vector<core::DayInterval>* periods) {
  if (!args.has("--panels")) return std::nullopt;
  if (args.has("--from") || args.has("--to") || args.has("--chapter"))
    return parser.usage_error("--panels names each panel's period: it cannot be combined with --from/--to or --chapter");
  if (!format.panels)
    return parser.usage_error("--panels: " + std::string(format.label) + " holds one georeferenced map; a sheet of panels is written to " +
                              output::panel_extensions_text());
  std::string error;
  const auto parsed = core::parse_period_list(*args.get("--panels"), &error);
  if (!parsed) return parser.usage_error("--panels: " + error);
  *periods = *parsed;
  return std::nullopt;
}

// The days shown: --from/--to, else the session's window, else the chapter's, else the data's extent.
core::DayInterval export_window(const std::optional<core::PartialDate>& from, const std::optional<core::PartialDate>& to,
                                const ExportInputs& inputs) {
  core::DayInterval window = inputs.dataset.extent();
  if (inputs.session_window && !from && !to) window = inputs.session_window->days();
  if (inputs.chapter_window && !from && !to) window = *inputs.chapter_window;
  if (from) window.start_day = from->interval().start_day;
  if (to) window.end_day = to->interval().end_day;
  if (window.end_day <= window.start_day) {
    // Only one bound given and it lies outside the data: an empty window of that period.
    if (from && !to) window.end_day = from->interval().end_day;
    if (to && !from) window.start_day = to->interval().start_day;
  }
  return window;
}

}  // namespace

int cmd_export(int argc, char** argv) {
  const bool timing = std::getenv("DRIFTMAP_TIMING") != nullptr;
  const auto t0 = std::chrono::steady_clock::now();
  auto lap = [&](const char* what) {
    if (timing)
      std::fprintf(stderr, "timing: %-12s %7.1f ms\n", what,
                   std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  };
  const ArgParser parser = make_parser();
  int exit_code = kExitOk;
  const auto args = parser.parse_command(argc, argv, &exit_code);
  if (!args) return exit_code;
  std::string error;
  if (!args->has("--out")) return parser.usage_error("--out FILE.png is required");

  const std::string out = *args->get("--out");
  if (out.empty()) return fail_option("--out: the file name is empty");
  const output::OutputFormat* format = nullptr;
  if (auto status = still_format(parser, out, &format)) return *status;

  std::optional<core::PartialDate> from, to;
  if (auto status = parse_from_to(*args, &from, &to)) return *status;
  std::vector<core::DayInterval> periods;
  if (auto status = panel_periods(parser, *args, *format, &periods)) return *status;

  // The GL context and the target are made on another core while the data loads (a bad size is
  // reported by prepare_export below; the context is made anyway).
  std::future<render::HeadlessCanvas> pending_canvas;
  if (format->needs_gl()) {
    render::ExportSettings size;
    if (!parse_export_size(*args, &size, &error)) size.width_px = size.height_px = 0;
    pending_canvas = render::create_headless_canvas_async(size.width_px, size.height_px);
  }

  render::ExportSettings settings;
  ExportInputs inputs;
  if (auto status = prepare_export(parser, *args, &settings, &inputs)) return *status;
  lap("data");
  const core::DayInterval window = export_window(from, to, inputs);

  // From here on a progress bar (on a terminal, once the export has taken a second; loading
  // problems were printed above without one). Each phase's share is its usual share of a 4K export.
  const double loaded_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ProgressBar progress(args->has("--progress") || ::isatty(2), args->has("--progress") ? 0 : 1, loaded_s);
  auto fail = [&](const std::string& message) {
    progress.finish();
    return fail_line(message);
  };
  return run_render_work(
      [&] {
        // The layout needs no GL: it is worked out while the context may still be on its way. The
        // context outlives the exporter (whose GL objects are freed first).
        progress.update(0.1, "laying out");
        std::optional<render::HeadlessCanvas> canvas;
        std::optional<render::MapExporter> exporter;
        std::optional<render::PanelSheet> sheet;
        settings.frame_window = window;
        if (periods.empty()) exporter.emplace(inputs.data(), settings);
        else sheet.emplace(inputs.data(), settings, periods);
        lap("layout");
        if (pending_canvas.valid()) {
          progress.update(0.15, "starting OpenGL");
          canvas.emplace(pending_canvas.get());
          canvas->context.make_current();
          if (exporter) exporter->use_target(std::move(canvas->target));
          lap("context");
        }
        const auto writer = format->writer();
        if (!writer->open(out, output::writer_options(settings.width_px, settings.height_px), &error))
          return fail(error);
        progress.update(0.2, std::string("drawing ") + format->label);
        const bool drawn = sheet ? writer->add_sheet(*sheet, &error) : writer->add_frame(*exporter, window, &error);
        if (!drawn || !writer->finish(&error)) return fail(error);
        lap("write");
        progress.update(1, "done");
        return kExitOk;
      },
      fail);
}

}  // namespace driftmap::app
