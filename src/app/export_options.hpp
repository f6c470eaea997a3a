// Options shared by `driftmap export` and `driftmap animate`: size (pixels or paper
// presets at a dpi), layout toggles, style, view (bbox or a saved session), filters from the
// session, and the data they draw. Parsing fills render::ExportSettings, the same struct the
// viewer's Export dialog fills, so both produce the same frames.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/bundle.hpp"
#include "core/dataset.hpp"
#include "core/timeline.hpp"
#include "render/map_export.hpp"

namespace driftmap::app {

// Adds --data, --bbox, --size, --dpi, --title, --subtitle, --legend, --scalebar, --north-arrow,
// --style, --transparent, --ctc, --session, --map, --skip-invalid.
ArgParser& add_export_options(ArgParser& parser);

// "WxH" or a paper preset (A4, A3, A4-landscape, A3-landscape) at dpi. Sets *error on failure
// (naming --size).
bool parse_size(const std::string& s, double dpi, int* width_px, int* height_px, bool* is_paper, std::string* error);

// The data an export draws, owned.
struct ExportInputs {
  core::Dataset dataset;
  std::optional<core::Boundaries> boundaries;
  // The bundled tables (attribution, CTC shares). With --data: only for --ctc on, its incidents
  // not shown (bundle_incidents_shown false).
  std::optional<core::Bundle> bundle;
  bool bundle_incidents_shown = true;
  core::AreaIndex areas;
  // From --session: its time window and timeline settings, when given.
  std::optional<core::MonthRange> session_window;
  core::WindowMode session_mode = core::WindowMode::Sliding;
  int32_t session_window_months = 12;
  bool has_session = false;
  // From --chapter K: the chapter's period (export shows it unless --from/--to are given).
  std::optional<core::DayInterval> chapter_window;

  render::ExportData data() const {
    return {&*boundaries, &dataset, &areas, bundle ? &*bundle : nullptr, bundle_incidents_shown};
  }
};

// --size and --dpi into settings (width_px, height_px, dpi); false with *error naming the option.
bool parse_export_size(const ParsedArgs& args, render::ExportSettings* settings, std::string* error);

// Parses the shared options into settings and loads the data. Returns nullopt on success, else
// the exit status (the one-line message is already printed).
std::optional<int> prepare_export(const ArgParser& parser, const ParsedArgs& args, render::ExportSettings* settings,
                                  ExportInputs* inputs);

// Runs `work` and returns its exit status; a render::ExportError or render::GlError it throws
// becomes fail(message)'s status instead.
int run_render_work(const std::function<int()>& work, const std::function<int(const std::string&)>& fail);

// Prints "driftmap: MESSAGE" (escaped) and returns kExitFailure: the data or the work failed.
int fail_line(const std::string& message);
// The same for a bad option value, which is a usage error: returns kExitUsage.
int fail_option(const std::string& message);

// --from and --to as partial dates (--to inclusive of its whole period). On a bad value or a --to
// before --from prints one line naming the option and returns exit status 1.
std::optional<int> parse_from_to(const ParsedArgs& args, std::optional<core::PartialDate>* from,
                                 std::optional<core::PartialDate>* to);

}  // namespace driftmap::app
