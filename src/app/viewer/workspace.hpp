// The viewer's workspace: the loaded data and what is derived from it once. The bundled
// boundaries (with the gazetteer, what places rows that carry only names) and the bundle, the
// user's files merged with the bundled incidents, the area index, the article's region groups and
// the named boxes the view can fit. No GL and no UI.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/import_options.hpp"
#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/bundle.hpp"
#include "core/dataset.hpp"
#include "core/geometry.hpp"
#include "core/named_views.hpp"
#include "core/point_stacks.hpp"
#include "core/problem.hpp"
#include "core/projection.hpp"
#include "core/story.hpp"

namespace driftmap::app {

class Workspace {
 public:
  Workspace() = default;
  Workspace(const Workspace&) = delete;  // active() may point into it
  Workspace& operator=(const Workspace&) = delete;

  // The bundled boundaries, the named views' boxes (geodata/views.csv) and the projection centred
  // on the home view; false with the reasons on stderr when the boundaries cannot be read.
  bool load_boundaries();
  // The bundled incidents and reported figures; their errors are kept in startup_problems.
  void load_bundle(bool verbose);
  // Boundaries kept around the region (the first renderer's): the region's box with a margin.
  core::GeoBox initial_area_of_interest() const;

  // One file the user opened: its rows kept apart from the merged data, so that it can be
  // hidden, removed or read again without touching the others.
  struct LoadedFile {
    std::string path;
    core::Dataset rows;
    bool visible = true;
  };
  // Adds a file's rows, or replaces (and shows again) the rows of the file opened before from the
  // same path; then merges and re-indexes. True when it replaced a file's rows.
  bool add_dataset(core::Dataset d);
  // Shows or hides a file's rows (path empty: the bundled incidents); true when that changed what
  // is shown, after merging again.
  bool set_visible(const std::string& path, bool visible);
  // Drops a file's rows; true when it was loaded.
  bool remove_file(const std::string& path);
  // The data the map shows: the shown sources (the bundle, the visible files) merged, or the one
  // shown source itself; the area index and the point stacks follow it.
  void index_active();
  std::vector<std::string> extra_paths() const;
  size_t extra_count() const { return files_.size(); }
  bool has_extra(const std::string& path) const { return find_file(path) != nullptr; }
  const std::vector<LoadedFile>& files() const { return files_; }
  const LoadedFile* find_file(const std::string& path) const;
  bool bundle_visible() const { return bundle_visible_; }

  const core::Dataset& active() const { return *active_; }
  const core::AreaIndex& areas() const { return areas_; }
  const std::vector<core::PointStack>& stacks() const { return stacks_; }  // of active()
  const core::Boundaries& boundaries() const { return *boundaries_; }
  const core::Projection& projection() const { return *projection_; }
  const core::Bundle* bundle() const { return bundle_ ? &*bundle_ : nullptr; }
  ImportContext& import() { return import_; }

  std::vector<std::vector<size_t>> region_areas;  // per bundle region, its admin1 indices
  std::vector<size_t> shift_regions;              // regions with reported shares
  std::vector<core::Chapter> story;               // geodata/story.csv (empty when it cannot be read)
  core::GeoBox home_box, region_box;  // the named views "home" and "region"
  core::Problems startup_problems;

 private:
  ImportContext import_;  // holds the boundaries; boundaries_ points into it
  const core::Boundaries* boundaries_ = nullptr;
  std::optional<core::Projection> projection_;
  std::optional<core::Bundle> bundle_;
  std::vector<LoadedFile> files_;  // in the order first opened
  bool bundle_visible_ = true;
  core::Dataset merged_;  // the shown sources' rows when more than one is shown
  const core::Dataset* active_ = &merged_;
  core::AreaIndex areas_;
  std::vector<core::PointStack> stacks_;
};

}  // namespace driftmap::app
