// Load reports and their transitions; see load_report.hpp.
#include "state/load_report.hpp"

#include <algorithm>

#include "core/incident_loader.hpp"
#include "state/view_state.hpp"

namespace driftmap::state {

size_t LoadReport::error_count() const {
  return size_t(std::count_if(problems.begin(), problems.end(),
                              [](const core::Problem& p) { return p.severity == core::Severity::Error; }));
}

size_t LoadReport::warning_count() const {
  return size_t(std::count_if(problems.begin(), problems.end(),
                              [](const core::Problem& p) { return p.severity == core::Severity::Warning; }));
}

LoadReport make_load_report(const std::string& path, const core::LoadResult& r, bool skip_invalid) {
  LoadReport rep;
  rep.path = path;
  for (const core::Problem& p : r.problems.items)
    (p.severity == core::Severity::Note ? rep.notes : rep.problems).push_back(p);
  rep.rows_skipped = r.rows_skipped;
  if (!r.ok()) {
    rep.outcome = LoadOutcome::Refused;
    if (rep.problems.empty()) {
      core::Problem p;
      p.file = path;
      p.message = "could not be loaded";
      rep.problems.push_back(p);
    }
    // Skipping helps only when the errors are confined to rows and some rows are valid.
    rep.can_load_valid_rows = !skip_invalid && r.rows_skipped > 0 && r.rows_read > r.rows_skipped;
    return rep;
  }
  rep.rows_loaded = r.dataset->size();
  rep.outcome = skip_invalid && r.rows_skipped > 0 ? LoadOutcome::LoadedSkipping : LoadOutcome::Loaded;
  return rep;
}

void add_load_report(ViewState& v, LoadReport r) {
  std::erase_if(v.load_reports, [&](const LoadReport& old) { return old.path == r.path; });
  if (r.needs_attention()) v.show_problems = true;
  if (r.needs_attention() || !r.notes.empty()) v.load_reports.push_back(std::move(r));
}

void request_load_valid_rows(ViewState& v, size_t i) {
  if (i >= v.load_reports.size() || !v.load_reports[i].can_load_valid_rows) return;
  v.reload_path = v.load_reports[i].path;
  v.request(Action::LoadValidRows);
}

void dismiss_problems(ViewState& v) {
  v.errors.clear();
  v.load_reports.clear();
  v.show_problems = false;
}

std::string problems_summary(const ViewState& v) {
  size_t problems = v.errors.size(), notes = 0;
  for (const LoadReport& r : v.load_reports) {
    problems += r.problems.size();
    notes += r.notes.size();
  }
  if (problems) return std::to_string(problems) + (problems == 1 ? " problem" : " problems");
  if (notes) return std::to_string(notes) + (notes == 1 ? " note" : " notes");
  return {};
}

}  // namespace driftmap::state
