#include <catch2/catch.hpp>

#include "core/input/csv_tokenizer.hpp"
#include "core/input/text_encoding.hpp"
#include "core/incident_loader.hpp"

using namespace driftmap::core;

namespace {
const std::string kImport = std::string(DRIFTMAP_TEST_DATA) + "/import/";
}

std::string name_of(std::string_view bytes, std::string_view requested = {}) {
  auto e = detect_encoding(bytes, requested);
  return e ? e->name : "(none)";
}

TEST_CASE("an encoding is detected from the BOM, else from UTF-8 validity, else guessed by uchardet") {
  CHECK(name_of("plain ascii\n") == "UTF-8");
  CHECK(name_of("Jal\xC4\x81l\xC4\x81" "b\xC4\x81" "d\n") == "UTF-8");
  CHECK(name_of("\xEF\xBB\xBFid\n") == "UTF-8 with BOM");
  CHECK(name_of(std::string("\xFF\xFEi\0d\0", 6)) == "UTF-16LE");
  CHECK(name_of(std::string("\xFE\xFF\0i\0d", 6)) == "UTF-16BE");
  const auto cp1252 = detect_encoding("H\xE9rat \x93" "centre\x94\n");
  REQUIRE(cp1252);
  CHECK(cp1252->name == "cp1252");
  CHECK(cp1252->guessed);
  CHECK(name_of("H\xE9rat\n", "KOI8-R") == "KOI8-R");  // the user's name wins
}

TEST_CASE("binary junk is not text and the error names the byte and line") {
  std::string error;
  CHECK_FALSE(detect_encoding("id\nok\n\x81\x02\xFF", {}, &error));
  CHECK(error == "is not text (control byte 0x02 on line 3); save it as UTF-8");
  CHECK_FALSE(detect_encoding(std::string("a,b\n1,\0\n", 8), {}, &error));
  CHECK(error.find("NUL") != std::string::npos);
  CHECK_FALSE(detect_encoding("a", "NO-SUCH-ENCODING", &error));
  CHECK(error == "encoding \"NO-SUCH-ENCODING\" is not known (see `iconv --list`)");
}

TEST_CASE("transcoding to UTF-8 keeps every character and every line break") {
  std::string out;
  auto enc = [](const char* name, size_t bom = 0) { return TextEncoding{name, name, false, bom}; };
  SECTION("cp1252, including the 0x80-0x9F punctuation") {
    REQUIRE(transcode_to_utf8("H\xE9rat \x93" "centre\x94\r\nx\x80", enc("WINDOWS-1252"), out));
    CHECK(out == "H\xC3\xA9rat \xE2\x80\x9C" "centre\xE2\x80\x9D\r\nx\xE2\x82\xAC");
  }
  SECTION("UTF-16LE with a surrogate pair") {
    const std::string in("\xFF\xFE" "a\0\n\0\x3D\xD8\x00\xDE", 10);  // "a\n😀"
    REQUIRE(transcode_to_utf8(in, enc("UTF-16LE", 2), out));
    CHECK(out == "a\n\xF0\x9F\x98\x80");
  }
  SECTION("UTF-16BE") {
    REQUIRE(transcode_to_utf8(std::string("\xFE\xFF\x01\x01\0\n", 6), enc("UTF-16BE", 2), out));
    CHECK(out == "\xC4\x81\n");
  }
  SECTION("an unpaired surrogate is refused with its line") {
    std::string error;
    CHECK_FALSE(transcode_to_utf8(std::string("\xFF\xFE\n\0\x00\xD8", 6), enc("UTF-16LE", 2), out, &error));
    CHECK(error.find("on line 2") != std::string::npos);
  }
  SECTION("a byte that is no character of the encoding names its line") {
    std::string error;
    CHECK_FALSE(transcode_to_utf8("ok\n\x98", enc("WINDOWS-1251"), out, &error));
    CHECK(error == "byte 0x98 on line 2 is not a WINDOWS-1251 character; save the file as UTF-8 or give --encoding NAME");
  }
  SECTION("a UTF-8 BOM is dropped") {
    REQUIRE(transcode_to_utf8("\xEF\xBB\xBFid", TextEncoding{"UTF-8 with BOM", "", false, 3}, out));
    CHECK(out == "id");
  }
}

