// The story chapters (geodata/story.csv): they load, follow the article's phases, quote their
// documents verbatim, and a malformed file is refused with file, line and field.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/article_figures.hpp"
#include "core/bundle.hpp"
#include "core/geodata.hpp"
#include "core/story.hpp"

using namespace driftmap::core;

namespace {
std::vector<Chapter> bundled_story() {
  Problems p;
  auto s = load_story(geodata_file("story.csv"), &p);
  for (const auto& x : p.items) UNSCOPED_INFO(x.to_string());
  REQUIRE(s);
  return *s;
}
}  // namespace

TEST_CASE("the bundled story has the five phases of the shift in order") {
  const auto s = bundled_story();
  REQUIRE(s.size() >= 5);
  CHECK(s[0].period_text() == "2020 \u2013 2021");
  CHECK(s[1].period_text() == "Sep 2021 \u2013 Dec 2021");
  CHECK(s[2].period_text() == "2022");
  CHECK(s[4].places == std::vector<std::string>{"Kerman", "Krasnogorsk"});
  for (size_t i = 1; i < s.size(); ++i) CHECK(s[i - 1].window().start_day < s[i].window().start_day);
}

TEST_CASE("every chapter's frame contains its incidents' places in its window") {
  Problems p;
  auto b = load_bundle(geodata_dir(), &p);
  REQUIRE(b);
  size_t inside = 0;
  for (const Chapter& c : bundled_story()) {
    b->incidents.for_each_in_window(c.window(), [&](uint32_t i) {
      if (is_area_precision(b->incidents.location_precision()[i])) return;  // drawn as an area, not a point
      const double lon = b->incidents.lon_deg()[i], lat = b->incidents.lat_deg()[i];
      for (const std::string& place : c.places)
        if (b->incidents.admin1(i) == place || std::string(b->incidents.place(i)).find(place) != std::string::npos) {
          INFO("chapter " << c.number << ": " << b->incidents.id(i));
          CHECK((lon >= c.frame.min_lon && lon <= c.frame.max_lon && lat >= c.frame.min_lat && lat <= c.frame.max_lat));
          ++inside;
        }
    });
  }
  CHECK(inside > 0);
}

TEST_CASE("every chapter's quote is verbatim in its document") {
  const std::string seeds = seeds_dir();
  if (seeds.empty()) {
    WARN("SKIPPED: ../shared/seeds not found; verbatim quote checks did not run");
    return;
  }
  Problems p;
  auto b = load_bundle_tables(geodata_dir(), &p);
  REQUIRE(b);
  for (const Chapter& c : bundled_story()) {
    INFO("chapter " << c.number);
    const Source* src = b->source(c.source_id);
    REQUIRE(src);
    std::ifstream in(seeds + "/" + src->file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str().find(c.quote) != std::string::npos);
  }
}

TEST_CASE("the chapters' windows bring up the article's figures for their phase") {
  Problems p;
  auto b = load_bundle_tables(geodata_dir(), &p);
  REQUIRE(b);
  const auto s = bundled_story();
  auto first_region = [&](size_t k) {
    const auto f = region_figures_for_window(*b, s[k].window());
    return f.empty() ? std::string() : b->regions[f[0].region].region;
  };
  CHECK(first_region(0) == "nangarhar_kabul");
  CHECK(first_region(1) == "nangarhar");
  CHECK(region_figures_for_window(*b, s[2].window()).size() == 3);
  CHECK(first_region(3) == "khyber_pakhtunkhwa");
  CHECK(region_figures_for_window(*b, s[4].window()).empty());
}

TEST_CASE("a malformed story file is refused with file, line and field") {
  const std::string path = "story_bad_test.csv";
  {
    std::ofstream o(path);
    o << "chapter,title,period_start,period_end,min_lon,min_lat,max_lon,max_lat,places,caption,source_id,quote\n"
         "1,A,2020,2021,60,30,70,40,Kabul,cap,ctc2023,q\n"
         "3,B,2022,north,60,30,70,40,Kabul,cap,ctc2023,q\n";
  }
  Problems p;
  CHECK_FALSE(load_story(path, &p));
  REQUIRE(p.error_count() >= 1);
  const std::string first = p.items[0].to_string();
  CHECK(first.find("story_bad_test.csv:3") != std::string::npos);
  CHECK(first.find("period_end") != std::string::npos);
  std::remove(path.c_str());
}
