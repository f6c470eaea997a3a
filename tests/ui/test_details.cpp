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
