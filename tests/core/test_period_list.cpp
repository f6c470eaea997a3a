#include <catch2/catch.hpp>

#include "core/period_list.hpp"

using namespace driftmap::core;

TEST_CASE("a period list holds years, months and start/end ranges in the order written") {
  std::string error;
  const auto p = parse_period_list("2020, 2022-03,2023-01/2023-06", &error);
  REQUIRE(p);
  REQUIRE(p->size() == 3);
  CHECK((*p)[0] == DayInterval{days_from_civil(2020, 1, 1), days_from_civil(2021, 1, 1)});
  CHECK((*p)[1] == DayInterval{days_from_civil(2022, 3, 1), days_from_civil(2022, 4, 1)});
  CHECK((*p)[2] == DayInterval{days_from_civil(2023, 1, 1), days_from_civil(2023, 7, 1)});
}

TEST_CASE("a bad period is refused with the item named") {
  std::string error;
  SECTION("a month out of range") {
    CHECK_FALSE(parse_period_list("2020,2023-13", &error));
    CHECK(error.find("item 2 \"2023-13\"") != std::string::npos);
    CHECK(error.find("month 13") != std::string::npos);
  }
  SECTION("an end before its start") {
    CHECK_FALSE(parse_period_list("2024/2023", &error));
    CHECK(error.find("item 1 \"2024/2023\"") != std::string::npos);
    CHECK(error.find("before") != std::string::npos);
  }
  SECTION("an empty item") {
    CHECK_FALSE(parse_period_list("2020,,2022", &error));
    CHECK(error.find("item 2 is empty") != std::string::npos);
  }
  SECTION("a half range") {
    CHECK_FALSE(parse_period_list("2020/", &error));
    CHECK(error.find("item 1") != std::string::npos);
  }
  SECTION("too many panels") {
    CHECK_FALSE(parse_period_list("2010,2011,2012,2013,2014,2015,2016,2017,2018,2019,2020,2021,2022", &error));
    CHECK(error.find("at most 12") != std::string::npos);
  }
}

TEST_CASE("a period's title is as short as its bounds allow") {
  const auto days = [](const char* text) { return (*parse_period_list(text))[0]; };
  CHECK(period_text(days("2022")) == "2022");
  CHECK(period_text(days("2020/2021")) == "2020 – 2021");
  CHECK(period_text(days("2022-03")) == "Mar 2022");
  CHECK(period_text(days("2023-01/2023-06")) == "Jan – Jun 2023");
  CHECK(period_text(days("2021-09/2022-02")) == "Sep 2021 – Feb 2022");
  CHECK(period_text(days("2022-03-05")) == "5 Mar 2022");
  CHECK(period_text(days("2022-03-05/2022-04-09")) == "5 Mar 2022 – 9 Apr 2022");
}
