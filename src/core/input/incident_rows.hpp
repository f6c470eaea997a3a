// What the CSV and OGR readers share once a file's columns and rows are split: binding columns
// to driftmap fields through the file's input schema (with --map), the column checks, and per
// row the decoder, the schema's own rules, duplicate ids, geocoding by name and the kept columns.
#pragma once
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/geocoder.hpp"
#include "core/incident_loader.hpp"
#include "core/input/row_decoder.hpp"
#include "core/input/schemas/input_schema.hpp"

namespace driftmap::core {

class IncidentRows {
 public:
  // rows_are_features: problems name "feature N" (OGR sources) instead of a line.
  IncidentRows(const std::string& path, const LoadOptions& options, ParsedRows& out, bool rows_are_features);

  // Binds the file's column names (as written) and reports what is missing, doubled or unused
  // (CSV problems on line 1). has_geometry: the source has a geometry column. False on errors.
  bool bind_columns(const std::vector<std::string>& names, bool has_geometry);

  // Where row `line`'s problems go; a reader may report its own (e.g. too many fields) first.
  RowReport report(int64_t line);
  // Reads one row into out (or counts it invalid). value(i): column i's value (untrimmed; empty
  // when null or absent). locate: for sources with geometries, places a row without lat/lon;
  // for a row whose place is not stated it only checks that there is no geometry.
  using ValueOf = std::function<std::string_view(int column)>;
  using Locate = std::function<bool(Incident&, RowReport&, bool place_not_stated)>;
  void add_row(RowReport& r, const ValueOf& value, const Locate& locate = {});

  // Whole-file checks after the last row.
  void finish();
  size_t column_count() const { return column_count_; }

 private:
  void bind_field(IncidentField field, int line);
  void check_unused(const std::vector<std::string>& names, int line);
  void apply_schema(const ValueOf& value, Incident& inc, RowReport& r);
  void geocode(Incident& inc, RowReport& r);

  const std::string& path_;
  const LoadOptions& options_;
  ParsedRows& out_;
  bool rows_are_features_;
  const InputSchema* schema_ = nullptr;
  size_t column_count_ = 0;
  std::array<int, kIncidentFieldCount> column_of_{};
  std::unordered_map<std::string, int> column_by_name_;  // lower case, first of each name
  std::vector<int> attribute_columns_;
  DecodeRules rules_;
  std::optional<Geocoder> geocoder_;
  std::unordered_map<std::string, int64_t> first_line_of_id_;
};

}  // namespace driftmap::core
