// The project's named map views (geodata/views.csv): which countries the viewer's home view and
// region view frame. They are project content, so they live beside the other bundled tables
// rather than as country codes in the code that draws them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/boundaries.hpp"
#include "core/geometry.hpp"
#include "core/problem.hpp"
#include "core/projection.hpp"

namespace driftmap::core {

struct NamedView {
  std::string key, label;
  std::vector<std::string> countries;  // ISO alpha-3 codes
};

// Keys the program relies on: the home view (view key 1; its centre is the centre of the map
// projection of the viewer and of saved sessions) and the region view (key 2; the viewer's
// starting area).
inline constexpr std::string_view kHomeView = "home";
inline constexpr std::string_view kRegionView = "region";

// Reads a views table (columns view, label, countries). A country code the boundaries do not hold
// is reported with its line; a missing file is an error.
std::vector<NamedView> load_named_views(const std::string& path, const Boundaries& boundaries, Problems* problems);
// geodata/views.csv.
std::vector<NamedView> load_bundled_views(const Boundaries& boundaries, Problems* problems);

// The box of the view's countries; an invalid box when the view or its countries are unknown.
GeoBox named_view_box(const std::vector<NamedView>& views, std::string_view key, const Boundaries& boundaries);

// The centre of the map projection the viewer and saved sessions use: the home view's centre,
// else the centre of all the boundaries' countries.
Vec2 home_projection_centre(const std::vector<NamedView>& views, const Boundaries& boundaries);
// The same from geodata/views.csv, for exports that place a saved view (the viewer reports the
// table's problems when it starts; here a broken table gives the fallback centre).
Vec2 bundled_home_projection_centre(const Boundaries& boundaries);

}  // namespace driftmap::core
