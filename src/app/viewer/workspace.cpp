// Loading and merging the viewer's data; see workspace.hpp.
#include "app/viewer/workspace.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

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
  for (const auto& f : files_) out.push_back(f.path);
  return out;
}

namespace {
// One file under two spellings ("data/a.csv", "./data/../data/a.csv", a link to it) is one file.
bool same_file(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code ec;
  if (std::filesystem::equivalent(a, b, ec) && !ec) return true;
  const auto norm = [](const std::string& p) {
    std::error_code e;
    const std::filesystem::path abs = std::filesystem::absolute(p, e);
    return (e ? std::filesystem::path(p) : abs).lexically_normal();
  };
  return norm(a) == norm(b);
}
}  // namespace

const Workspace::LoadedFile* Workspace::find_file(const std::string& path) const {
  for (const LoadedFile& f : files_)
    if (same_file(f.path, path)) return &f;
  return nullptr;
}

bool Workspace::add_dataset(core::Dataset d) {
  const std::string path = d.path;
  bool replaced = false;
  if (const LoadedFile* f = find_file(path)) {
    LoadedFile& same = files_[size_t(f - files_.data())];
    same.rows = std::move(d);
    same.visible = true;
    replaced = true;
  } else {
    files_.push_back({path, std::move(d), true});
  }
  index_active();
  return replaced;
}

bool Workspace::set_visible(const std::string& path, bool visible) {
  bool* flag = &bundle_visible_;
  if (!path.empty()) {
    const LoadedFile* f = find_file(path);
    if (!f) return false;
    flag = &files_[size_t(f - files_.data())].visible;
  }
  if (*flag == visible) return false;
  *flag = visible;
  index_active();
  return true;
}

bool Workspace::remove_file(const std::string& path) {
  const LoadedFile* f = find_file(path);
  if (!f) return false;
  files_.erase(files_.begin() + (f - files_.data()));
  index_active();
  return true;
}

// The shown sources' rows join column by column (DatasetBuilder::append moves the columns of a
// copy; build() sorts with a counting sort), never row by row through Incident objects. One shown
// source is used as it is, without a copy.
void Workspace::index_active() {
  std::vector<const core::Dataset*> shown;
  if (bundle_ && bundle_visible_) shown.push_back(&bundle_->incidents);
  for (const LoadedFile& f : files_)
    if (f.visible) shown.push_back(&f.rows);
  merged_ = core::Dataset();
  if (shown.size() == 1) {
    active_ = shown.front();
  } else {
    core::DatasetBuilder b;
    for (const core::Dataset* d : shown) b.append(core::Dataset(*d));
    if (!shown.empty()) merged_ = std::move(b).build();
    merged_.name = "merged";
    active_ = &merged_;
  }
  areas_ = core::AreaIndex::build(*active_, *boundaries_);
  stacks_ = core::point_stacks(*active_);
}

}  // namespace driftmap::app
