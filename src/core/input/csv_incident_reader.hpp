// Reads a CSV incident file (any delimiter, already UTF-8) with the one CSV tokenizer: the header,
// every row with the line it starts on, and the problems of both. OGR is not involved, so a
// `.csvt` sidecar of column types changes nothing (every command reads the same values).
#pragma once
#include <string>
#include <string_view>

#include "core/incident_loader.hpp"

namespace driftmap::core {

void read_csv_incidents(const std::string& path, std::string_view utf8_text, const LoadOptions& options,
                        ParsedRows& out);

}  // namespace driftmap::core
