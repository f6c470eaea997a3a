// The fast path for large incident CSVs in driftmap's own schema (issue 6): the file is
// memory-mapped, split into chunks at line boundaries, and the chunks are parsed by several
// threads (numbers with fast_float) straight into dataset columns.
//
// It loads only files the OGR path in incident_loader.cpp would accept without a single problem,
// and gives the same dataset. Anything else makes it decline (nullopt) and load_incidents() reads
// the file through OGR, which then reports the problems: so every message and line number comes
// from one place. It declines on: a column mapping, a non-.csv name, an encoding other than UTF-8
// (BOM allowed), NUL bytes, another delimiter, a column outside driftmap's schema or named twice,
// a quoted field that spans lines (or any quote not around a whole field), blank lines, CR
// without LF, a row with a different number of fields than the header, and any value the OGR path
// would report (bad date, coordinate, type, precision, count, flag, duplicate id).
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
