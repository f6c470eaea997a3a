// Which reader reads a user's file: checks the path, detects the text encoding, then hands CSV
// text to the CSV reader and everything else to the OGR reader; load_incidents() first tries the
// parallel fast reader for large plain CSVs.
#include "core/incident_loader.hpp"

#include <filesystem>

#include "core/input/csv_incident_reader.hpp"
#include "core/input/fast_csv_reader.hpp"
#include "core/input/ogr_incident_reader.hpp"
#include "core/input/row_decoder.hpp"
#include "core/input/text_source.hpp"
#include "core/text.hpp"

namespace driftmap::core {

namespace {

namespace fs = std::filesystem;

// What makes a path unreadable before any byte is read; empty when it is fine.
std::string path_problem(const std::string& path) {
  std::error_code ec;
  if (is_network_path(path)) return "network paths and URLs are not opened (driftmap works offline)";
  if (path.starts_with("/vsi")) return "GDAL virtual paths are not accepted; give a file path";
  if (!fs::exists(path, ec)) return "no such file";
  if (fs::is_directory(path, ec)) return "is a directory, not a file";
  if (!fs::is_regular_file(path, ec)) return "is not a regular file";
  if (fs::file_size(path, ec) == 0) return "file is empty";
  return {};
}

bool is_csv_name(const std::string& ext) { return ext == ".csv" || ext == ".tsv" || ext == ".txt"; }
bool is_json_name(const std::string& ext) {
  return ext == ".geojson" || ext == ".json" || ext == ".geojsonl" || ext == ".geojsons";
}

// A guessed single-byte encoding decided what the bytes ≥ 0x80 mean: said, so a wrong guess is seen.
void warn_guessed_encoding(const std::string& path, const TextSource& src, Problems& problems) {
  if (!src.encoding().guessed) return;
  int64_t first_line = 0;
  const size_t n = count_high_bytes(src.bytes(), &first_line);
  const std::string& name = src.encoding().name;
  problems.warning(path, first_line, "", "encoding guessed as " + name + ": " + std::to_string(n) +
                                             " bytes above 0x7F were read as " + name +
                                             " characters; if the text looks wrong, give --encoding NAME");
}

// A `.csvt` file beside a CSV types its columns for OGR-based tools; driftmap reads every column
// as text in every command, so it is named rather than silently honoured by some commands.
void warn_sidecar(const std::string& path, Problems& problems) {
  for (const char* ext : {".csvt", ".CSVT"}) {
    fs::path sidecar = fs::path(path).replace_extension(ext);
    std::error_code ec;
    if (fs::exists(sidecar, ec)) {
      problems.warning(path, 0, "", sidecar.filename().string() +
                                        " (column types) is ignored: driftmap reads every column as text");
      return;
    }
  }
}

// GeoJSON that is not a FeatureCollection: a bare geometry or a single Feature would be read as
// a one-feature layer. Looks at the top-level "type" within the head only.
bool check_feature_collection(std::string_view head, const std::string& path, Problems& problems);

}  // namespace

bool is_network_path(std::string_view path) {
  static const char* kPrefixes[] = {"/vsicurl", "/vsis3", "/vsigs", "/vsiaz", "/vsiadls", "/vsioss", "/vsiswift",
                                    "/vsiwebhdfs", "/vsihdfs", "http://", "https://", "ftp://", "ftps://"};
  const std::string lower = to_lower_ascii(path);
  for (const char* p : kPrefixes)
    if (lower.find(p) != std::string::npos) return true;
  return false;
}

ParsedRows parse_incident_file(const std::string& path, const LoadOptions& options) {
  ParsedRows out;
  Problems& problems = out.problems;
  if (const std::string why = path_problem(path); !why.empty()) {
    problems.error(path, 0, "", why);
    return out;
  }
  std::string error;
  int64_t error_line = 0;
  std::optional<TextSource> source = TextSource::open(path, options.encoding, &error, &error_line);
  if (!source) {
    problems.error(path, error_line, "", error);
    return out;
  }
  const std::string ext = to_lower_ascii(fs::path(path).extension().string());
  if (source->is_text()) {
    out.encoding = source->encoding().name;
    warn_guessed_encoding(path, *source, problems);
  }
  if (is_csv_name(ext) && source->is_text()) {
    warn_sidecar(path, problems);
    read_csv_incidents(path, source->text(), options, out);
    return out;
  }
  if (is_json_name(ext) && source->is_text() &&
      !check_feature_collection(source->text().substr(0, 1 << 16), path, problems))
    return out;
  const std::string_view json_text = is_json_name(ext) ? source->text() : std::string_view();
  read_ogr_incidents(path, source->ogr_path(), json_text, options, out);
  return out;
}

LoadResult load_incidents(const std::string& path, const LoadOptions& options) {
  LoadResult result;
  auto cancelled = [&] {
    result = {};
    result.problems.error(path, 0, "", "loading was cancelled");
    return std::move(result);
  };
  if (!options.force_ogr)
    if (auto fast = load_incidents_fast_csv(path, options)) return std::move(*fast);
  if (options.cancelled()) return cancelled();
  ParsedRows parsed = parse_incident_file(path, options);
  if (options.cancelled()) return cancelled();
  result.problems = std::move(parsed.problems);
  result.rows_read = parsed.rows.size() + parsed.invalid_rows;
  result.rows_skipped = parsed.invalid_rows;
  if (!parsed.file_ok) return result;
  if (result.problems.has_errors() && !options.skip_invalid) return result;
  if (parsed.rows.empty()) {
    if (!result.problems.has_errors()) result.problems.error(path, 0, "", "contains no incidents");
    return result;
  }
  DatasetBuilder b;
  b.reserve(parsed.rows.size());
  for (auto& inc : parsed.rows) b.add(inc);
  result.dataset = std::move(b).build();
  result.dataset->path = path;
  result.dataset->name = fs::path(path).filename().string();
  return result;
}

namespace {

bool check_feature_collection(std::string_view head, const std::string& path, Problems& problems) {
  size_t i = 0;
  auto skip_space = [&] {
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) ++i;
  };
  // Reads the JSON string starting at head[i] == '"'; false when it runs past the head.
  auto read_string = [&](std::string* value) {
    for (++i; i < head.size(); ++i) {
      if (head[i] == '\\') {
        ++i;
        if (value && i < head.size()) *value += head[i];
      } else if (head[i] == '"') {
        ++i;
        return true;
      } else if (value) {
        *value += head[i];
      }
    }
    return false;
  };
  skip_space();
  if (i >= head.size()) return true;
  if (head[i] == '[') {
    problems.error(path, 0, "", "is a JSON array, not a GeoJSON FeatureCollection");
    return false;
  }
  if (head[i] != '{') return true;
  for (int depth = 0; i < head.size();) {
    const char c = head[i];
    if (c == '"') {
      std::string key;
      if (!read_string(depth == 1 ? &key : nullptr)) return true;
      if (depth != 1 || key != "type") continue;
      skip_space();
      if (i >= head.size() || head[i] != ':') continue;
      ++i;
      skip_space();
      if (i >= head.size() || head[i] != '"') continue;
      std::string type;
      if (!read_string(&type)) return true;
      if (type == "FeatureCollection") return true;
      problems.error(path, 0, "", "is a GeoJSON " + quote_value(type) +
                                      ", not a FeatureCollection (incidents are the point features of a FeatureCollection)");
      return false;
    }
    if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') --depth;
    ++i;
  }
  return true;
}

}  // namespace

}  // namespace driftmap::core
