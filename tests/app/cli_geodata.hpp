// What the export and animate CLI tests run the binary on: a geodata directory with the
// synthetic boundaries (tests/data/render) and a one-place gazetteer (the import context wants
// places.csv and gazetteer.csv), and an incidents file next to it.
#pragma once
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "../support/synthetic_geodata.hpp"

namespace driftmap::test {

inline constexpr std::string_view kIncidentsHeader =
    "id,date_start,event_type,place,admin1,country,location_precision,lat,lon,killed\n";

struct CliGeodata {
  testing::TempDir dir;
  std::string geodata = dir.file("geodata");
  std::string data = dir.file("incidents.csv");
  // rows: CSV lines under kIncidentsHeader.
  explicit CliGeodata(std::string_view rows) {
    std::filesystem::create_directory(geodata);
    testing::write_synthetic_geodata(geodata);
    for (const char* name : {"places.csv", "gazetteer.csv"})
      std::ofstream(geodata + "/" + name) << "name,lat,lon,iso_a3,admin1\nAlpha,33.75,62.5,WST,Upper West\n";
    std::ofstream(data) << kIncidentsHeader << rows;
  }
};

}  // namespace driftmap::test
