// The fast path for large incident CSVs in driftmap's own schema: the file is memory-mapped,
// split into chunks at line boundaries, and the chunks are split by the one CSV tokenizer and
// decoded by the one row decoder on several threads, straight into dataset columns.
//
// It loads only files the full reader (csv_incident_reader.hpp) would accept without a single
// problem, and gives the same dataset. Anything else makes it decline (nullopt) and
// load_incidents() reads the file with the full reader, which then reports the problems: so
// every message and line number comes from one place. It declines on: a column mapping or an
// encoding option, a non-.csv name, a `.csvt` sidecar (warned about), text that is not UTF-8
// (BOM allowed), another delimiter, a column outside driftmap's schema or named twice, a quote
// left open at a chunk's end, a lone CR, a row with a different number of fields than the
// header, and any value the row decoder reports (bad date, coordinate, type, precision, count,
// flag) or a duplicate id.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "core/incident_loader.hpp"

namespace driftmap::core {

struct FastCsvOptions {
  unsigned threads = 0;                 // 0: std::thread::hardware_concurrency(), at least 2
  size_t min_chunk_bytes = size_t(1) << 20;  // files below twice this are parsed on one thread
};

// Loads path when the fast path applies; otherwise nullopt and, when declined is given, one line
// saying why (for tests and --verbose).
std::optional<LoadResult> load_incidents_fast_csv(const std::string& path, const LoadOptions& options,
                                                  const FastCsvOptions& fast = {}, std::string* declined = nullptr);

}  // namespace driftmap::core
