// Parallel reader for driftmap-schema CSVs; see fast_csv.hpp for what it accepts and why it
// declines everything else.
#include "core/fast_csv.hpp"

#include <fast_float/fast_float.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <thread>
#include <unordered_set>
#include <vector>

#include "core/text.hpp"

namespace driftmap::core {

namespace {

namespace fs = std::filesystem;

// Canonical fields, in the order of incident_loader.cpp's field_specs().
enum Field : int {
  kId, kDateStart, kDateEnd, kEventType, kPlace, kAdmin1, kCountry, kLocationPrecision, kLat, kLon, kKilled,
  kWounded, kDisputed, kSummary, kSources, kDateBasis, kFieldCount
};

std::optional<Field> field_of(std::string_view lower) {
  static const std::pair<const char*, Field> kNames[] = {
      {"id", kId},         {"date_start", kDateStart}, {"date", kDateStart},
      {"date_end", kDateEnd}, {"event_type", kEventType}, {"place", kPlace},
      {"admin1", kAdmin1}, {"country", kCountry},     {"location_precision", kLocationPrecision},
      {"lat", kLat},       {"latitude", kLat},        {"lon", kLon},
      {"longitude", kLon}, {"killed", kKilled},       {"wounded", kWounded},
      {"casualties_disputed", kDisputed}, {"summary", kSummary}, {"sources", kSources},
      {"date_basis", kDateBasis}};
  for (const auto& [name, f] : kNames)
    if (lower == name) return f;
  return std::nullopt;
}

// Read-only memory map of a whole file.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      void* p = ::mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = static_cast<const char*>(p);
        size_ = size_t(st.st_size);
        ::madvise(p, size_, MADV_SEQUENTIAL);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  const char* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

bool parse_int(std::string_view s, int32_t& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// fast_float for the common case; anything it would not round exactly like std::from_chars (the
// OGR path's parser) does, such as zero, subnormals, overflow, inf/nan, goes to std::from_chars.
bool parse_double(std::string_view s, double& out) {
  if (s.empty() || s[0] == '+') return false;
  const char* end = s.data() + s.size();
  auto r = fast_float::from_chars(s.data(), end, out);
  if (r.ec == std::errc() && r.ptr == end && std::fpclassify(out) == FP_NORMAL) return true;
  auto q = std::from_chars(s.data(), end, out);
  return q.ec == std::errc() && q.ptr == end;
}

bool iequals(std::string_view a, const char* b) {
  const size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (size_t i = 0; i < n; ++i)
    if ((a[i] >= 'A' && a[i] <= 'Z' ? char(a[i] + 32) : a[i]) != b[i]) return false;
  return true;
}

struct Header {
  int column_of[kFieldCount];  // file column per canonical field, -1 = absent
  size_t columns = 0;
  unsigned text_mask = 0;      // DatasetBuilder::set_text_columns bits
};

std::optional<Header> parse_header(std::string_view line, std::string* why) {
  Header h;
  std::fill(std::begin(h.column_of), std::end(h.column_of), -1);
  size_t col = 0;
  for (std::string_view name : split(line, ',')) {
    for (char c : name)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        *why = "header name is not a plain identifier";
        return std::nullopt;
      }
    const auto f = field_of(to_lower_ascii(name));
    if (!f) {
      *why = "column '" + std::string(name) + "' is not in driftmap's schema";
      return std::nullopt;
    }
    if (h.column_of[*f] >= 0) {
      *why = "two columns for one field";
      return std::nullopt;
    }
    h.column_of[*f] = int(col++);
  }
  h.columns = col;
  if (h.column_of[kDateStart] < 0 || h.column_of[kLat] < 0 || h.column_of[kLon] < 0) {
    *why = "no date or no lat/lon column";
    return std::nullopt;
  }
  const Field text[] = {kId, kPlace, kAdmin1, kCountry, kSummary, kSources};
  for (int k = 0; k < 6; ++k)
    if (h.column_of[text[k]] >= 0) h.text_mask |= 1u << k;
  return h;
}

struct Chunk {
  const char* begin = nullptr;
  const char* end = nullptr;
  size_t lines = 0;
  int64_t first_line = 0;
  DatasetBuilder builder;
  std::vector<std::string_view> ids;  // trimmed, in the file's bytes
  std::string declined;               // non-empty: why this chunk could not be read
};

// One data line into a row. Returns false (and sets why) for anything the OGR path would report
// or read differently.
class RowParser {
 public:
  explicit RowParser(const Header& h) : h_(h) {}

