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

  // Adds a file's rows to what is loaded (column by column), then re-indexes.
  void add_dataset(core::Dataset d);
  // The data the map shows: the bundle alone until a file is added, then the merged rows; the
  // area index and the point stacks follow it.
  void index_active();
  std::vector<std::string> extra_paths() const;
  size_t extra_count() const { return extras_.size(); }
  bool has_extra(const std::string& path) const;

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
  struct ExtraFile {
    std::string path;
    size_t rows = 0;
  };
  std::vector<ExtraFile> extras_;  // files added to the bundled data; their rows are in merged_
  core::Dataset merged_;
  const core::Dataset* active_ = &merged_;
  core::AreaIndex areas_;
  std::vector<core::PointStack> stacks_;
};

}  // namespace driftmap::app
