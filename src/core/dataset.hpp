// A set of incidents stored as columns, sorted by start day, so that a time window maps to an
// index range by binary search. Memory per incident is a design property (≤ 48 bytes, so ten million rows fit comfortably):
// numeric columns are compact and text columns take space only when the source had them.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/incident.hpp"
#include "core/partial_date.hpp"

namespace driftmap::core {

// Text column: one buffer plus offsets; absent columns cost nothing.
class StringColumn {
 public:
  void reserve(size_t rows, size_t bytes);
  void push_back(std::string_view s);
  void pad_to(size_t rows);  // empty strings up to rows (a fill, not one push_back per row)
  std::string_view operator[](size_t i) const;
  void append(const StringColumn& other);  // other's rows after this one's
  size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  bool empty_column() const { return chars_.empty(); }
  size_t memory_bytes() const { return chars_.capacity() + offsets_.capacity() * sizeof(uint32_t); }
  void permute(std::span<const uint32_t> order);  // row i becomes old row order[i]
  void clear_if_all_empty();

 private:
  std::vector<char> chars_;
  std::vector<uint32_t> offsets_;
};

// Candidate rows for a time window: every incident overlapping the window lies either in
// [first, last) (where rows that end before the window still need the exact test) or in the
// long-interval list with start_day <= long_cutoff_day.
struct WindowRange {
  uint32_t first = 0;
  uint32_t last = 0;
  int32_t long_cutoff_day = 0;  // long-list rows with start_day <= this are not in [first,last)
};

class Dataset {
 public:
  // Incidents no longer than this are "short" and found by the sorted range alone. Longer ones
  // (multi-year spans, year-precision statements crossing a window) are kept in long_rows().
  static constexpr int32_t kShortMaxDays = 366;

  size_t size() const { return start_day_.size(); }
  bool empty() const { return start_day_.empty(); }

  // Numeric columns, all of size(), row order = sorted by (start_day, original order).
  std::span<const int32_t> start_day() const { return start_day_; }
  std::span<const int32_t> end_day() const { return end_day_; }
  std::span<const float> lon_deg() const { return lon_deg_; }
  std::span<const float> lat_deg() const { return lat_deg_; }
  std::span<const int32_t> killed() const { return killed_; }
  std::span<const int32_t> wounded() const { return wounded_; }
  std::span<const EventType> type() const { return type_; }
  std::span<const LocationPrecision> location_precision() const { return loc_precision_; }
  // Low nibble: start precision, high nibble: end precision (DatePrecision values).
  std::span<const uint8_t> date_precision() const { return date_precision_; }
  // Bit 0: casualties disputed; bit 1: has explicit end date; bit 2: the date is a report's date
  // (DateBasis::Reported).
  std::span<const uint8_t> flags() const { return flags_; }
  std::span<const uint32_t> long_rows() const { return long_rows_; }  // sorted by row

  DatePrecision start_precision(size_t i) const { return DatePrecision(date_precision_[i] & 0xF); }
  bool casualties_disputed(size_t i) const { return flags_[i] & 1; }
  bool date_reported(size_t i) const { return flags_[i] & 4; }
  DayInterval interval(size_t i) const { return {start_day_[i], end_day_[i]}; }

  // Text columns (empty string_view when the source had no such column).
  std::string_view id(size_t i) const { return text(id_, i); }
  std::string_view place(size_t i) const { return text(place_, i); }
  std::string_view admin1(size_t i) const { return text(admin1_, i); }
  std::string_view country(size_t i) const { return text(country_, i); }
  std::string_view summary(size_t i) const { return text(summary_, i); }
  std::string_view sources(size_t i) const { return text(sources_, i); }
  int64_t source_line(size_t i) const { return source_line_.empty() ? 0 : source_line_[i]; }

  // Row i as an Incident (for details panels, convert, validate).
  Incident incident(size_t i) const;

  // Candidate range for a window in O(log n). See WindowRange.
  WindowRange window(DayInterval w) const;
  // Calls f(row) for every incident overlapping w, in row order within each part.
  template <class F>
  void for_each_in_window(DayInterval w, F&& f) const {
    const WindowRange r = window(w);
    for (uint32_t i = r.first; i < r.last; ++i)
      if (end_day_[i] > w.start_day) f(i);
    for (uint32_t i : long_rows_) {
      if (start_day_[i] > r.long_cutoff_day) break;
      if (end_day_[i] > w.start_day) f(i);
    }
  }
  size_t count_in_window(DayInterval w) const;

  // Whole time extent [min start, max end); {0,0} when empty.
  DayInterval extent() const;
  // Bytes held by this object's columns (for the memory benchmark).
  size_t memory_bytes() const;

  std::string name;  // shown in the UI: file name or "bundled"
  std::string path;  // file it was loaded from

 private:
  friend class DatasetBuilder;
  static std::string_view text(const StringColumn& c, size_t i) { return c.size() ? c[i] : std::string_view{}; }

  std::vector<int32_t> start_day_, end_day_;
  std::vector<float> lon_deg_, lat_deg_;
  std::vector<int32_t> killed_, wounded_;
  std::vector<EventType> type_;
  std::vector<LocationPrecision> loc_precision_;
  std::vector<uint8_t> date_precision_, flags_;
  std::vector<uint32_t> long_rows_;
  std::vector<int64_t> source_line_;  // empty for bulk-loaded data
  StringColumn id_, place_, admin1_, country_, summary_, sources_;
};

// Collects rows in any order; build() sorts them by start (stable) and indexes long intervals.
class DatasetBuilder {
 public:
  void reserve(size_t n);
  void add(const Incident& inc);
  // Text columns that add() fills, bit i for id, place, admin1, country, summary, sources (all by
  // default). A loader that knows its file has no such column skips it: no offsets per row.
  void set_text_columns(unsigned mask) { text_mask_ = mask; }
  // Appends other's rows after this builder's (parallel loaders build one builder per chunk).
  void append(DatasetBuilder&& other);
  // Appends a built dataset's rows, moving its columns (no per-row copy): the viewer adds a
  // file of millions of rows to what is loaded this way. build() re-sorts by start day.
  void append(Dataset&& other);
  // Bulk path for large files: no text columns, no line numbers.
  void add_point(DayInterval when, DatePrecision start_precision, float lon_deg, float lat_deg,
                 EventType type, int32_t killed);
  size_t size() const { return d_.start_day_.size(); }
  Dataset build() &&;

 private:
  Dataset d_;
  bool has_text_ = false;
  unsigned text_mask_ = 0x3F;
};

}  // namespace driftmap::core
