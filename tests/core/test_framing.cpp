// The default frame: the main cluster fills it, far-away incidents become named outliers,
// country-level ones outside are listed, and the projection suits the frame's size.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "core/framing.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"

using namespace driftmap::core;

namespace {

FramePoint city(double lon, double lat, std::string name, std::string country = "AFG") {
  FramePoint p;
  p.lon_deg = lon, p.lat_deg = lat, p.name = std::move(name), p.country = std::move(country);
  return p;
}
FramePoint country_row(double lon, double lat, std::string name, std::string code) {
  FramePoint p = city(lon, lat, std::move(name), std::move(code));
  p.precision = LocationPrecision::Country;
  return p;
}
// n incidents scattered within ~spread_deg of (lon, lat), reproducibly.
void scatter(std::vector<FramePoint>* out, double lon, double lat, double spread_deg, int n, const std::string& name) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> u(-spread_deg, spread_deg);
  for (int i = 0; i < n; ++i) out->push_back(city(lon + u(rng), lat + u(rng), name));
}
bool holds(const GeoBox& b, double lon, double lat) {
  return lon >= b.min_lon && lon <= b.max_lon && lat >= b.min_lat && lat <= b.max_lat;
}
double width_km(const GeoBox& b) { return distance_km(b.min_lon, b.centre_lat(), b.max_lon, b.centre_lat()); }
double height_km(const GeoBox& b) { return distance_km(b.centre_lon(), b.min_lat, b.centre_lon(), b.max_lat); }

}  // namespace

TEST_CASE("far-away incidents do not drag the frame off the main cluster") {
  std::vector<FramePoint> pts;
  scatter(&pts, 69.2, 34.5, 2.0, 40, "Kabul");
  pts.push_back(city(-74.0, 40.7, "New York", "USA"));
  pts.push_back(city(13.4, 52.5, "Berlin", "DEU"));
  const Framing f = frame_incidents(pts);
  REQUIRE(f.from_data);
  CHECK(holds(f.frame, 69.2, 34.5));
  CHECK(!holds(f.frame, 13.4, 52.5));
  CHECK(width_km(f.frame) < 2500);
  CHECK(f.projection == FrameProjection::LocalEqualArea);
  CHECK(f.centre_lon == Approx(69.2).margin(1.5));
  REQUIRE(f.outliers.size() == 2);
  CHECK(f.outliers[0].name == "Berlin");  // nearest first
  CHECK(f.outliers[1].name == "New York");
  CHECK(holds(f.outliers[1].box, -74.0, 40.7));
}

TEST_CASE("an outlier joins the frame when that keeps the frame compact") {
  std::vector<FramePoint> pts;
  scatter(&pts, 67.0, 30.2, 1.5, 20, "Quetta");
  pts.push_back(city(71.5, 34.0, "Peshawar", "PAK"));  // ~650 km: linked into the cluster
  pts.push_back(city(73.0, 31.0, "Faisalabad", "PAK"));
  const Framing f = frame_incidents(pts);
  CHECK(holds(f.frame, 71.5, 34.0));
  CHECK(holds(f.frame, 73.0, 31.0));
  CHECK(f.outliers.empty());
}

TEST_CASE("country-level incidents outside the frame are listed, not framed") {
  std::vector<FramePoint> pts;
  scatter(&pts, 69.2, 34.5, 1.0, 10, "Kabul");
  pts.push_back(country_row(-99.7, 37.2, "United States", "USA"));
  pts.push_back(country_row(-99.7, 37.2, "United States", "USA"));
  pts.push_back(country_row(5.3, 52.1, "Netherlands", "NLD"));
  pts.push_back(country_row(65.2, 33.9, "Afghanistan", "AFG"));  // inside: neither listed nor an outlier
  const Framing f = frame_incidents(pts);
  CHECK(width_km(f.frame) < 2500);
  REQUIRE(f.listed.size() == 2);
  CHECK(f.listed[0].name == "United States");
  CHECK(f.listed[0].count == 2);
  CHECK(f.listed[1].country == "NLD");
  CHECK(f.outliers.empty());
}