  bool parse(std::string_view line, int64_t line_no, Chunk& c) {
    std::array<std::string_view, kFieldCount> v{};
    if (!split_line(line, c)) return false;
    for (int f = 0; f < kFieldCount; ++f)
      if (h_.column_of[f] >= 0) v[size_t(f)] = trim(fields_[size_t(h_.column_of[f])]);

    Incident& inc = inc_;
    std::string err;
    auto span = parse_date_span(v[kDateStart], v[kDateEnd], &err);
    if (!span) return decline(c, "date");
    inc.date = *span;
    double lat, lon;
    if (!parse_double(v[kLat], lat) || !std::isfinite(lat) || lat < -90 || lat > 90) return decline(c, "lat");
    if (!parse_double(v[kLon], lon) || !std::isfinite(lon) || lon < -180 || lon > 180) return decline(c, "lon");
    inc.lat_deg = lat;
    inc.lon_deg = lon;
    inc.type = EventType::Other;
    if (!v[kEventType].empty()) {
      const auto t = parse_event_type(v[kEventType]);
      if (!t) return decline(c, "event_type");
      inc.type = *t;
    }
    inc.location_precision = LocationPrecision::City;
    if (!v[kLocationPrecision].empty()) {
      const auto p = parse_location_precision(v[kLocationPrecision]);
      // Rows without a stated place (no coordinates) are the OGR path's to check.
      if (!p || *p == LocationPrecision::None) return decline(c, "location_precision");
      inc.location_precision = *p;
    }
    const auto basis = parse_date_basis(v[kDateBasis]);
    if (!basis) return decline(c, "date_basis");
    inc.date_basis = *basis;
    inc.killed = inc.wounded = kUnknownCount;
    if (!v[kKilled].empty() && (!parse_int(v[kKilled], inc.killed) || inc.killed < 0)) return decline(c, "killed");
    if (!v[kWounded].empty() && (!parse_int(v[kWounded], inc.wounded) || inc.wounded < 0))
      return decline(c, "wounded");
    const std::string_view d = v[kDisputed];
    if (d.empty() || iequals(d, "false") || iequals(d, "0") || iequals(d, "no")) inc.casualties_disputed = false;
    else if (iequals(d, "true") || iequals(d, "1") || iequals(d, "yes")) inc.casualties_disputed = true;
    else return decline(c, "casualties_disputed");
    if (!v[kId].empty()) {
      if (!escaped_[size_t(h_.column_of[kId])]) c.ids.push_back(v[kId]);
      else return decline(c, "id with escaped quotes");
    }
    if (h_.text_mask) {
      inc.id.assign(v[kId]);
      inc.place.assign(v[kPlace]);
      inc.admin1.assign(v[kAdmin1]);
      inc.country.assign(v[kCountry]);
      inc.summary.assign(v[kSummary]);
      inc.sources.assign(v[kSources]);
    }
    inc.source_line = line_no;
    c.builder.add(inc);
    return true;
  }

 private:
  bool decline(Chunk& c, const char* what) {
    c.declined = std::string("a value the OGR path reports or reads differently (") + what + ")";
    return false;
  }

  // Splits on ','. A quoted field must be quoted as a whole and close on this line.
  bool split_line(std::string_view line, Chunk& c) {
    size_t n = 0;
    size_t i = 0;
    const size_t len = line.size();
    while (true) {
      if (n == h_.columns) return decline(c, "more fields than the header");
      escaped_[n] = false;
      if (i < len && line[i] == '"') {
        std::string& buf = scratch_[n];
        buf.clear();
        size_t j = i + 1;
        bool closed = false;
        while (j < len) {
          const size_t q = line.find('"', j);
          if (q == std::string_view::npos) break;
          buf.append(line.substr(j, q - j));
          if (q + 1 < len && line[q + 1] == '"') {
            buf.push_back('"');
            escaped_[n] = true;
            j = q + 2;
          } else {
            j = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) return decline(c, "a quoted field that does not close on its line");
        if (j < len && line[j] != ',') return decline(c, "text after a closing quote");
        fields_[n] = escaped_[n] ? std::string_view(buf) : line.substr(i + 1, j - i - 2);
        ++n;
        if (j >= len) break;
        i = j + 1;
      } else {
        const size_t comma = line.find(',', i);
        const std::string_view f = line.substr(i, comma == std::string_view::npos ? len - i : comma - i);
        if (f.find('"') != std::string_view::npos) return decline(c, "a quote inside a field");
        fields_[n++] = f;
        if (comma == std::string_view::npos) break;
        i = comma + 1;
      }
    }
    if (n != h_.columns) return decline(c, "fewer fields than the header");
    return true;
  }

  const Header& h_;
  Incident inc_;
  std::array<std::string_view, kFieldCount> fields_{};
  std::array<std::string, kFieldCount> scratch_{};
  std::array<bool, kFieldCount> escaped_{};
};

bool valid_text(const char* b, const char* e) {
  if (std::memchr(b, '\0', size_t(e - b))) return false;
  for (const char* p = b; p < e; ++p)
    if (static_cast<unsigned char>(*p) >= 0x80) return is_valid_utf8(std::string_view(p, size_t(e - p)));
  return true;
}

void parse_chunk(Chunk& c, const Header& h, const std::atomic<bool>& stop) {
  c.builder.set_text_columns(h.text_mask);
  if (!valid_text(c.begin, c.end)) {
    c.declined = "not UTF-8 text";
    return;
  }
  RowParser rp(h);
  const char* p = c.begin;
  int64_t line_no = c.first_line;
  while (p < c.end) {
    if (((line_no - c.first_line) & 0xFFFF) == 0 && stop.load(std::memory_order_relaxed)) return;
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(c.end - p)));
    const char* e = nl ? nl : c.end;
    const char* le = (e > p && e[-1] == '\r') ? e - 1 : e;
    const std::string_view line(p, size_t(le - p));
    if (line.empty()) {
      c.declined = "a blank line";
      return;
    }
    if (line.find('\r') != std::string_view::npos) {
      c.declined = "a CR without LF";
      return;
    }
    if (!rp.parse(line, line_no, c)) return;
    ++line_no;
    p = nl ? nl + 1 : c.end;
  }
}

}  // namespace

