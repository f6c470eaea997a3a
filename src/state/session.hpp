// Session files: the view, the time window, the filters, the layer toggles and the extra data
// files, saved as a small versioned INI-like text and read back with errors that name
// file:line: field. Format (version 1):
//
//   # driftmap session
//   driftmap_session = 1
//   [view]      centre_x_m, centre_y_m, metres_per_px
//   [time]      mode (sliding|cumulative), window_months, from (YYYY-MM), to (YYYY-MM, inclusive),
//               step (month|quarter|year), loop (true|false), steps_per_second
//   [filters]   types (comma-separated schema names), country, killed_min, search
//   [layers]    ctc_shift, region_counts, labels
//   [data]      file (repeatable)
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/problem.hpp"
#include "state/view_state.hpp"

namespace driftmap::state {

inline constexpr int kSessionVersion = 1;
// A session is a few hundred bytes; anything past this is not read.
inline constexpr size_t kMaxSessionBytes = size_t(1) << 20;

struct Session {
  std::optional<core::Vec2> centre_m;
  std::optional<double> metres_per_px;
  core::WindowMode mode = core::WindowMode::Sliding;
  int32_t window_months = 12;
  std::optional<core::MonthRange> window;
  core::StepSize step = core::StepSize::Month;
  bool loop = true;
  float steps_per_second = 2.0f;
  Filters filters;
  bool show_ctc_shift = true, show_region_counts = false, show_labels = true;
  std::vector<std::string> data_files;
};

Session capture_session(const ViewState& v, const std::vector<std::string>& data_files);
// Applies view and time (the caller clamps the window to the data afterwards).
void apply_session(const Session& s, ViewState& v);

std::string format_session(const Session& s);
// path is only used in problems. Returns nullopt when there are errors (all are reported).
std::optional<Session> parse_session(const std::string& text, const std::string& path, core::Problems* problems);

// Reads a regular file of at most kMaxSessionBytes (a directory, FIFO or device is refused
// without blocking or reading it).
std::optional<Session> read_session_file(const std::string& path, core::Problems* problems);

// What saving a session to a path would do. A session never replaces anything but an earlier
// session: a user's data file under that name must survive any sequence of clicks.
enum class SessionTarget {
  New,         // nothing there yet
  Session,     // an earlier driftmap session (replacing it still needs the user's consent)
  NotSession,  // a file that is not a session, a directory, or a data file's name
};
SessionTarget session_target(const std::string& path, std::string* why = nullptr);

// Writes through a temporary file and a rename; false with a problem on failure, and when the
// path holds something other than a session (session_target() == NotSession).
bool write_session_file(const std::string& path, const Session& s, core::Problems* problems);

}  // namespace driftmap::state
