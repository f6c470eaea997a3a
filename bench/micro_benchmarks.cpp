// Micro-benchmarks of the hot paths: CSV parsing (fast reader, by chunk count), the time-window
// lookup, the per-window area counts, and polygon triangulation. Not part of the test run.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>

#include "app/synthetic_data.hpp"
#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/input/fast_csv_reader.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"
#include "core/projection.hpp"
#include "core/timeline.hpp"
#include "core/triangulation.hpp"

using namespace driftmap;

namespace {

// One generated file per size, kept for the whole run.
const std::string& csv_of(int64_t n) {
  static std::map<int64_t, std::string> files;
  auto& path = files[n];
  if (path.empty()) {
    path = (std::filesystem::temp_directory_path() /
            ("driftmap-micro-" + std::to_string(getpid()) + "-" + std::to_string(n) + ".csv")).string();
    std::string error;
    app::write_synthetic_csv(path, {uint64_t(n), 1, core::geodata_file("gazetteer.csv"), core::geodata_file("places.csv")},
                             &error);
  }
  return path;
}

const core::Dataset& dataset_of(int64_t n) {
  static std::map<int64_t, core::Dataset> sets;
  auto it = sets.find(n);
  if (it == sets.end()) it = sets.emplace(n, std::move(*core::load_incidents(csv_of(n)).dataset)).first;
  return it->second;
}

void BM_FastCsvParse(benchmark::State& state) {
  const std::string& path = csv_of(state.range(0));
  const core::FastCsvOptions opts{.threads = unsigned(state.range(1)), .min_chunk_bytes = 1 << 16};
  for (auto _ : state) benchmark::DoNotOptimize(core::load_incidents_fast_csv(path, {}, opts));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * int64_t(std::filesystem::file_size(path)));
}
BENCHMARK(BM_FastCsvParse)->Args({100000, 1})->Args({100000, 2})->Args({1000000, 1})->Args({1000000, 2})
    ->Unit(benchmark::kMillisecond);

void BM_OgrCsvParse(benchmark::State& state) {
  const std::string& path = csv_of(state.range(0));
  core::LoadOptions ogr;
  ogr.force_ogr = true;
  for (auto _ : state) benchmark::DoNotOptimize(core::load_incidents(path, ogr));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_OgrCsvParse)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_WindowLookup(benchmark::State& state) {
  const core::Dataset& d = dataset_of(state.range(0));
  const core::MonthRange months = core::dataset_months(d);
  core::MonthIndex m = months.start_month;
  for (auto _ : state) {
    benchmark::DoNotOptimize(d.window(core::MonthRange{m, m + 12}.days()));
    if (++m + 12 > months.end_month) m = months.start_month;
  }
}
BENCHMARK(BM_WindowLookup)->Arg(100000)->Arg(1000000);

void BM_AreaCountsInWindow(benchmark::State& state) {
  const core::Dataset& d = dataset_of(state.range(0));
  core::Problems problems;
  static auto b = core::Boundaries::load(core::geodata_file("boundaries.gpkg"), core::geodata_file("admin1_aliases.csv"),
                                         &problems);
  const core::AreaIndex areas = core::AreaIndex::build(d, *b);
  const core::MonthRange months = core::dataset_months(d);
  core::MonthIndex m = months.start_month;
  for (auto _ : state) {
    benchmark::DoNotOptimize(areas.counts_in_window(d, core::MonthRange{m, m + 12}.days()));
    if (++m + 12 > months.end_month) m = months.start_month;
  }
}
BENCHMARK(BM_AreaCountsInWindow)->Arg(1000000);

void BM_TriangulateAdmin1(benchmark::State& state) {
  core::Problems problems;
  static auto b = core::Boundaries::load(core::geodata_file("boundaries.gpkg"), core::geodata_file("admin1_aliases.csv"),
                                         &problems);
  const core::Projection proj = core::Projection::laea(68, 33);
  std::vector<core::MultiPolygon> shapes;
  for (const auto& a : b->admin1()) {
    core::MultiPolygon m = a.shape;
    for (auto& poly : m) {
      for (auto& p : poly.outer) p = proj.forward(p.x, p.y);
      for (auto& hole : poly.holes)
        for (auto& p : hole) p = proj.forward(p.x, p.y);
    }
    shapes.push_back(std::move(m));
  }
  for (auto _ : state)
    for (const auto& m : shapes) benchmark::DoNotOptimize(core::triangulate(m));
  state.SetItemsProcessed(state.iterations() * int64_t(shapes.size()));
}
BENCHMARK(BM_TriangulateAdmin1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
