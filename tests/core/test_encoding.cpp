#include <catch2/catch.hpp>

#include "core/encoding.hpp"
#include "core/incident_loader.hpp"

using namespace driftmap::core;

namespace {
const std::string kImport = std::string(DRIFTMAP_TEST_DATA) + "/import/";
}

TEST_CASE("an encoding is detected from the BOM, else from UTF-8 validity, else cp1252") {
  CHECK(detect_encoding("plain ascii\n") == TextEncoding::Utf8);
  CHECK(detect_encoding("Jal\xC4\x81l\xC4\x81" "b\xC4\x81" "d\n") == TextEncoding::Utf8);
  CHECK(detect_encoding("\xEF\xBB\xBFid\n") == TextEncoding::Utf8Bom);
  CHECK(detect_encoding(std::string("\xFF\xFEi\0d\0", 6)) == TextEncoding::Utf16Le);
  CHECK(detect_encoding(std::string("\xFE\xFF\0i\0d", 6)) == TextEncoding::Utf16Be);
  CHECK(detect_encoding("H\xE9rat \x93" "centre\x94\n") == TextEncoding::Cp1252);
}

TEST_CASE("binary junk is neither UTF-8 nor cp1252 and the error names the byte and line") {
  std::string error;
  CHECK_FALSE(detect_encoding("id\nok\n\x81\x02\xFF", &error));
  CHECK(error == "is neither UTF-8 nor cp1252 text (byte 0x81 on line 3); save it as UTF-8");
  CHECK_FALSE(detect_encoding(std::string("a,b\n1,\0\n", 8), &error));
  CHECK(error.find("NUL") != std::string::npos);
}

TEST_CASE("transcoding to UTF-8 keeps every character and every line break") {
  std::string out;
  SECTION("cp1252, including the 0x80-0x9F punctuation") {
    REQUIRE(transcode_to_utf8("H\xE9rat \x93" "centre\x94\r\nx\x80", TextEncoding::Cp1252, out));
    CHECK(out == "H\xC3\xA9rat \xE2\x80\x9C" "centre\xE2\x80\x9D\r\nx\xE2\x82\xAC");
  }
  SECTION("UTF-16LE with a surrogate pair") {
    const std::string in("\xFF\xFE" "a\0\n\0\x3D\xD8\x00\xDE", 10);  // "a\n😀"
    REQUIRE(transcode_to_utf8(in, TextEncoding::Utf16Le, out));
    CHECK(out == "a\n\xF0\x9F\x98\x80");
  }
  SECTION("UTF-16BE") {
    REQUIRE(transcode_to_utf8(std::string("\xFE\xFF\x01\x01\0\n", 6), TextEncoding::Utf16Be, out));
    CHECK(out == "\xC4\x81\n");
  }
  SECTION("an unpaired surrogate is refused with its line") {
    std::string error;
    CHECK_FALSE(transcode_to_utf8(std::string("\xFF\xFE\n\0\x00\xD8", 6), TextEncoding::Utf16Le, out, &error));
    CHECK(error == "is UTF-16 with an unpaired surrogate on line 2");
  }
  SECTION("a UTF-8 BOM is dropped") {
    REQUIRE(transcode_to_utf8("\xEF\xBB\xBFid", TextEncoding::Utf8Bom, out));
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

TEST_CASE("record start lines count the lines inside quoted fields") {
  CHECK(csv_record_lines_of("h\n\"a\nb\"\nc\n") == std::vector<int64_t>{1, 2, 4});
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
