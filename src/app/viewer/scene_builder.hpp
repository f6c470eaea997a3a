// What the viewer draws over the map besides the incidents, built from the workspace: area
// labels and the article's region markers (projected once), count badges (from the renderer's
// area counts, every frame) and the choropleth of the article's figures (when they change).
#pragma once
#include <optional>
#include <vector>

#include "app/viewer/workspace.hpp"
#include "core/article_figures.hpp"
#include "render/style.hpp"
#include "ui/scene.hpp"

namespace driftmap::app {

// Country labels everywhere and province labels, at their label points.
void add_area_labels(ui::Scene& scene, const Workspace& ws);
// One marker per bundle region at the mean of its provinces' label points (unlabelled when the
// article gives it no shares).
void add_region_markers(ui::Scene& scene, const Workspace& ws);
// A badge on every area with two or more area-precision incidents in the window.
void set_count_badges(ui::Scene& scene, const core::AreaCounts& counts, const Workspace& ws);
// A badge on every coordinate where two or more incidents shown in the window w are drawn.
void set_stack_badges(ui::Scene& scene, const Workspace& ws, core::DayInterval w, const core::IncidentFilter& filter);
// The window's drawn points (labels give way to them), when the window holds few enough.
void set_marks(ui::Scene& scene, const Workspace& ws, core::DayInterval w, const core::IncidentFilter& filter,
               size_t rows_in_window);
// The outline of an area-level incident's province or country, projected and simplified to
// about a kilometre (what the map draws around a selected one); empty for a point.
std::vector<std::vector<core::Vec2>> area_outline_m(const Workspace& ws, uint32_t row);
// The rows the choropleth shows (a share or a statement each; empty when the layer is off): the
// fills are rebuilt only when these change.
std::vector<const void*> choropleth_key(bool show_ctc_shift, const std::vector<core::WindowFigure>& figures);
// Province fills for the article's figures of the window (empty when the layer is off).
std::vector<render::Rgba> choropleth_fills(const Workspace& ws, bool show_ctc_shift,
                                          const std::vector<core::WindowFigure>& figures);

}  // namespace driftmap::app