TEST_CASE("one window's view of a shared frame keeps only the outliers and countries it reaches") {
  std::vector<FramePoint> all, window;
  scatter(&all, 69.2, 34.5, 1.0, 10, "Kabul");
  all.push_back(city(13.4, 52.5, "Berlin", "DEU"));
  all.push_back(city(-74.0, 40.7, "New York", "USA"));
  all.push_back(country_row(5.3, 52.1, "Netherlands", "NLD"));
  all.push_back(country_row(5.3, 52.1, "Netherlands", "NLD"));
  const Framing f = frame_incidents(all);
  REQUIRE(f.outliers.size() == 2);
  REQUIRE(f.listed.size() == 1);
  scatter(&window, 69.2, 34.5, 1.0, 3, "Kabul");
  window.push_back(city(-74.0, 40.7, "New York", "USA"));
  window.push_back(country_row(5.3, 52.1, "Netherlands", "NLD"));
  const Framing w = f.reached_by(window);
  CHECK(w.frame.min_lon == f.frame.min_lon);  // the same frame
  REQUIRE(w.outliers.size() == 1);
  CHECK(w.outliers[0].name == "New York");
  REQUIRE(w.listed.size() == 1);
  CHECK(w.listed[0].count == 1);
  CHECK(f.reached_by({}).listed.empty());
}

TEST_CASE("with no majority cluster the frame holds every located incident") {
  const std::vector<FramePoint> pts{city(57.08, 30.28, "Kerman", "IRN"), city(37.33, 55.82, "Krasnogorsk", "RUS")};
  const Framing f = frame_incidents(pts);
  CHECK(holds(f.frame, 57.08, 30.28));
  CHECK(holds(f.frame, 37.33, 55.82));
  CHECK(f.outliers.empty());
  CHECK(f.projection == FrameProjection::LocalEqualArea);
}

TEST_CASE("a frame spanning continents uses Equal Earth") {
  const std::vector<FramePoint> pts{city(-74.0, 40.7, "New York", "USA"), city(69.2, 34.5, "Kabul"),
                                    city(151.2, -33.9, "Sydney", "AUS")};
  const Framing f = frame_incidents(pts);
  CHECK(f.projection == FrameProjection::EqualEarth);
  CHECK(f.make_projection().proj_string().find("+proj=eqearth") != std::string::npos);
  for (const auto& p : pts) CHECK(holds(f.frame, p.lon_deg, p.lat_deg));
}

TEST_CASE("the frame has the map frame's aspect, a margin and a minimum size") {
  const std::vector<FramePoint> pts{city(69.2, 34.5, "Kabul")};
  for (double aspect : {16.0 / 9.0, 1.0, 0.7}) {
    const Framing f = frame_incidents(pts, {.aspect = aspect});
    CHECK(width_km(f.frame) / height_km(f.frame) == Approx(aspect).epsilon(0.03));
    CHECK(std::min(width_km(f.frame), height_km(f.frame)) >= FramingRules::kMinFrameKm);
    CHECK(f.frame.centre_lon() == Approx(69.2).margin(0.01));
  }
}

TEST_CASE("incidents without a stated place are ignored; none located gives the fallback") {
  FramePoint unplaced = city(std::nan(""), std::nan(""), "");
  unplaced.precision = LocationPrecision::None;
  const Framing f = frame_incidents({unplaced}, {}, GeoBox{60, 23, 75, 38});
  CHECK(!f.from_data);
  CHECK(holds(f.frame, 67.5, 30.5));
  const Framing g = frame_incidents({unplaced, city(69.2, 34.5, "Kabul")});
  CHECK(g.from_data);
  CHECK(holds(g.frame, 69.2, 34.5));
}

