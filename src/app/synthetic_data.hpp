// Synthetic incident files for benchmarks and scale tests (ten million rows must stay interactive): clustered around the
// gazetteer's places (a few big centres, a long tail), spread over 2015–2024 with a trend and
// bursts, mostly day-precision dates with some months and years, heavy-tailed tolls. Seeded and
// reproducible: the same n and seed give the same bytes (own RNG and sampling, none of <random>'s
// implementation-defined distributions).
#pragma once
#include <cstdint>
#include <string>

namespace driftmap::app {

struct SyntheticSpec {
  uint64_t n = 0;
  uint64_t seed = 1;
  std::string gazetteer_csv;  // geonameid,name,...,iso_a3,lat,lon (geodata/gazetteer.csv)
  std::string places_csv;     // the bundled incidents' places (geodata/places.csv): the hot spots
};

// Writes a driftmap CSV (date,lat,lon,event_type,killed) to path atomically. Rows are in date
// order as in real exports (month- and year-precision rows where their day fell, so start days
// are not strictly sorted). False with *error (naming the file) on failure.
bool write_synthetic_csv(const std::string& path, const SyntheticSpec& spec, std::string* error);

}  // namespace driftmap::app
