// Shared by the file-loading fuzz targets: writes each input to one temporary file (with the
// extension that selects the reader) and loads it as a user's incident file would be loaded.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/incident_loader.hpp"

namespace driftmap::fuzz {

inline const std::string& temp_path(const char* extension) {
  static const std::string path = [&] {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/driftmap-fuzz-XXXXXX";
    if (!::mkdtemp(tmpl.data())) std::abort();
    return tmpl + "/input" + extension;
  }();
  return path;
}

inline void load_bytes(const uint8_t* data, size_t size, const char* extension) {
  const std::string& path = temp_path(extension);
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  for (bool skip : {false, true}) {
    core::LoadOptions options;
    options.skip_invalid = skip;
    core::LoadResult r = core::load_incidents(path, options);
    // Invariants: a refused file says why; an accepted one without skip has no errors.
    if (!r.ok() && !r.problems.has_errors()) std::abort();
    if (r.ok() && !skip && r.problems.has_errors()) std::abort();
    for (const auto& p : r.problems.items) (void)p.to_string();
    if (r.ok()) {
      const core::Dataset& d = *r.dataset;
      for (size_t i = 0; i < d.size(); ++i) {
        if (!(d.end_day()[i] > d.start_day()[i])) std::abort();
        // A row whose place is not stated has no coordinates (NaN) and is never drawn.
        if (d.location_precision()[i] == core::LocationPrecision::None) continue;
        if (!(d.lat_deg()[i] >= -90 && d.lat_deg()[i] <= 90)) std::abort();
        if (!(d.lon_deg()[i] >= -180 && d.lon_deg()[i] <= 180)) std::abort();
      }
      (void)d.count_in_window(d.extent());
    }
  }
}

}  // namespace driftmap::fuzz
