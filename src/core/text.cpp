#include "core/text.hpp"

#include <cstdint>
#include <cstdio>

namespace driftmap::core {

namespace {

// Decodes one UTF-8 code point at s[i]; returns 0xFFFD and advances one byte on invalid input.
uint32_t decode(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0 && b0 >= 0xC2) {
    const int c1 = cont(1);
    if (c1 >= 0) {
      i += 2;
      return ((b0 & 0x1F) << 6) | c1;
    }
  } else if ((b0 & 0xF0) == 0xE0) {
    const int c1 = cont(1), c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      const uint32_t cp = ((b0 & 0x0F) << 12) | (c1 << 6) | c2;
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        i += 3;
        return cp;
      }
    }
  } else if ((b0 & 0xF8) == 0xF0 && b0 <= 0xF4) {
    const int c1 = cont(1), c2 = cont(2), c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      const uint32_t cp = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (cp >= 0x10000 && cp <= 0x10FFFF) {
        i += 4;
        return cp;
      }
    }
  }
  ++i;
  return 0xFFFD;
}

// Base letters for U+00C0..U+00FF and U+0100..U+017F ('*' = no single-letter base).
constexpr std::string_view kLatin1 = "aaaaaa*ceeeeiiiidnooooo*ouuuuy*saaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllln"
    "nnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";


// Latin Extended Additional letters common in transliterated Arabic/Persian/Pashto names.
char latin_ext_additional(uint32_t cp) {
  if (cp < 0x1E00 || cp > 0x1EFF) return 0;
  static const struct { uint32_t lo, hi; char base; } kRanges[] = {
      {0x1E00, 0x1E01, 'a'}, {0x1E02, 0x1E07, 'b'}, {0x1E08, 0x1E09, 'c'}, {0x1E0A, 0x1E13, 'd'},
      {0x1E14, 0x1E1D, 'e'}, {0x1E1E, 0x1E1F, 'f'}, {0x1E20, 0x1E21, 'g'}, {0x1E22, 0x1E2B, 'h'},
      {0x1E2C, 0x1E2F, 'i'}, {0x1E30, 0x1E35, 'k'}, {0x1E36, 0x1E3D, 'l'}, {0x1E3E, 0x1E43, 'm'},
      {0x1E44, 0x1E4B, 'n'}, {0x1E4C, 0x1E53, 'o'}, {0x1E54, 0x1E57, 'p'}, {0x1E58, 0x1E5F, 'r'},
      {0x1E60, 0x1E69, 's'}, {0x1E6A, 0x1E71, 't'}, {0x1E72, 0x1E7B, 'u'}, {0x1E7C, 0x1E7F, 'v'},
      {0x1E80, 0x1E89, 'w'}, {0x1E8A, 0x1E8D, 'x'}, {0x1E8E, 0x1E8F, 'y'}, {0x1E90, 0x1E95, 'z'},
      {0x1E96, 0x1E96, 'h'}, {0x1E97, 0x1E97, 't'}, {0x1E98, 0x1E98, 'w'}, {0x1E99, 0x1E99, 'y'},
      {0x1EA0, 0x1EB7, 'a'}, {0x1EB8, 0x1EC7, 'e'}, {0x1EC8, 0x1ECB, 'i'}, {0x1ECC, 0x1EE3, 'o'},
      {0x1EE4, 0x1EF1, 'u'}, {0x1EF2, 0x1EF9, 'y'}};
  for (const auto& r : kRanges)
    if (cp >= r.lo && cp <= r.hi) return r.base;
  return 0;
}

}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string fold_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  auto put = [&](char c) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  };
  for (size_t i = 0; i < s.size();) {
    const uint32_t cp = decode(s, i);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') put(static_cast<char>(c - 'A' + 'a'));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) put(c);
      else if (c == '.' || c == '\'' || c == '`') continue;  // "K.P." → "kp", "Ma'dan" → "madan"
      else pending_space = true;                               // spaces, hyphens, commas, ...
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      const char b = kLatin1[cp - 0xC0];
      if (cp == 0xC6 || cp == 0xE6) put('a'), put('e');
      else if (cp == 0xDF) put('s'), put('s');
      else if (cp == 0xDE || cp == 0xFE) put('t'), put('h');
      else if (b != '*') put(b);
      else pending_space = true;
    } else if (cp >= 0x100 && cp <= 0x17F) {
      put(kLatinExtA[cp - 0x100]);
    } else if (char b = latin_ext_additional(cp)) {
      put(b);
    } else if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x2BC || cp == 0x2BE || cp == 0x2BF ||
               cp == 0x2018 || cp == 0x2019 || cp == 0x2032) {
      continue;  // combining marks, ayn/hamza letters, curly apostrophes
    } else if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xFFFD) {
      pending_space = true;  // spaces, dashes, other punctuation
    } else if (cp >= 0x410 && cp <= 0x42F) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      append_utf8(out, cp + 0x20);  // Cyrillic capitals
    } else {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      append_utf8(out, cp);
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view s, size_t* bad_offset) {
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (decode(s, i) == 0xFFFD && !(b0 == 0xEF && i - at == 3)) {
      if (bad_offset) *bad_offset = at;
      return false;
    }
  }
  return true;
}

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n\v\f";
  const size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto hex = [&](const char* prefix, uint32_t v, const char* suffix) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%02X%s", prefix, static_cast<unsigned>(v), suffix);
    out += buf;
  };
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const auto b0 = static_cast<unsigned char>(s[i]);
    const uint32_t cp = decode(s, i);
    if (cp == 0xFFFD && !(b0 == 0xEF && i - at == 3)) hex("\\x", b0, "");
    else if (cp == '\n') out += "\\n";
    else if (cp == '\t') out += "\\t";
    else if (cp == 0x1B) out += "\\e";
    else if (cp < 0x20 || cp == 0x7F) hex("\\x", cp, "");
    else if (cp >= 0x80 && cp <= 0x9F) hex("\\u{", cp, "}");
    else out.append(s.substr(at, i - at));
  }
  return out;
}

std::string printable_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const uint32_t cp = decode(s, i);
    if (cp == '\t' || cp == '\n' || cp == '\r') out += ' ';
    else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF) continue;
    else append_utf8(out, cp);
  }
  return out;
}

}  // namespace driftmap::core