std::optional<LoadResult> load_incidents_fast_csv(const std::string& path, const LoadOptions& options,
                                                  const FastCsvOptions& fast, std::string* declined) {
  std::string why_not;
  auto decline = [&](std::string why) -> std::optional<LoadResult> {
    if (declined) *declined = std::move(why);
    return std::nullopt;
  };
  if (!options.column_map.empty()) return decline("a column mapping");
  if (is_network_path(path) || path.starts_with("/vsi")) return decline("not a local path");
  if (to_lower_ascii(fs::path(path).extension().string()) != ".csv") return decline("not a .csv file name");
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return decline("not a regular file");
  const MappedFile file(path);
  if (!file.data()) return decline("cannot be mapped (empty or unreadable)");

  const char* const begin = file.data();
  const char* const end = begin + file.size();
  const char* p = begin;
  if (file.size() >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
  if (!nl) return decline("no line after the header");
  std::string_view header_line(p, size_t(nl - p));
  if (header_line.ends_with('\r')) header_line.remove_suffix(1);
  const auto header = parse_header(header_line, &why_not);
  if (!header) return decline(why_not);
  const char* data = nl + 1;
  if (data >= end) return decline("header only");

  // Chunks at line starts.
  unsigned threads = fast.threads ? fast.threads : std::max(2u, std::thread::hardware_concurrency());
  const size_t bytes = size_t(end - data);
  const size_t min_chunk = std::max<size_t>(1, fast.min_chunk_bytes);
  const size_t n_chunks = std::clamp<size_t>(bytes / min_chunk, 1, threads);
  std::vector<Chunk> chunks(n_chunks);
  const char* cur = data;
  for (size_t k = 0; k < n_chunks; ++k) {
    chunks[k].begin = cur;
    const char* target = k + 1 == n_chunks ? end : std::max(cur, data + bytes * (k + 1) / n_chunks);
    if (target < end) {
      const char* q = static_cast<const char*>(std::memchr(target, '\n', size_t(end - target)));
      target = q ? q + 1 : end;
    }
    chunks[k].end = target;
    cur = target;
  }

  auto run = [&](auto&& f) {
    if (chunks.size() == 1) return f(chunks[0]);
    std::vector<std::thread> pool;
    for (size_t k = 1; k < chunks.size(); ++k) pool.emplace_back([&, k] { f(chunks[k]); });
    f(chunks[0]);
    for (auto& t : pool) t.join();
  };
  // Pass 1: lines per chunk (rows are lines: blank lines and multi-line fields decline).
  run([](Chunk& c) {
    c.lines = size_t(std::count(c.begin, c.end, '\n'));
    if (c.end > c.begin && c.end[-1] != '\n') ++c.lines;
  });
  size_t total = 0;
  for (auto& c : chunks) {
    c.first_line = int64_t(total) + 2;  // line 1 is the header
    total += c.lines;
  }
  // Pass 2: parse. The first chunk's builder gets room for every row, so appending copies once.
  chunks[0].builder.reserve(total);
  for (size_t k = 1; k < chunks.size(); ++k) chunks[k].builder.reserve(chunks[k].lines);
  std::atomic<bool> stop{false};
  run([&](Chunk& c) {
    parse_chunk(c, *header, stop);
    if (!c.declined.empty()) stop = true;
  });
  for (const auto& c : chunks)
    if (!c.declined.empty()) return decline(c.declined);

  if (header->column_of[kId] >= 0) {
    std::unordered_set<std::string_view> seen;
    seen.reserve(total);
    for (const auto& c : chunks)
      for (std::string_view id : c.ids)
        if (!seen.insert(id).second) return decline("duplicate id");
  }

  DatasetBuilder b = std::move(chunks[0].builder);
  for (size_t k = 1; k < chunks.size(); ++k) b.append(std::move(chunks[k].builder));
  chunks.clear();
  LoadResult result;
  result.rows_read = b.size();
  result.dataset = std::move(b).build();
  result.dataset->path = path;
  result.dataset->name = fs::path(path).filename().string();
  return result;
}

}  // namespace driftmap::core
