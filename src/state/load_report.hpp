// What opening a file did, for the Problems window: refused (its errors, and when the errors are
// in rows, the offer to load the valid rows), loaded skipping invalid rows (what was skipped), or
// loaded (its warnings, and notes such as "placed by name at province precision", which are
// information, not problems). Plain state and pure transitions; the viewer does the loading.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/problem.hpp"

namespace driftmap::core {
struct LoadResult;
}

namespace driftmap::state {

struct ViewState;

enum class LoadOutcome : uint8_t { Refused, LoadedSkipping, Loaded };

struct LoadReport {
  std::string path;
  LoadOutcome outcome = LoadOutcome::Loaded;
  size_t rows_loaded = 0;
  size_t rows_skipped = 0;
  std::vector<core::Problem> problems;  // errors and warnings, in file order
  std::vector<core::Problem> notes;     // Severity::Note
  bool can_load_valid_rows = false;     // refused for errors in some rows, others were valid

  size_t error_count() const;
  size_t warning_count() const;
  // Something the user should see: a refusal, skipped rows or warnings (notes alone are not).
  bool needs_attention() const { return outcome != LoadOutcome::Loaded || !problems.empty(); }
};

// skip_invalid: the load was asked to skip invalid rows ("Load valid rows").
LoadReport make_load_report(const std::string& path, const core::LoadResult& r, bool skip_invalid);

// Keeps the report (replacing an earlier one for the same path: a retry replaces the refusal)
// and opens the Problems window when it needs attention. Reports with nothing to say (loaded, no
// warnings, no notes) are not kept.
void add_load_report(ViewState& v, LoadReport r);

// The "Load valid rows" button of report i: queues Action::LoadValidRows for its file.
void request_load_valid_rows(ViewState& v, size_t i);

// "Dismiss all": every error and report goes, and the window closes.
void dismiss_problems(ViewState& v);

// Menu-bar summary: "2 problems", "3 notes" or "" when there is nothing to show.
std::string problems_summary(const ViewState& v);

}  // namespace driftmap::state
