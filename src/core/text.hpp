// Text helpers shared by loaders and lookups: name folding for case- and diacritic-insensitive
// matching, UTF-8 checks, trimming.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace driftmap::core {

// Lower-cases, strips diacritics (Latin ranges: Jalālābād → jalalabad, Hérat → herat), maps
// apostrophes/dots to nothing and hyphens/underscores/repeated spaces to one space.
// "K.P." → "kp", "Khyber-Pakhtunkhwa" → "khyber pakhtunkhwa", "Mazār-i-Sharīf" → "mazar i sharif".
std::string fold_name(std::string_view utf8);

bool is_valid_utf8(std::string_view s, size_t* bad_offset = nullptr);
// Appends code point cp encoded as UTF-8.
void append_utf8(std::string& out, uint32_t cp);
std::string_view trim(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);
std::string to_lower_ascii(std::string_view s);
// s safe to print on a terminal, in a log or a dialog: control characters (C0, DEL, C1, which
// include terminal escape sequences) become \n, \t, \e or \xNN / \u{NN}, and bytes that are
// not UTF-8 become \xNN; everything else is kept.
std::string printable(std::string_view s);
// One line of text safe to write into any document format (XML, PDF, terminals): invalid UTF-8
// becomes U+FFFD, tabs and line breaks a space, other control characters (C0, DEL, C1) and
// the non-characters U+FFFE/U+FFFF are dropped.
std::string printable_line(std::string_view utf8);

}  // namespace driftmap::core
