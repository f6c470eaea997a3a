// Framing: a density grid of the located incidents, the main cluster grown from its densest cell
// by single linkage in kilometres, outliers absorbed only when that keeps the frame compact, and
// the projection chosen from the frame's size in kilometres.
#include "core/framing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numbers>

namespace driftmap::core {

namespace {

constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kKmPerDegLat = kEarthRadiusKm * std::numbers::pi / 180.0;
constexpr double kMaxAreaBoxDeg = 15;  // a province box wider than this frames by its point only
constexpr size_t kMaxCells = 600;  // each pairwise pass stays under half a million distances

struct Cell {
  double lon_sum = 0, lat_sum = 0;
  int weight = 0;
  GeoBox box;                      // the incidents' own extent (and their provinces')
  std::map<std::string, int> names;  // place name → incidents
  double lon() const { return lon_sum / weight; }
  double lat() const { return lat_sum / weight; }
};

bool is_point_like(LocationPrecision p) { return has_stated_place(p) && p != LocationPrecision::Country; }

// Incidents binned into cells of cell_deg (coarsened until there are at most kMaxCells), in
// key order so that the result does not depend on the input's order.
std::vector<Cell> bin(const std::vector<const FramePoint*>& pts, double cell_deg) {
  for (;; cell_deg *= 2) {
    std::map<std::pair<int, int>, Cell> cells;
    for (const FramePoint* p : pts) {
      Cell& c = cells[{int(std::floor(p->lon_deg / cell_deg)), int(std::floor(p->lat_deg / cell_deg))}];
      c.lon_sum += p->lon_deg;
      c.lat_sum += p->lat_deg;
      ++c.weight;
      c.box.extend(p->lon_deg, p->lat_deg);
      if (p->area && p->area->valid() && p->area->max_lon - p->area->min_lon <= kMaxAreaBoxDeg &&
          p->area->max_lat - p->area->min_lat <= kMaxAreaBoxDeg) {
        c.box.extend(p->area->min_lon, p->area->min_lat);
        c.box.extend(p->area->max_lon, p->area->max_lat);
      }
      if (!p->name.empty()) ++c.names[p->name];
    }
    if (cells.size() <= kMaxCells || cell_deg > 30) {
      std::vector<Cell> out;
      out.reserve(cells.size());
      for (auto& [key, c] : cells) out.push_back(std::move(c));
      return out;
    }
  }
}

double cell_distance(const Cell& a, const Cell& b) { return distance_km(a.lon(), a.lat(), b.lon(), b.lat()); }

// Single-linkage groups of the cells in `members` (indices), each within link_km of another.
std::vector<std::vector<size_t>> link_groups(const std::vector<Cell>& cells, std::vector<size_t> members) {
  std::vector<std::vector<size_t>> groups;
  std::vector<bool> done(members.size(), false);
  for (size_t s = 0; s < members.size(); ++s) {
    if (done[s]) continue;
    std::vector<size_t> group{members[s]};
    done[s] = true;
    for (size_t k = 0; k < group.size(); ++k)
      for (size_t t = 0; t < members.size(); ++t)
        if (!done[t] && cell_distance(cells[group[k]], cells[members[t]]) <= FramingRules::kLinkKm) {
          done[t] = true;
          group.push_back(members[t]);
        }
    groups.push_back(std::move(group));
  }
  return groups;
}

// The densest cell's cluster: linked cells no farther than kClusterRadiusKm from it.
std::vector<size_t> main_cluster(const std::vector<Cell>& cells) {
  const size_t n = cells.size();
  size_t peak = 0;
  int best = -1;
  for (size_t i = 0; i < n; ++i) {
    int density = 0;
    for (size_t j = 0; j < n; ++j)
      if (cell_distance(cells[i], cells[j]) <= FramingRules::kLinkKm) density += cells[j].weight;
    if (density > best || (density == best && cells[i].weight > cells[peak].weight)) best = density, peak = i;
  }
  std::vector<size_t> cluster{peak};
  std::vector<bool> in(n, false);
  in[peak] = true;
  for (size_t k = 0; k < cluster.size(); ++k)
    for (size_t j = 0; j < n; ++j)
      if (!in[j] && cell_distance(cells[cluster[k]], cells[j]) <= FramingRules::kLinkKm &&
          cell_distance(cells[peak], cells[j]) <= FramingRules::kClusterRadiusKm) {
        in[j] = true;
        cluster.push_back(j);
      }
  return cluster;
}

// Width and height of a lon/lat box in kilometres (width along its middle latitude).
std::pair<double, double> box_km(const GeoBox& b) {
  const double w = (b.max_lon - b.min_lon) * kKmPerDegLat * std::cos(b.centre_lat() * std::numbers::pi / 180);
  return {std::max(0.0, w), (b.max_lat - b.min_lat) * kKmPerDegLat};
}

double area_km2(const GeoBox& b) {
  auto [w, h] = box_km(b);
  return std::max(w, FramingRules::kMinFrameKm) * std::max(h, FramingRules::kMinFrameKm);
}

GeoBox merged(GeoBox a, const GeoBox& b) {
  a.extend(b.min_lon, b.min_lat);
  a.extend(b.max_lon, b.max_lat);
  return a;
}

// Grows the box by `w_km`/`h_km` in total, equally on both sides (clamped to the globe).
GeoBox grown(GeoBox b, double w_km, double h_km) {
  const double cos_lat = std::max(0.05, std::cos(b.centre_lat() * std::numbers::pi / 180));
  const double dlon = 0.5 * w_km / (kKmPerDegLat * cos_lat), dlat = 0.5 * h_km / kKmPerDegLat;
  b.min_lon = std::max(-180.0, b.min_lon - dlon);
  b.max_lon = std::min(180.0, b.max_lon + dlon);
  b.min_lat = std::max(-85.0, b.min_lat - dlat);
  b.max_lat = std::min(85.0, b.max_lat + dlat);
  return b;
}

// Minimum size, margin each side, then the map frame's aspect.
GeoBox finished_box(GeoBox b, double aspect) {
  auto [w, h] = box_km(b);
  b = grown(b, std::max(0.0, FramingRules::kMinFrameKm - w), std::max(0.0, FramingRules::kMinFrameKm - h));
  std::tie(w, h) = box_km(b);
  const double margin = 2 * FramingRules::kMarginFraction * std::max(w, h);
  b = grown(b, margin, margin);
  if (aspect > 0) {
    std::tie(w, h) = box_km(b);
    b = w < h * aspect ? grown(b, h * aspect - w, 0) : grown(b, 0, w / aspect - h);
  }
  return b;
}

std::string group_name(const std::vector<Cell>& cells, const std::vector<size_t>& group) {
  std::map<std::string, int> names;
  for (size_t c : group)
    for (const auto& [n, k] : cells[c].names) names[n] += k;
  std::vector<std::pair<int, std::string>> order;
  for (const auto& [n, k] : names) order.push_back({-k, n});
  std::sort(order.begin(), order.end());
  std::string s;
  for (size_t i = 0; i < std::min<size_t>(2, order.size()); ++i) s += (i ? ", " : "") + order[i].second;
  return s;
}

bool contains(const GeoBox& b, double lon, double lat) {
  return lon >= b.min_lon && lon <= b.max_lon && lat >= b.min_lat && lat <= b.max_lat;
}

void choose_projection(Framing* f) {
  auto [w, h] = box_km(f->frame);
  if (std::max(w, h) > FramingRules::kWorldSpanKm) {
    f->projection = FrameProjection::EqualEarth;
    f->centre_lon = std::round(f->frame.centre_lon());
    f->centre_lat = 0;
  } else {
    f->projection = FrameProjection::LocalEqualArea;
    f->centre_lon = std::round(f->frame.centre_lon() * 100.0) / 100.0;
    f->centre_lat = std::round(f->frame.centre_lat() * 100.0) / 100.0;
  }
}

}  // namespace

double distance_km(double lon1, double lat1, double lon2, double lat2) {
  constexpr double r = std::numbers::pi / 180;
  const double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * r) * std::cos(lat2 * r) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::string short_place_name(std::string_view place) {
  if (const auto comma = place.rfind(','); comma != std::string_view::npos) place.remove_prefix(comma + 1);
  if (const auto paren = place.find('('); paren != std::string_view::npos) place = place.substr(0, paren);
  while (!place.empty() && place.front() == ' ') place.remove_prefix(1);
  while (!place.empty() && place.back() == ' ') place.remove_suffix(1);
  return std::string(place);
}

std::vector<FramePoint> frame_points(const Dataset& d, DayInterval window, const IncidentFilter& filter,
                                     const Boundaries& b, const AreaIndex* areas) {
  std::vector<FramePoint> out;
  const auto area_of = areas ? areas->area_of_row() : std::span<const AreaRef>{};
  d.for_each_in_window(window, [&](size_t row) {
    if (!filter.passes(d, row)) return;
    FramePoint p;
    p.lon_deg = d.lon_deg()[row];
    p.lat_deg = d.lat_deg()[row];
    p.precision = d.location_precision()[row];
    p.country = std::string(d.country(row));
    const AreaRef ref = row < area_of.size() ? area_of[row] : AreaRef{};
    if (p.precision == LocationPrecision::Province && ref.index != AreaRef::kNone && ref.level == 1)
      p.area = b.admin1()[ref.index].bbox;
    if (p.precision == LocationPrecision::Country) {
      const auto c = b.find_admin0(p.country);
      p.name = c ? b.admin0()[*c].name : std::string(d.country(row));
    } else if (p.precision == LocationPrecision::Province && !d.admin1(row).empty()) {
      p.name = std::string(d.admin1(row));
    } else {
      p.name = short_place_name(d.place(row));
    }
    out.push_back(std::move(p));
  });
  return out;
}

Projection Framing::make_projection() const {
  return projection == FrameProjection::EqualEarth ? Projection::equal_earth(centre_lon)
                                                   : Projection::laea(centre_lon, centre_lat);
}

std::pair<Vec2, Vec2> Framing::projected_frame(const Projection& p) const { return projected_bounds(p, frame); }

Framing frame_incidents(const std::vector<FramePoint>& points, const FramingOptions& options, const GeoBox& fallback) {
  std::vector<const FramePoint*> located, country_level;
  for (const FramePoint& p : points) {
    if (!has_stated_place(p.precision) || !std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg)) continue;
    (is_point_like(p.precision) ? located : country_level).push_back(&p);
  }
  // With only country-level incidents, they are what the map is about.
  if (located.empty()) located.swap(country_level);

