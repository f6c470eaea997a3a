// Point stacks: rows that share a coordinate, counted per window.
#include <catch2/catch.hpp>

#include "../support/synthetic_geodata.hpp"
#include "core/point_stacks.hpp"

using namespace driftmap;
using core::EventType;
using core::LocationPrecision;
using testing::incident;

namespace {
core::DayInterval year(int y) { return core::parse_partial_date(std::to_string(y))->interval(); }
}  // namespace

TEST_CASE("points at one coordinate form a stack; a lone point and area rows do not") {
  core::DatasetBuilder db;
  db.add(incident("k1", "2021-08-26", EventType::Attack, 69.17233, 34.52813, 170));
  db.add(incident("k2", "2020-05", EventType::Attack, 69.17233, 34.52813));
  db.add(incident("k3", "2022-09", EventType::Attack, 69.17233, 34.52813, 2));
  db.add(incident("j", "2020-08-02", EventType::Attack, 70.45153, 34.42647, 29));
  // A province's row at the same coordinate is drawn as its area, not in the stack.
  db.add(incident("p", "2021", EventType::Territorial, 69.17233, 34.52813, core::kUnknownCount,
                  LocationPrecision::Province, "Kabul", "AFG"));
  const core::Dataset d = std::move(db).build();
  const auto stacks = core::point_stacks(d);
  REQUIRE(stacks.size() == 1);
  const core::PointStack& s = stacks[0];
  REQUIRE(s.rows.size() == 3);
  CHECK(std::is_sorted(s.rows.begin(), s.rows.end()));
  CHECK(d.id(s.rows[0]) == "k2");  // rows are by start day
  CHECK(s.lon_deg == Approx(69.17233));

  SECTION("counted in a window, with the filter") {
    CHECK(core::count_in_window(s, d, year(2021), {}) == 1);
    CHECK(core::count_in_window(s, d, {year(2020).start_day, year(2022).end_day}, {}) == 3);
    core::IncidentFilter f;
    f.killed_min = 100;
    CHECK(core::count_in_window(s, d, {year(2020).start_day, year(2022).end_day}, f) == 1);
  }
  SECTION("none above the row limit (such data is drawn as a density grid)") {
    CHECK(core::point_stacks(d, 4).empty());
  }
}
