#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "core/dataset.hpp"

using namespace driftmap::core;

namespace {
Incident make(const char* id, const char* start, const char* end = "") {
  Incident inc;
  inc.id = id;
  inc.date = *parse_date_span(start, end);
  return inc;
}
DayInterval window(const char* from, const char* to) {
  return {parse_partial_date(from)->interval().start_day, parse_partial_date(to)->interval().end_day};
}
std::vector<std::string> ids_in(const Dataset& d, DayInterval w) {
  std::vector<std::string> out;
  d.for_each_in_window(w, [&](uint32_t i) { out.emplace_back(d.id(i)); });
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST_CASE("a dataset is sorted by start date whatever the input order") {
  DatasetBuilder b;
  b.add(make("c", "2023-01-01"));
  b.add(make("a", "2020-05"));
  b.add(make("b", "2021"));
  Dataset d = std::move(b).build();
  REQUIRE(d.size() == 3);
  CHECK(d.id(0) == "a");
  CHECK(d.id(1) == "b");
  CHECK(d.id(2) == "c");
  CHECK(std::is_sorted(d.start_day().begin(), d.start_day().end()));
}

TEST_CASE("a time window maps to the incidents whose intervals overlap it") {
  DatasetBuilder b;
  b.add(make("day", "2022-03-15"));
  b.add(make("month", "2022-02"));
  b.add(make("year", "2021"));
  b.add(make("span", "2018", "2022"));  // long interval
  b.add(make("later", "2023-06-01"));
  Dataset d = std::move(b).build();
  REQUIRE(d.long_rows().size() == 1);

  CHECK(ids_in(d, window("2022-03", "2022-03")) == std::vector<std::string>{"day", "span"});
  CHECK(ids_in(d, window("2022-02-28", "2022-02-28")) == std::vector<std::string>{"month", "span"});
  CHECK(ids_in(d, window("2021-12", "2022-01")) == std::vector<std::string>{"span", "year"});
  CHECK(ids_in(d, window("2023", "2023")) == std::vector<std::string>{"later"});
  CHECK(ids_in(d, window("2017", "2017")).empty());
  CHECK(d.count_in_window(window("2015", "2025")) == 5);
}

TEST_CASE("the window range agrees with a brute-force overlap test on random data") {
  std::mt19937 rng(42);
  DatasetBuilder b;
  for (int i = 0; i < 5000; ++i) {
    Incident inc;
    const int32_t start = days_from_civil(2015, 1, 1) + static_cast<int32_t>(rng() % 3650);
    int32_t len = 1 + static_cast<int32_t>(rng() % 40);
    if (rng() % 50 == 0) len = 400 + static_cast<int32_t>(rng() % 2000);
    int32_t y;
    unsigned m, dd;
    civil_from_days(start, y, m, dd);
    inc.date.start = PartialDate{y, static_cast<uint8_t>(m), static_cast<uint8_t>(dd), DatePrecision::Day};
    civil_from_days(start + len - 1, y, m, dd);
    inc.date.end = PartialDate{y, static_cast<uint8_t>(m), static_cast<uint8_t>(dd), DatePrecision::Day};
    b.add(inc);
  }
  Dataset d = std::move(b).build();
  for (int k = 0; k < 300; ++k) {
    const int32_t ws = days_from_civil(2014, 6, 1) + static_cast<int32_t>(rng() % 4300);
    const DayInterval w{ws, ws + 1 + static_cast<int32_t>(rng() % 400)};
    size_t brute = 0;
    for (size_t i = 0; i < d.size(); ++i) brute += d.interval(i).overlaps(w);
    REQUIRE(d.count_in_window(w) == brute);
  }
}

TEST_CASE("an incident row survives the columnar round trip") {
  Incident inc = make("kerman", "2024-01-03");
  inc.type = EventType::Attack;
  inc.place = "Kerman";
  inc.admin1 = "Kerman";
  inc.country = "IRN";
  inc.lat_deg = 30.28321;
  inc.lon_deg = 57.07879;
  inc.killed = 84;
  inc.casualties_disputed = true;
  inc.summary = "Bombings at a memorial procession";
  inc.location_precision = LocationPrecision::City;
  DatasetBuilder b;
  b.add(inc);
  Dataset d = std::move(b).build();
  const Incident out = d.incident(0);
  CHECK(out.id == "kerman");
  CHECK(out.date.to_iso() == "2024-01-03");
  CHECK(out.place == "Kerman");
  CHECK(out.country == "IRN");
  CHECK(out.killed == 84);
  CHECK(out.wounded == kUnknownCount);
  CHECK(out.casualties_disputed);
  CHECK(out.lat_deg == Approx(30.28321).margin(1e-5));
  CHECK(out.lon_deg == Approx(57.07879).margin(1e-5));
}

TEST_CASE("bulk-loaded incidents cost no more than 48 bytes each") {
  DatasetBuilder b;
  const size_t n = 100000;
  b.reserve(n);
  for (size_t i = 0; i < n; ++i)
    b.add_point({static_cast<int32_t>(i), static_cast<int32_t>(i) + 1}, DatePrecision::Day, 69.f, 34.f,
                EventType::Attack, 1);
  Dataset d = std::move(b).build();
  CHECK(d.memory_bytes() / n <= 48);
  CHECK(d.id(5).empty());
}

TEST_CASE("appending a built dataset merges its rows by start date, text and bulk rows alike") {
  DatasetBuilder a;
  a.add(make("b", "2022-03-01"));
  a.add(make("d", "2024", "2026"));  // long
  Dataset with_text = std::move(a).build();
  DatasetBuilder bulk;
  bulk.add_point(parse_partial_date("2022-01-05")->interval(), DatePrecision::Day, 69, 34, EventType::Attack, 3);
  bulk.add_point(parse_partial_date("2023-06-05")->interval(), DatePrecision::Day, 70, 35, EventType::Other, 0);
  Dataset points = std::move(bulk).build();

  DatasetBuilder m;
  m.append(std::move(with_text));
  m.append(std::move(points));
  const Dataset d = std::move(m).build();
  REQUIRE(d.size() == 4);
  CHECK(std::is_sorted(d.start_day().begin(), d.start_day().end()));
  CHECK(d.id(0).empty());  // the bulk row of 2022-01-05 has no text
  CHECK(d.killed()[0] == 3);
  CHECK(d.id(1) == "b");
  CHECK(d.id(2).empty());
  CHECK(d.id(3) == "d");
  REQUIRE(d.long_rows().size() == 1);
  CHECK(d.long_rows()[0] == 3);
  CHECK(ids_in(d, window("2025", "2025")) == std::vector<std::string>{"d"});
}
