// A viewer workspace over the bundled geodata plus a few hand-made incidents, for the tests of
// the viewer's pieces that need no window.
#pragma once
#include <string>

#include "app/viewer/workspace.hpp"
#include "core/dataset.hpp"

namespace driftmap::testing {

inline core::Incident viewer_incident(const std::string& id, double lon, double lat, int killed,
                                      core::EventType type = core::EventType::Attack) {
  core::Incident i;
  i.id = id;
  i.date.start = {2022, 6, 15, core::DatePrecision::Day};
  i.type = type;
  i.country = "AFG";
  i.killed = killed;
  i.place = id;
  i.lon_deg = lon;
  i.lat_deg = lat;
  return i;
}

// Loads the bundled boundaries and bundle, then adds a file of two incidents on 2022-06-15, one
// in central Afghanistan away from any town, one in Herat.
inline void load_test_workspace(app::Workspace& ws) {
  if (!ws.load_boundaries()) throw std::runtime_error("bundled boundaries missing");
  ws.load_bundle(false);
  core::DatasetBuilder b;
  b.add(viewer_incident("central-test", 66.0, 33.0, 40));
  b.add(viewer_incident("herat-test", 62.20, 34.35, 2, core::EventType::Territorial));
  core::Dataset d = std::move(b).build();
  d.path = "test.csv";
  ws.add_dataset(std::move(d));
}

inline uint32_t row_of(const core::Dataset& d, const std::string& id) {
  for (size_t i = 0; i < d.size(); ++i)
    if (d.id(i) == id) return uint32_t(i);
  throw std::runtime_error("no row " + id);
}

}  // namespace driftmap::testing
