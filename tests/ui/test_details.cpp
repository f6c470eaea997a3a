// Details text: date precision spelled out, documents' casualty disagreement.
#include <catch2/catch.hpp>

#include "ui/details.hpp"

using namespace driftmap;
using namespace driftmap::ui;

TEST_CASE("different killed figures across documents read as a range that says they disagree") {
  CHECK(casualty_text(90, {"84", "at least 96 people", ""}, "killed") == "84\u201396 killed; documents disagree");
}

TEST_CASE("agreeing figures read as one number") {
  CHECK(casualty_text(13, {"13", "13 killed"}, "killed") == "13 killed");
  CHECK(casualty_text(-1, {}, "wounded") == "unknown wounded");
  CHECK(casualty_text(-1, {"about 1,200"}, "wounded") == "1200 wounded");
}

TEST_CASE("the date text says how precise the date is") {
  core::DateSpan day{{2021, 8, 26, core::DatePrecision::Day}, std::nullopt};
  core::DateSpan month{{2021, 8, 0, core::DatePrecision::Month}, std::nullopt};
  core::DateSpan year{{2021, 0, 0, core::DatePrecision::Year}, std::nullopt};
  CHECK(date_text(day) == "26 Aug 2021 (exact day)");
  CHECK(date_text(month) == "Aug 2021 (month only; the day is not reported)");
  CHECK(date_text(year) == "2021 (year only; month and day are not reported)");
}

TEST_CASE("the first number in a stated figure is found") {
  CHECK(first_number("at least 84 people") == 84);
  CHECK_FALSE(first_number("dozens").has_value());
}

TEST_CASE("a report's date reads as a bound: the incident happened on or before it") {
  core::Incident inc;
  inc.date = {{2022, 8, 11, core::DatePrecision::Day}, std::nullopt};
  CHECK(date_text(inc) == "11 Aug 2022 (exact day)");
  inc.date_basis = core::DateBasis::Reported;
  CHECK(date_text(inc) ==
        "reported 11 Aug 2022; the incident happened on or before that date (a report's date, not the event's)");
  CHECK(tooltip_lines(inc)[2] == date_text(inc));
}

TEST_CASE("an incident without a stated place says so where its place would be") {
  core::Incident inc;
  inc.place = "Kabul";
  inc.admin1 = "Kabul";
  inc.country = "AFG";
  CHECK(place_text(inc) == "Kabul, AFG");
  inc = {};
  inc.location_precision = core::LocationPrecision::None;
  CHECK(place_text(inc) == "place not stated");
  CHECK(tooltip_lines(inc)[1] == "place not stated");
}

TEST_CASE("a bound from above or a part of a total is quoted, not read as a count") {
  CHECK(casualty_text(97, {"97", "nearly 80"}, "killed") == "97 killed");
  CHECK(casualty_text(-1, {"nearly 80"}, "killed") == "unknown killed (stated: nearly 80)");
  CHECK(casualty_text(-1, {"including 2 employees (reference-list headline, not a total)"}, "killed") ==
        "unknown killed (stated: including 2 employees (reference-list headline, not a total))");
  CHECK(casualty_text(32, {"more than 32; headline: 20 Killed; headline: 22 dead"}, "killed") ==
        "20\u201332 killed; documents disagree");
}

TEST_CASE("a list line gives the date as stated, the type and the place") {
  core::Incident inc;
  inc.date = {{2021, 8, 26, core::DatePrecision::Day}, std::nullopt};
  inc.type = core::EventType::Attack;
  inc.location_precision = core::LocationPrecision::City;
  inc.place = "Hamid Karzai International Airport, Kabul";
  CHECK(list_line(inc) == "26 Aug 2021 \u00b7 Attack \u00b7 Hamid Karzai International Airport, Kabul");
  inc.date = {{2021, 0, 0, core::DatePrecision::Year}, core::PartialDate{2022, 0, 0, core::DatePrecision::Year}};
  inc.date_basis = core::DateBasis::Reported;
  CHECK(list_line(inc).starts_with("reported 2021\u20132022 \u00b7 "));
}
