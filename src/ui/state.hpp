// The panels are functions over the plain state in src/state/ (view state, filters, session,
// load reports, window counts), which has no ImGui so that the CLI links it too. Inside ui its
// types are named without the state:: prefix.
#pragma once
#include "state/filters.hpp"
#include "state/load_report.hpp"
#include "state/view_state.hpp"
#include "state/window_counter.hpp"

namespace driftmap::ui {
using namespace driftmap::state;
}  // namespace driftmap::ui
