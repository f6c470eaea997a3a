// Parallel reader for driftmap-schema CSVs; see fast_csv_reader.hpp for what it accepts and why
// it declines everything else.
#include "core/input/fast_csv_reader.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <thread>
#include <unordered_set>
#include <vector>

#include "core/input/csv_tokenizer.hpp"
#include "core/input/mapped_file.hpp"
#include "core/input/row_decoder.hpp"
#include "core/text.hpp"

namespace driftmap::core {

namespace {

namespace fs = std::filesystem;
using F = IncidentField;

struct Header {
  int column_of[kIncidentFieldCount];  // file column per field, -1 = absent
  size_t columns = 0;
  unsigned text_mask = 0;              // DatasetBuilder::set_text_columns bits
};

std::optional<Header> parse_header(std::string_view text, std::string* why) {
  Header h;
  std::fill(std::begin(h.column_of), std::end(h.column_of), -1);
  const std::vector<std::string> names = csv_header_names(text, ',');
  for (const std::string& name : names) {
    const auto f = field_of_column(name);
    if (!f) {
      *why = "column '" + name.substr(0, 60) + "' is not in driftmap's schema";
      return std::nullopt;
    }
    int& col = h.column_of[static_cast<size_t>(*f)];
    if (col >= 0) {
      *why = "two columns for one field";
      return std::nullopt;
    }
    col = int(h.columns++);
  }
  auto has = [&](F f) { return h.column_of[static_cast<size_t>(f)] >= 0; };
  if (!has(F::DateStart) || !has(F::Lat) || !has(F::Lon)) {
    *why = "no date or no lat/lon column";
    return std::nullopt;
  }
  const F text_fields[] = {F::Id, F::Place, F::Admin1, F::Country, F::Summary, F::Sources};
  for (int k = 0; k < 6; ++k)
    if (has(text_fields[k])) h.text_mask |= 1u << k;
  return h;
}

struct Chunk {
  const char* begin = nullptr;
  const char* end = nullptr;
  size_t lines = 0;
  int64_t first_line = 0;
  DatasetBuilder builder;
  std::vector<std::string_view> ids;  // trimmed; into the file, or into quoted_ids
  std::deque<std::string> quoted_ids;
  std::string declined;               // non-empty: why this chunk could not be read
};

// No NUL and valid UTF-8. Pure ASCII is checked 8 bytes at a time: this scan reads every byte of
// a file of millions of rows, and a byte loop cost a tenth of the load.
bool valid_text(const char* b, const char* e) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const char* p = b;
  for (; e - p >= 8; p += 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    if ((w & kHigh) | ((w - kOnes) & ~w & kHigh)) break;  // a byte >= 0x80, or a zero byte
  }
  const size_t rest = size_t(e - p);
  if (std::memchr(p, '\0', rest)) return false;
  for (const char* q = p; q < e; ++q)
    if (static_cast<unsigned char>(*q) >= 0x80) return is_valid_utf8(std::string_view(q, size_t(e - q)));
  return true;
}

void parse_chunk(Chunk& c, const Header& h, const std::atomic<bool>& stop, const LoadOptions& options) {
  c.builder.set_text_columns(h.text_mask);
  if (!valid_text(c.begin, c.end)) {
    c.declined = "not UTF-8 text";
    return;
  }
  CsvTokenizer t(std::string_view(c.begin, size_t(c.end - c.begin)), ',', c.first_line);
  const std::string no_file;
  RowReport report{&no_file};  // no problems list: an error only marks the row
  const DecodeRules rules;
  RowValues v{};
  Incident inc;
  for (size_t row = 0; t.next(); ++row) {
    if ((row & 0xFFFF) == 0 && (stop.load(std::memory_order_relaxed) || options.cancelled())) {
      if (c.declined.empty() && options.cancelled()) c.declined = "cancelled";
      return;
    }
    const auto& fields = t.fields();
    if (fields.size() != h.columns) {
      c.declined = "a row with another number of fields than the header";
      return;
    }
    for (size_t f = 0; f < kIncidentFieldCount; ++f)
      if (h.column_of[f] >= 0) v[f] = trim(fields[size_t(h.column_of[f])]);
    report.line = t.line();
    if (!decode_row(v, rules, inc, report) || report.bad) {
      c.declined = "a value the full reader reports";
      return;
    }
    if (const std::string_view id = v[size_t(F::Id)]; !id.empty())
      c.ids.push_back(id.data() >= c.begin && id.data() < c.end ? id : std::string_view(c.quoted_ids.emplace_back(id)));
    c.builder.add(inc);
  }
  if (t.unclosed_quote()) c.declined = "a quote still open at the end of a chunk";
  else if (t.saw_lone_cr()) c.declined = "a CR without LF";
}

// Chunks of whole lines, about equal in size, one per thread.
std::vector<Chunk> split_chunks(const char* data, const char* end, const FastCsvOptions& fast) {
  const unsigned threads = fast.threads ? fast.threads : std::max(2u, std::thread::hardware_concurrency());
  const size_t bytes = size_t(end - data);
  const size_t n_chunks = std::clamp<size_t>(bytes / std::max<size_t>(1, fast.min_chunk_bytes), 1, threads);
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
  return chunks;
}

// Runs f on every chunk, one thread each.
template <class F>
void for_each_chunk(std::vector<Chunk>& chunks, F&& f) {
  if (chunks.size() == 1) return f(chunks[0]);
  std::vector<std::thread> pool;
  for (size_t k = 1; k < chunks.size(); ++k) pool.emplace_back([&, k] { f(chunks[k]); });
  f(chunks[0]);
  for (auto& t : pool) t.join();
}

// Counts the lines of each chunk (so each knows its first line), then parses them all; returns
// the number of lines. A chunk that declines stops the others early.
size_t parse_chunks(std::vector<Chunk>& chunks, const Header& header, const LoadOptions& options) {
  for_each_chunk(chunks, [](Chunk& c) {
    c.lines = size_t(std::count(c.begin, c.end, '\n'));
    if (c.end > c.begin && c.end[-1] != '\n') ++c.lines;
  });
  size_t total = 0;
  for (auto& c : chunks) {
    c.first_line = int64_t(total) + 2;  // line 1 is the header
    total += c.lines;
  }
  // The first chunk's builder gets room for every row, so appending copies once.
  chunks[0].builder.reserve(total);
  for (size_t k = 1; k < chunks.size(); ++k) chunks[k].builder.reserve(chunks[k].lines);
  std::atomic<bool> stop{false};
  for_each_chunk(chunks, [&](Chunk& c) {
    parse_chunk(c, header, stop, options);
    if (!c.declined.empty()) stop = true;
  });
  return total;
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
  if (!options.encoding.empty()) return decline("an encoding was given");
  if (is_network_path(path) || path.starts_with("/vsi")) return decline("not a local path");
  if (to_lower_ascii(fs::path(path).extension().string()) != ".csv") return decline("not a .csv file name");
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return decline("not a regular file");
  if (fs::exists(fs::path(path).replace_extension(".csvt"), ec) || fs::exists(fs::path(path).replace_extension(".CSVT"), ec))
    return decline("a .csvt sidecar (the full reader says it is ignored)");
  const MappedFile file(path);
  if (!file.data()) return decline("cannot be mapped (empty or unreadable)");

  const char* const begin = file.data();
  const char* const end = begin + file.size();
  const char* p = begin;
  if (file.size() >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
  if (!nl) return decline("no line after the header");
  if (detect_delimiter(std::string_view(p, size_t(nl - p))) != ',') return decline("another delimiter");
  const auto header = parse_header(std::string_view(p, size_t(nl + 1 - p)), &why_not);
  if (!header) return decline(why_not);
  const char* data = nl + 1;
  if (data >= end) return decline("header only");

  std::vector<Chunk> chunks = split_chunks(data, end, fast);
  const size_t total = parse_chunks(chunks, *header, options);
  for (const auto& c : chunks)
    if (!c.declined.empty()) return decline(c.declined);

  if (header->column_of[size_t(F::Id)] >= 0) {
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