  Framing f;
  if (located.empty()) {
    f.frame = finished_box(fallback, options.aspect);
    choose_projection(&f);
    return f;
  }
  f.from_data = true;
  const std::vector<Cell> cells = bin(located, options.cell_deg);
  std::vector<size_t> cluster = main_cluster(cells);
  int cluster_weight = 0;
  for (size_t c : cluster) cluster_weight += cells[c].weight;
  // No majority cluster (incidents spread over several places): the frame is all of them.
  if (cluster_weight <= FramingRules::kMajorityShare * double(located.size())) {
    cluster.resize(cells.size());
    for (size_t i = 0; i < cells.size(); ++i) cluster[i] = i;
  }
  std::vector<bool> in_cluster(cells.size(), false);
  GeoBox box;
  for (size_t c : cluster) in_cluster[c] = true, box = merged(box, cells[c].box);

  std::vector<size_t> rest;
  for (size_t i = 0; i < cells.size(); ++i)
    if (!in_cluster[i]) rest.push_back(i);
  auto groups = link_groups(cells, rest);
  auto group_box = [&](const std::vector<size_t>& g) {
    GeoBox b;
    for (size_t c : g) b = merged(b, cells[c].box);
    return b;
  };
  const double base_area = area_km2(box);
  const double clon = box.centre_lon(), clat = box.centre_lat();
  auto group_distance = [&](const std::vector<size_t>& g) {
    const GeoBox b = group_box(g);
    return distance_km(clon, clat, b.centre_lon(), b.centre_lat());
  };
  std::stable_sort(groups.begin(), groups.end(),
                   [&](const auto& a, const auto& b) { return group_distance(a) < group_distance(b); });
  std::vector<const std::vector<size_t>*> far;
  for (const auto& g : groups) {
    const GeoBox with = merged(box, group_box(g));
    if (area_km2(with) <= FramingRules::kAbsorbAreaFactor * base_area) box = with;
    else far.push_back(&g);
  }
  f.frame = finished_box(box, options.aspect);
  choose_projection(&f);

