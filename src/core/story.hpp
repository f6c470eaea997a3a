// The story of the shift as data (geodata/story.csv): numbered chapters, each a period, a frame
// that shows all its places, a caption and a verbatim quote from one of the documents.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/partial_date.hpp"
#include "core/problem.hpp"
#include "core/projection.hpp"

namespace driftmap::core {

struct Chapter {
  int number = 0;
  std::string title;
  PartialDate period_start, period_end;
  GeoBox frame;                     // lon/lat degrees
  std::vector<std::string> places;  // what the frame is chosen to show
  std::string caption, source_id, quote;
  int64_t line = 0;
  DayInterval window() const { return DateSpan{period_start, period_end}.interval(); }
  std::string period_text() const;  // "2020 – 2021", "Sep 2021 – Dec 2021"
};

// Chapters in file order; numbers must run 1, 2, 3, ... Every problem names file, line and field.
std::optional<std::vector<Chapter>> load_story(const std::string& path, Problems* problems);

}  // namespace driftmap::core
