// The panels' scene from the workspace, the time window and the filters, rebuilt only when one of
// them changed; the choropleth when the article's figures for the window change.
#include <algorithm>

#include "app/viewer/scene_builder.hpp"
#include "app/viewer/viewer.hpp"
#include "app/export_runner.hpp"
#include "core/article_figures.hpp"
#include "core/region_figures.hpp"
#include "state/filters.hpp"
#include "ui/time_control.hpp"

namespace driftmap::app {

// Labels and region markers, projected once; the story's chapters.
void Viewer::build_static_scene() {
  add_area_labels(scene_, ws_);
  scene_.story = ws_.story.empty() ? nullptr : &ws_.story;
  add_region_markers(scene_, ws_);
}

// After the data changed (the workspace is already re-indexed).
void Viewer::rebuild_dataset() {
  const core::Dataset& d = ws_.active();
  counter_ = state::WindowCounter::build(d);
  visibility_.clear();
  each_renderer([&](render::MapRenderer& r) {
    r.set_dataset(&d, &ws_.areas());
    r.set_visibility({});
  });
  scene_filters_ = state::Filters{};

  const core::Bundle* bundle = ws_.bundle();
  scene_.dataset = &d;
  scene_.row_mask = &visibility_;
  scene_.bundle = bundle;
  scene_.extent = core::dataset_months(d);
  scene_.histogram = core::month_histogram(d, scene_.extent);
  scene_.countries = state::countries(d);
  scene_.unmatched_areas = ws_.areas().unmatched();
  scene_.data_description =
      (bundle ? std::to_string(bundle->incidents.size()) + " bundled incidents" : "no bundle") +
      (ws_.extra_count() == 0 ? "" : " + " + std::to_string(ws_.extra_count()) + (ws_.extra_count() == 1 ? " file" : " files")) + ", " +
      std::to_string(d.size()) + " in all";
  ui::normalise_window(v_.time, scene_.extent);
  cancel_export(export_, "cancelled: the data changed");  // its exporter holds the old rows
  export_.preview_dirty = true;
  v_.selected.reset();  // rows are numbered afresh: a row index names another incident now
  v_.hovered.reset();
  drift_steps_by_.reset();
  v_.hovered_list = {};
  v_.pick_list = {};  // its rows index the old data
  scene_dirty_ = true;
  list_layers();
}

void Viewer::update_scene() {
  const core::Dataset& d = ws_.active();
  const bool filters_changed = !(v_.filters == scene_filters_);
  if (filters_changed || visibility_.size() != d.size()) {
    // Country and text need a per-row lookup: a visibility byte per row. Type and toll are uniforms.
    const core::IncidentFilter rule = state::incident_filter(v_.filters);
    if (rule.needs_row_lookup()) visibility_ = core::row_lookup_mask(rule, d);
    else visibility_.clear();
    each_renderer([&](render::MapRenderer& r) { r.set_visibility(visibility_); });
  }
  const std::optional<core::DriftPeriod> drift = v_.show_drift ? std::optional(v_.drift_by) : std::nullopt;
  if (filters_changed || scene_dirty_) update_matches();
  if (!scene_dirty_ && !filters_changed && v_.time.window == scene_window_ &&
      scene_region_counts_ == v_.show_region_counts && scene_drift_ == drift)
    return;
  scene_filters_ = v_.filters;
  scene_window_ = v_.time.window;
  scene_dirty_ = false;
  ++scene_version_;
  const core::DayInterval w = v_.time.window.days();
  // O(1) per window without country/text/toll filters; the window's rows are never listed (a
  // window may hold millions).
  scene_.counts = counter_.count(v_.filters, d, w, visibility_);
  scene_.counts.shown_all = shown_all_;
  const core::IncidentFilter shown = state::incident_filter(v_.filters, visibility_);
  set_stack_badges(scene_, ws_, w, shown);
  set_marks(scene_, ws_, w, shown, scene_.counts.in_window);
  scene_region_counts_ = v_.show_region_counts;
  update_region_counts(w);
  update_drift(w);
  if (v_.selected && !state::shown_in_window(v_.filters, d, w, visibility_, *v_.selected)) v_.selected.reset();
}

// What the filters match at any time, when they change: the timeline's filtered histogram, the
// count beside "in window" and a search's matches (which may all lie outside the window). A walk
// over every row, as the filters' row mask already is.
void Viewer::update_matches() {
  const core::Dataset& d = ws_.active();
  scene_.filtered = !(v_.filters == state::Filters{});
  scene_.search_matches.clear();
  if (!scene_.filtered) {
    scene_.histogram_shown = scene_.histogram;
    shown_all_ = d.size();
    return;
  }
  const std::vector<uint32_t> rows = state::matching_rows(state::incident_filter(v_.filters, visibility_), d);
  scene_.histogram_shown = core::month_histogram(d, scene_.extent, &rows);
  shown_all_ = rows.size();
  if (!v_.filters.search.empty())
    scene_.search_matches.assign(rows.begin(), rows.begin() + long(std::min(rows.size(), ui::Scene::kMaxSearchMatches)));
}

// The article's figures for the window, and the dataset's own counts per region when asked for.
void Viewer::update_region_counts(core::DayInterval w) {
  const core::Bundle* bundle = ws_.bundle();
  if (!bundle) return;
  scene_.region_counts.clear();
  scene_.figure_computed.clear();
  scene_.shares = core::reported_series(*bundle, core::AggregateMetric::SharePercent);
  scene_.counts_reported = core::reported_series(*bundle, core::AggregateMetric::Count);
  scene_.figures = core::region_figures_for_window(*bundle, w);
  if (v_.show_region_counts) {  // walks over the window and the figures' periods: only when asked for
    std::vector<uint8_t> mask;
    if (!(v_.filters == state::Filters{})) mask = state::filter_mask(v_.filters, ws_.active());
    const std::vector<uint8_t>* visible = mask.empty() ? nullptr : &mask;
    scene_.region_counts = core::region_incident_counts(*bundle, ws_.active(), w, visible);
    const core::RegionMembership membership(bundle->regions, ws_.boundaries());
    for (const core::WindowFigure& f : scene_.figures) {
      const auto shares = core::computed_region_shares(membership, ws_.active(), f.period_days(), visible);
      scene_.figure_computed.push_back(core::computed_share_text(shares, f.region, f.period));
    }
  }
  scene_.share_period = core::best_share_period(scene_.shares, scene_.figures);
}

// The drift layer: the centre of every period of the loaded rows (core::drift, which states its
// weighting rules), projected; the periods overlapping the window marked. Steps are computed
// again only when the data or the period length changes.
void Viewer::update_drift(core::DayInterval w) {
  scene_drift_ = v_.show_drift ? std::optional(v_.drift_by) : std::nullopt;
  scene_.drift.clear();
  if (!scene_drift_) return;
  scene_.drift_period_name = *scene_drift_ == core::DriftPeriod::Year   ? "year"
                             : *scene_drift_ == core::DriftPeriod::Half ? "half-year"
                                                                        : "quarter";
  if (drift_steps_by_ != scene_drift_) {
    drift_steps_ = core::drift(ws_.active(), *scene_drift_);
    drift_steps_by_ = scene_drift_;
  }
  for (const core::DriftStep& s : drift_steps_) {
    if (s.n == 0) continue;
    const bool in_window = s.days.start_day < w.end_day && w.start_day < s.days.end_day;
    scene_.drift.push_back({ws_.projection().forward(s.lon, s.lat), s.period, in_window});
  }
}

void Viewer::apply_choropleth() {
  if (!renderer_ || !ws_.bundle()) return;
  std::vector<const void*> key = choropleth_key(v_.show_ctc_shift, scene_.figures);
  if (choropleth_key_ && *choropleth_key_ == key) return;
  choropleth_key_ = std::move(key);
  const std::vector<render::Rgba> admin1 = choropleth_fills(ws_, v_.show_ctc_shift, scene_.figures);
  each_renderer([&](render::MapRenderer& r) { r.set_area_colours({}, admin1); });
}

}  // namespace driftmap::app