  for (const auto* g : far) {
    FrameOutlier o;
    double lon = 0, lat = 0;
    for (size_t c : *g) lon += cells[c].lon_sum, lat += cells[c].lat_sum, o.count += cells[c].weight;
    o.lon_deg = lon / o.count;
    o.lat_deg = lat / o.count;
    if (contains(f.frame, o.lon_deg, o.lat_deg)) continue;  // the margin or aspect took it in
    o.name = group_name(cells, *g);
    o.box = grown(group_box(*g), 300, 300);
    f.outliers.push_back(std::move(o));
  }

  std::map<std::string, FrameListed> listed;
  for (const FramePoint* p : country_level) {
    if (contains(f.frame, p->lon_deg, p->lat_deg)) continue;
    FrameListed& l = listed[p->country.empty() ? p->name : p->country];
    if (l.name.empty()) l.name = p->name, l.country = p->country;
    ++l.count;
  }
  for (auto& [key, l] : listed) f.listed.push_back(std::move(l));
  std::stable_sort(f.listed.begin(), f.listed.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  return f;
}

Framing Framing::reached_by(const std::vector<FramePoint>& points) const {
  Framing f = *this;
  const auto inside = [](const GeoBox& b, const FramePoint& p) {
    return p.lon_deg >= b.min_lon && p.lon_deg <= b.max_lon && p.lat_deg >= b.min_lat && p.lat_deg <= b.max_lat;
  };
  for (FrameOutlier& o : f.outliers)
    o.count = int(std::count_if(points.begin(), points.end(), [&](const FramePoint& p) {
      return p.precision != LocationPrecision::Country && inside(o.box, p);
    }));
  for (FrameListed& l : f.listed)
    l.count = int(std::count_if(points.begin(), points.end(), [&](const FramePoint& p) {
      return p.precision == LocationPrecision::Country && p.country == l.country;
    }));
  std::erase_if(f.outliers, [](const FrameOutlier& o) { return o.count == 0; });
  std::erase_if(f.listed, [](const FrameListed& l) { return l.count == 0; });
  return f;
}

}  // namespace driftmap::core
