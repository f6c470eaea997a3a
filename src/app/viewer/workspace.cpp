// Loading and merging the viewer's data; see workspace.hpp.
#include "app/viewer/workspace.hpp"

#include <algorithm>
#include <cstdio>

#include "core/geodata.hpp"
#include "core/region_figures.hpp"

namespace driftmap::app {

bool Workspace::load_boundaries() {
  if (!import_.load_bundled()) {
    for (const auto& p : import_.load_problems.items) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
    std::fprintf(stderr, "driftmap: cannot load the boundaries from %s\n", core::geodata_dir().c_str());
    return false;
  }
  boundaries_ = &*import_.boundaries;
  core::Problems view_problems;
  const std::vector<core::NamedView> views = core::load_bundled_views(*boundaries_, &view_problems);
  for (const auto& p : view_problems.items) {
    std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
    startup_problems.items.push_back(p);
  }
  home_box = core::named_view_box(views, core::kHomeView, *boundaries_);
  region_box = core::named_view_box(views, core::kRegionView, *boundaries_);
  if (!region_box.valid()) region_box = home_box;
  if (!home_box.valid()) home_box = region_box;
  if (!home_box.valid()) home_box.extend(-180, -60), home_box.extend(180, 80), region_box = home_box;
  const core::Vec2 c = core::home_projection_centre(views, *boundaries_);
  projection_ = core::Projection::laea(c.x, c.y);
  return true;
}

void Workspace::load_bundle(bool verbose) {
  core::Problems bundle_problems;
  bundle_ = core::load_bundle(core::geodata_dir(), &bundle_problems);
  for (const auto& p : bundle_problems.items) {
    if (p.severity == core::Severity::Error) startup_problems.items.push_back(p);
    if (verbose || p.severity == core::Severity::Error) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
  }
  if (auto chapters = core::load_story(core::geodata_file("story.csv"), &bundle_problems)) story = std::move(*chapters);
  if (!bundle_) return;
  region_areas = core::region_areas(*bundle_, *boundaries_);
  const auto series = core::reported_series(*bundle_, core::AggregateMetric::SharePercent);
  for (size_t r = 0; r < bundle_->regions.size(); ++r)
    if (r < series.values.size() &&
        std::any_of(series.values[r].begin(), series.values[r].end(), [](auto& x) { return x.has_value(); }))
      shift_regions.push_back(r);
}

core::GeoBox Workspace::initial_area_of_interest() const {
  core::GeoBox aoi;
  aoi.extend(region_box.min_lon - 8, std::max(-80.0, region_box.min_lat - 6));
  aoi.extend(region_box.max_lon + 10, std::min(85.0, region_box.max_lat + 6));
  return aoi;
}

std::vector<std::string> Workspace::extra_paths() const {
  std::vector<std::string> out;
  for (const auto& f : extras_) out.push_back(f.path);
  return out;
}

bool Workspace::has_extra(const std::string& path) const {
  return std::any_of(extras_.begin(), extras_.end(), [&](const ExtraFile& e) { return e.path == path; });
}

// A file's rows join what is loaded column by column (DatasetBuilder::append moves the columns;
// build() sorts with a counting sort), never row by row through Incident objects.
void Workspace::add_dataset(core::Dataset d) {
  extras_.push_back({d.path, d.size()});
  core::DatasetBuilder b;
  if (active_ == &merged_ && !merged_.empty()) b.append(std::move(merged_));
  else if (bundle_) b.append(core::Dataset(bundle_->incidents));  // a copy: the bundle keeps its own
  b.append(std::move(d));
  merged_ = std::move(b).build();
  merged_.name = "merged";
  active_ = &merged_;
  index_active();
}

void Workspace::index_active() {
  if (extras_.empty() && bundle_) active_ = &bundle_->incidents;
  areas_ = core::AreaIndex::build(*active_, *boundaries_);
  stacks_ = core::point_stacks(*active_);
}

}  // namespace driftmap::app
