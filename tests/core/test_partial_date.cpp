#include <catch2/catch.hpp>

#include "core/partial_date.hpp"

using namespace driftmap::core;

TEST_CASE("a day-precision date covers exactly one day") {
  auto d = parse_partial_date("2024-03-22");
  REQUIRE(d);
  CHECK(d->precision == DatePrecision::Day);
  CHECK(d->interval().length_days() == 1);
  CHECK(d->interval().start_day == days_from_civil(2024, 3, 22));
  CHECK(d->to_iso() == "2024-03-22");
  CHECK(d->to_display() == "22 Mar 2024");
}

TEST_CASE("a month-precision date covers the whole month") {
  SECTION("July 2016 has 31 days") {
    auto d = parse_partial_date("2016-07");
    REQUIRE(d);
    CHECK(d->precision == DatePrecision::Month);
    CHECK(d->interval().start_day == days_from_civil(2016, 7, 1));
    CHECK(d->interval().end_day == days_from_civil(2016, 8, 1));
    CHECK(d->to_display() == "Jul 2016");
  }
  SECTION("February in a leap year has 29 days") {
    CHECK(parse_partial_date("2024-02")->interval().length_days() == 29);
    CHECK(parse_partial_date("2023-02")->interval().length_days() == 28);
  }
  SECTION("December ends at the next new year") {
    CHECK(parse_partial_date("2023-12")->interval().end_day == days_from_civil(2024, 1, 1));
  }
}

TEST_CASE("a year-precision date covers the whole year") {
  auto d = parse_partial_date("2020");
  REQUIRE(d);
  CHECK(d->precision == DatePrecision::Year);
  CHECK(d->interval().length_days() == 366);
  CHECK(parse_partial_date("2021")->interval().length_days() == 365);
}

TEST_CASE("invalid dates are errors that name the value") {
  std::string err;
  SECTION("month and day out of range") {
    CHECK_FALSE(parse_partial_date("2022-13-45", &err));
    CHECK(err.find("\"2022-13-45\"") != std::string::npos);
    CHECK(err.find("month 13") != std::string::npos);
  }
  SECTION("a day that the month does not have") {
    CHECK_FALSE(parse_partial_date("2023-02-29", &err));
    CHECK(err.find("day 29") != std::string::npos);
  }
  SECTION("free text") {
    CHECK_FALSE(parse_partial_date("Spring 2022", &err));
    CHECK(err == "\"Spring 2022\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  SECTION("five-digit year") {
    CHECK_FALSE(parse_partial_date("20222", &err));
    CHECK(err.find("\"20222\"") != std::string::npos);
  }
  SECTION("empty") {
    CHECK_FALSE(parse_partial_date("", &err));
    CHECK(err.find("empty") != std::string::npos);
  }
  SECTION("signs and spaces are not digits") {
    CHECK_FALSE(parse_partial_date("2022-+1"));
    CHECK_FALSE(parse_partial_date(" 2022"));
    CHECK_FALSE(parse_partial_date("2022-1-01"));
  }
}

TEST_CASE("a date span runs from the start of its start to the end of its end") {
  auto s = parse_date_span("2019", "2021-06");
  REQUIRE(s);
  CHECK(s->interval().start_day == days_from_civil(2019, 1, 1));
  CHECK(s->interval().end_day == days_from_civil(2021, 7, 1));
  CHECK(s->to_iso() == "2019/2021-06");
}

TEST_CASE("an end before the start is an error naming both values") {
  std::string err;
  CHECK_FALSE(parse_date_span("2022-05", "2022-01", &err));
  CHECK(err == "end \"2022-01\" is before start \"2022-05\"");
  CHECK(parse_date_span("2022-05", "2022-05-31"));
  CHECK_FALSE(parse_date_span("2022-05-10", "2022-05-09"));
}

TEST_CASE("civil day numbers round-trip across centuries") {
  for (int32_t day = -800000; day <= 800000; day += 997) {
    int32_t y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    REQUIRE(days_from_civil(y, m, d) == day);
  }
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(day_to_iso(days_from_civil(2024, 1, 3)) == "2024-01-03");
}

TEST_CASE("a less precise end that contains the start is not before it") {
  const auto span = parse_date_span("2023-05-10", "2023-05");
  REQUIRE(span);
  CHECK(span->interval().start_day == days_from_civil(2023, 5, 10));
  CHECK(span->interval().end_day == days_from_civil(2023, 6, 1));
  CHECK_FALSE(parse_date_span("2023-05-10", "2023-04"));
}
