#include "core/input/fast_csv_reader.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <type_traits>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/incident_loader.hpp"

using namespace driftmap::core;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> test_csvs() {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(DRIFTMAP_TEST_DATA)) {
    if (!e.is_regular_file()) continue;
    const std::string ext = e.path().extension().string();
    if (ext == ".csv" || ext == ".CSV") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string temp_csv(const std::string& text) {
  static int n = 0;
  const std::string path = (fs::temp_directory_path() / ("driftmap-fast-csv-" + std::to_string(::getpid()) + "-" +
                                                         std::to_string(n++) + ".csv")).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

void require_same_problems(const Problems& a, const Problems& b) {
  REQUIRE(a.items.size() == b.items.size());
  for (size_t i = 0; i < a.items.size(); ++i) {
    INFO("problem " << i);
    CHECK(a.items[i].to_string() == b.items[i].to_string());
    CHECK(a.items[i].line == b.items[i].line);
    CHECK(a.items[i].severity == b.items[i].severity);
  }
}

// Rows without a stated place have NaN coordinates in both paths.
template <class T>
bool both_nan(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) return std::isnan(a) && std::isnan(b);
  return false;
}

template <class T>
void require_same_span(std::span<const T> a, std::span<const T> b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i]) && !both_nan(a[i], b[i])) FAIL("row " << i << " differs");
}

void require_same_dataset(const Dataset& a, const Dataset& b) {
  REQUIRE(a.size() == b.size());
  require_same_span(a.start_day(), b.start_day());
  require_same_span(a.end_day(), b.end_day());
  require_same_span(a.lon_deg(), b.lon_deg());
  require_same_span(a.lat_deg(), b.lat_deg());
  require_same_span(a.killed(), b.killed());
  require_same_span(a.wounded(), b.wounded());
  require_same_span(a.type(), b.type());
  require_same_span(a.location_precision(), b.location_precision());
  require_same_span(a.date_precision(), b.date_precision());
  require_same_span(a.flags(), b.flags());
  require_same_span(a.long_rows(), b.long_rows());
  for (size_t i = 0; i < a.size(); ++i) {
    INFO("row " << i);
    REQUIRE(a.id(i) == b.id(i));
    REQUIRE(a.place(i) == b.place(i));
    REQUIRE(a.admin1(i) == b.admin1(i));
    REQUIRE(a.country(i) == b.country(i));
    REQUIRE(a.summary(i) == b.summary(i));
    REQUIRE(a.sources(i) == b.sources(i));
    REQUIRE(a.source_line(i) == b.source_line(i));
  }
  CHECK(a.name == b.name);
  CHECK(a.path == b.path);
}

void require_same_result(const LoadResult& fast, const LoadResult& ogr) {
  require_same_problems(fast.problems, ogr.problems);
  REQUIRE(fast.ok() == ogr.ok());
  CHECK(fast.rows_read == ogr.rows_read);
  CHECK(fast.rows_skipped == ogr.rows_skipped);
  if (fast.ok()) require_same_dataset(*fast.dataset, *ogr.dataset);
}

const LoadOptions kOgr = [] {
  LoadOptions o;
  o.force_ogr = true;
  return o;
}();

}  // namespace

TEST_CASE("load_incidents gives the OGR path's dataset and problems for every test CSV") {
  const auto files = test_csvs();
  REQUIRE(files.size() > 10);
  for (const auto& path : files) {
    for (bool skip : {false, true}) {
      INFO(path << (skip ? " (skip invalid)" : ""));
      LoadOptions fast_opts, ogr_opts = kOgr;
      fast_opts.skip_invalid = ogr_opts.skip_invalid = skip;
      require_same_result(load_incidents(path, fast_opts), load_incidents(path, ogr_opts));
    }
  }
}

TEST_CASE("the fast reader split into many chunks gives the OGR path's dataset, or declines") {
  const FastCsvOptions many{.threads = 3, .min_chunk_bytes = 1};
  size_t taken = 0;
  for (const auto& path : test_csvs()) {
    INFO(path);
    std::string why;
    const auto fast = load_incidents_fast_csv(path, {}, many, &why);
    if (!fast) {
      CHECK(!why.empty());
      continue;
    }
    ++taken;
    require_same_result(*fast, load_incidents(path, kOgr));
    CHECK(fast->problems.items.empty());
  }
  CHECK(taken >= 2);  // good.csv and simple_names.csv at least
}

TEST_CASE("the fast reader takes a clean driftmap CSV with quotes, CRLF and a BOM") {
  const std::string text =
      "\xEF\xBB\xBFid,date_start,date_end,event_type,place,lat,lon,killed,summary\r\n"
      "a,2021-03-04,,attack,\"Kabul, city\",34.5,69.2,3,\"said \"\"many\"\"\"\r\n"
      "b,2020-07,2020-09,other,Herat,34.3,62.2,,plain\r\n"
      "c,2019,,territorial,\" Kunar \",34.9,71.1,0,\r\n"
      "d,2022-02-28,,counter_operation,x,-1e-3,1.5e1,7,\"\"\r\n";
  const std::string path = temp_csv(text);
  std::string why;
  const auto fast = load_incidents_fast_csv(path, {}, {.threads = 2, .min_chunk_bytes = 1}, &why);
  INFO(why);
  REQUIRE(fast);
  REQUIRE(fast->ok());
  REQUIRE(fast->dataset->size() == 4);
  require_same_result(*fast, load_incidents(path, kOgr));
  std::remove(path.c_str());
}