TEST_CASE("the delimiter is the most frequent of comma, semicolon and tab outside quotes") {
  CHECK(detect_delimiter("a,b,c\n1;2;3;4;5\n") == ',');
  CHECK(detect_delimiter("a;b;\"c,d,e\"\n") == ';');
  CHECK(detect_delimiter("a\tb\tc\n") == '\t');
  CHECK(detect_delimiter("\xEF\xBB\xBF" "a;b\n") == ';');
  CHECK(delimiter_name('\t') == "tab");
  CHECK(delimiter_name(';') == "';'");
}

TEST_CASE("Russian and Persian files in legacy code pages are read as their encoding, with a warning") {
  struct Case {
    const char* file;
    const char* requested;
    const char* encoding;
    const char* place;
  };
  for (const Case& c : {Case{"russian_cp1251.csv", "", "cp1251", "Красногорск"},
                        Case{"russian_koi8r.csv", "", "KOI8-R", "Красногорск"},
                        Case{"persian_cp1256.csv", "", "cp1256", "کرمان"},
                        Case{"persian_cp1256.csv", "cp1256", "cp1256", "کرمان"}}) {
    INFO(c.file << " " << c.requested);
    LoadOptions o;
    o.encoding = c.requested;
    ParsedRows p = parse_incident_file(kImport + c.file, o);
    REQUIRE(p.file_ok);
    CHECK(p.encoding == c.encoding);
    REQUIRE_FALSE(p.rows.empty());
    CHECK(p.rows[0].place == c.place);
    const bool guessed = !*c.requested;
    const bool warned = !p.problems.items.empty() &&
                        p.problems.items[0].message.find("encoding guessed as " + std::string(c.encoding)) == 0;
    CHECK(warned == guessed);
  }
}

TEST_CASE("the loader reads UTF-16 and cp1252 files through a UTF-8 copy and reports the encoding") {
  SECTION("UTF-16LE ACLED export") {
    ParsedRows p = parse_incident_file(kImport + "acled_utf16le.csv");
    REQUIRE(p.file_ok);
    CHECK(p.encoding == "UTF-16LE");
    CHECK(p.delimiter == ',');
    CHECK(p.format == SourceFormat::Acled);
    REQUIRE(p.rows.size() == 5);
    CHECK(p.rows[3].place == "Khar");
    CHECK(p.rows[3].source_line == 5);  // CRLF lines of the original file
  }
  SECTION("UTF-16BE") {
    ParsedRows p = parse_incident_file(kImport + "acled_utf16be.csv");
    REQUIRE(p.file_ok);
    CHECK(p.encoding == "UTF-16BE");
    CHECK(p.rows.size() == 2);
  }
  SECTION("cp1252 GTD extract: text is transcoded") {
    ParsedRows p = parse_incident_file(kImport + "gtd_cp1252.csv");
    REQUIRE(p.file_ok);
    CHECK(p.encoding == "cp1252");
    REQUIRE_FALSE(p.rows.empty());
    CHECK(p.rows[0].summary.find("caf\xC3\xA9") != std::string::npos);
  }
  SECTION("UTF-8 with BOM and semicolons") {
    CHECK(parse_incident_file(kImport + "acled_new.csv").encoding == "UTF-8 with BOM");
    ParsedRows p = parse_incident_file(kImport + "acled_old_semicolon.csv");
    CHECK(p.encoding == "UTF-8");
    CHECK(p.delimiter == ';');
    CHECK(p.rows.size() == 5);
  }
}
