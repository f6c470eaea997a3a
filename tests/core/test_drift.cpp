// The drift of the incidents' centre on synthetic data with known answers.
#include <catch2/catch.hpp>

#include "core/drift.hpp"

using namespace driftmap::core;

namespace {
Incident at(const char* date, double lat, double lon, LocationPrecision p = LocationPrecision::City) {
  Incident inc;
  inc.id = date;
  inc.date = *parse_date_span(date, "");
  inc.lat_deg = lat, inc.lon_deg = lon, inc.location_precision = p;
  return inc;
}
Dataset build(std::vector<Incident> rows) {
  DatasetBuilder b;
  for (const auto& r : rows) b.add(r);
  return std::move(b).build();
}
}  // namespace

TEST_CASE("distance and bearing on the sphere: one degree of longitude on the equator, due east") {
  CHECK(great_circle_km(0, 0, 0, 1) == Approx(111.195).epsilon(1e-4));
  CHECK(initial_bearing_deg(0, 0, 0, 1) == Approx(90));
  CHECK(initial_bearing_deg(0, 0, 1, 0) == Approx(0).margin(1e-9));
  CHECK(initial_bearing_deg(10, 0, 0, 0) == Approx(180));
}

TEST_CASE("the centre moves by the distance and bearing between two symmetric clusters") {
  // 2020: two points either side of (0, 10); 2021: two points either side of (0, 20).
  const Dataset d = build({at("2020-03-01", 1, 10), at("2020-05-01", -1, 10), at("2021-03-01", 1, 20),
                           at("2021-06-01", -1, 20)});
  const auto steps = drift(d, DriftPeriod::Year);
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].period == "2020");
  CHECK(steps[0].n == 2);
  CHECK(steps[0].lat == Approx(0).margin(1e-9));
  CHECK(steps[0].lon == Approx(10));
  CHECK(steps[0].spread_km == Approx(great_circle_km(0, 10, 1, 10)).epsilon(1e-6));
  CHECK_FALSE(steps[0].km);
  REQUIRE(steps[1].km);
  CHECK(*steps[1].km == Approx(great_circle_km(0, 10, 0, 20)).epsilon(1e-6));
  CHECK(*steps[1].bearing_deg == Approx(90));
}

TEST_CASE("province-level incidents weigh half; country-level ones and dates reaching outside are left out") {
  // City at lon 0 (weight 1), province at lon 3 (weight 0.5): the centre is near lon 1.
  const Dataset d = build({at("2022-02-01", 0, 0), at("2022-04-01", 0, 3, LocationPrecision::Province),
                           at("2022-05-01", 0, 90, LocationPrecision::Country), at("2022", 0, 60)});
  const auto half = drift(d, DriftPeriod::Half);
  REQUIRE(half.size() == 2);
  CHECK(half[0].period == "2022-H1");
  CHECK(half[0].n == 2);
  CHECK(half[0].n_province == 1);
  CHECK(half[0].n_left_out == 2);  // the country-level row and the year-long one
  CHECK(half[0].lon == Approx(1.0).margin(0.01));
  CHECK(half[1].n == 0);  // H2 holds only the year-long row, which reaches outside it
  const auto year = drift(d, DriftPeriod::Year);
  REQUIRE(year.size() == 1);
  CHECK(year[0].n == 3);  // the year-precision row counts in its year
}

TEST_CASE("quarters are named and empty quarters kept, so gaps show") {
  const Dataset d = build({at("2023-01-15", 30, 60), at("2023-11-15", 40, 50)});
  const auto q = drift(d, DriftPeriod::Quarter);
  REQUIRE(q.size() == 4);
  CHECK(q[0].period == "2023-Q1");
  CHECK(q[3].period == "2023-Q4");
  CHECK(q[1].n == 0);
  REQUIRE(q[3].km);  // measured from Q1, the previous quarter with incidents
  CHECK(*q[3].km == Approx(great_circle_km(30, 60, 40, 50)).epsilon(1e-6));
}