TEST_CASE("the fast reader reads what the tokenizer and the decoder accept, as the full reader does") {
  const std::string header = "date_start,lat,lon,event_type,killed\n";
  for (const char* body : {
           "2021-01-01,34.5,69.2,attack,2.0\n",                                 // whole double
           "2021-01-01,34.5,69.2,attack,1\n\n2021-01-02,34.5,69.2,attack,1\n",  // blank line
           "2021-01-01,+34.5,69.2,attack,1\n",                                  // leading plus
           "2021-01-01,34.5,69.2,\"att\"ack,1\n",                               // quotes inside a field
       }) {
    INFO(body);
    const std::string path = temp_csv(header + body);
    std::string why;
    const auto fast = load_incidents_fast_csv(path, {}, {.threads = 1}, &why);
    INFO(why);
    REQUIRE(fast);
    require_same_result(*fast, load_incidents(path, kOgr));
    std::remove(path.c_str());
  }
}

TEST_CASE("the fast reader declines what only the OGR path reads or reports") {
  const std::string header = "date,lat,lon,event_type,killed\n";
  const char* cases[] = {
      "2021-01-01,34.5,69.2,attack,1\n2021-13-01,34.5,69.2,attack,1\n",  // bad date: reported
      "2021-01-01,95,69.2,attack,1\n",                                     // out of range
      "2021-01-01,34.5,69.2,bombing,1\n",                                  // unknown type
      "2021-01-01,34.5,69.2,attack,-1\n",                                  // negative count
      "2021-01-01,34.5,69.2,attack,1,extra\n",                             // ragged row
      "2021-01-01,34.5,69.2,attack\n",                                     // ragged row
      "2021-01-01,1e400,69.2,attack,1\n",                                  // overflow
      "2021-01-01,nan,69.2,attack,1\n",                                    // not finite
      "2021-01-01,34.5,69.2,\xE9,1\n",                                     // not UTF-8
  };
  for (const char* body : cases) {
    INFO(body);
    const std::string path = temp_csv(header + body);
    std::string why;
    CHECK_FALSE(load_incidents_fast_csv(path, {}, {.threads = 2, .min_chunk_bytes = 1}, &why));
    CHECK(!why.empty());
    // ... and load_incidents then gives exactly the OGR path's answer.
    require_same_result(load_incidents(path), load_incidents(path, kOgr));
    std::remove(path.c_str());
  }
  SECTION("text is checked at every byte: a NUL or a non-UTF-8 byte deep in a chunk declines") {
    const std::string rows = "2021-01-01,34.5,69.2,attack,1\n2021-01-02,34.5,69.2,attack,2\n";
    for (const std::string bad : {std::string("2021-01-03,34.5,69.2,att\0ck,3\n", 31), std::string("2021-01-03,34.5,69.2,attack,3\xFF\n")}) {
      const std::string path = temp_csv(header + rows + bad + rows);
      std::string why;
      CHECK_FALSE(load_incidents_fast_csv(path, {}, {.threads = 1, .min_chunk_bytes = 1}, &why));
      CHECK(why == "not UTF-8 text");
      std::remove(path.c_str());
    }
    const std::string path = temp_csv("date,lat,lon,place\n" "2021-01-01,34.5,69.2,Jal\xC4\x81l\xC4\x81" "b\xC4\x81" "d\n");
    const auto read = load_incidents_fast_csv(path, {}, {.threads = 1, .min_chunk_bytes = 1});
    REQUIRE(read);
    CHECK(read->dataset->place(0) == "Jal\xC4\x81l\xC4\x81" "b\xC4\x81" "d");
    std::remove(path.c_str());
  }
  SECTION("unknown columns and mapped columns go to the OGR path") {
    const std::string path = temp_csv("date,lat,lon,notes\n2021-01-01,34.5,69.2,x\n");
    CHECK_FALSE(load_incidents_fast_csv(path, {}));
    LoadOptions mapped;
    mapped.column_map = {{"killed", "dead"}};
    const std::string path2 = temp_csv("date,lat,lon\n2021-01-01,34.5,69.2\n");
    CHECK_FALSE(load_incidents_fast_csv(path2, mapped));
    CHECK(load_incidents_fast_csv(path2, {}));
    std::remove(path.c_str());
    std::remove(path2.c_str());
  }
  SECTION("a duplicate id in another chunk declines") {
    std::string body = "id,date,lat,lon\n";
    for (int i = 0; i < 50; ++i) body += "r" + std::to_string(i % 40) + ",2021-01-01,34.5,69.2\n";
    const std::string path = temp_csv(body);
    CHECK_FALSE(load_incidents_fast_csv(path, {}, {.threads = 3, .min_chunk_bytes = 1}));
    require_same_result(load_incidents(path), load_incidents(path, kOgr));
    std::remove(path.c_str());
  }
}

TEST_CASE("the fast reader sorts unsorted rows like the OGR path, keeping file order for ties") {
  std::string body = "date,lat,lon,killed\n";
  for (int i = 0; i < 3000; ++i) {
    const int y = 2015 + (i * 7919) % 10, m = 1 + (i * 31) % 12, d = 1 + (i * 13) % 28;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d,%.5f,%.5f,%d\n", y, m, d, 30 + (i % 97) * 0.01, 65 + (i % 89) * 0.01,
                  i % 5);
    body += (i % 11 == 0) ? std::string(buf).substr(0, 4) + std::string(buf).substr(10) : buf;
  }
  const std::string path = temp_csv(body);
  const auto fast = load_incidents_fast_csv(path, {}, {.threads = 4, .min_chunk_bytes = 1});
  REQUIRE(fast);
  require_same_result(*fast, load_incidents(path, kOgr));
  std::remove(path.c_str());
}