TEST_CASE("the framing does not depend on the incidents' order") {
  std::vector<FramePoint> pts;
  scatter(&pts, 69.2, 34.5, 3.0, 30, "Kabul");
  pts.push_back(city(52.5, 29.6, "Shiraz", "IRN"));
  pts.push_back(city(74.9, 12.9, "Mangalore", "IND"));
  const Framing a = frame_incidents(pts);
  std::reverse(pts.begin(), pts.end());
  const Framing b = frame_incidents(pts);
  CHECK(a.frame.min_lon == b.frame.min_lon);
  CHECK(a.frame.max_lat == b.frame.max_lat);
  CHECK(a.outliers.size() == b.outliers.size());
}

TEST_CASE("a descriptive place is shortened to the place a label names") {
  CHECK(short_place_name("Crocus City Hall, Krasnogorsk") == "Krasnogorsk");
  CHECK(short_place_name("Afghan-Tajik border, Takhar (launch site)") == "Takhar");
  CHECK(short_place_name("Kabul") == "Kabul");
}

namespace {
struct Bundled {
  Dataset dataset;
  Boundaries boundaries;
  AreaIndex areas;
};
const Bundled& bundled() {
  static const Bundled b = [] {
    Problems p;
    auto loaded = load_incidents(geodata_file("incidents.csv"));
    auto bounds = Boundaries::load(geodata_file("boundaries.gpkg"), geodata_file("admin1_aliases.csv"), &p);
    if (!loaded.ok() || !bounds) FAIL("bundled data did not load");
    AreaIndex areas = AreaIndex::build(*loaded.dataset, *bounds);
    return Bundled{std::move(*loaded.dataset), std::move(*bounds), std::move(areas)};
  }();
  return b;
}
Framing bundled_year(int year) {
  const DayInterval w{days_from_civil(year, 1, 1), days_from_civil(year + 1, 1, 1)};
  const auto& b = bundled();
  return frame_incidents(frame_points(b.dataset, w, {}, b.boundaries, &b.areas));
}
}  // namespace

TEST_CASE("the bundled 2022 window frames Afghanistan and Pakistan") {
  const Framing f = bundled_year(2022);
  CHECK(holds(f.frame, 69.17, 34.53));   // Kabul
  CHECK(holds(f.frame, 71.58, 34.01));   // Peshawar
  CHECK(holds(f.frame, 73.28, 36.96));   // Badakhshan
  CHECK(!holds(f.frame, -99.7, 37.2));   // not the USA
  CHECK(!holds(f.frame, 5.3, 52.1));     // nor the Netherlands
  CHECK(width_km(f.frame) < 3500);
  CHECK(f.projection == FrameProjection::LocalEqualArea);
  CHECK(f.centre_lon > 60);
  CHECK(f.centre_lon < 75);
  // Southern India is named, not framed.
  CHECK(std::any_of(f.outliers.begin(), f.outliers.end(),
                    [](const auto& o) { return o.name.find("Mangalore") != std::string::npos; }));
}

TEST_CASE("the bundled 2024 window shows Kerman and Krasnogorsk, framed or named") {
  const Framing f = bundled_year(2024);
  for (auto [name, lon, lat] : {std::tuple{"Kerman", 57.08, 30.28}, std::tuple{"Krasnogorsk", 37.33, 55.82}}) {
    const bool named = std::any_of(f.outliers.begin(), f.outliers.end(),
                                   [&](const auto& o) { return o.name.find(name) != std::string::npos; });
    INFO(name);
    CHECK((holds(f.frame, lon, lat) || named));
  }
  CHECK(!holds(f.frame, -99.7, 37.2));
  CHECK(std::any_of(f.listed.begin(), f.listed.end(), [](const auto& l) { return l.country == "USA"; }));
  CHECK(f.projection == FrameProjection::LocalEqualArea);
}
