#include <catch2/catch.hpp>

#include "core/text.hpp"

using namespace driftmap::core;

TEST_CASE("names fold to the same key regardless of case, diacritics and punctuation") {
  CHECK(fold_name("Jalālābād") == fold_name("JALALABAD"));
  CHECK(fold_name("Jalālābād") == "jalalabad");
  CHECK(fold_name("K.P.") == "kp");
  CHECK(fold_name("N.W.F.P.") == "nwfp");
  CHECK(fold_name("Khyber-Pakhtunkhwa") == "khyber pakhtunkhwa");
  CHECK(fold_name("  Khyber   Pakhtunkhwa ") == "khyber pakhtunkhwa");
  CHECK(fold_name("Mazār-e Sharīf") == "mazar e sharif");
  CHECK(fold_name("Hérat") == "herat");
  CHECK(fold_name("Ḥilmand") == "hilmand");
  CHECK(fold_name("Dayk’undi") == "daykundi");
  CHECK(fold_name("Москва") == "москва");
}

TEST_CASE("invalid UTF-8 is detected with its byte offset") {
  size_t at = 0;
  CHECK(is_valid_utf8("Jalālābād"));
  CHECK(is_valid_utf8("\xEF\xBF\xBD"));  // U+FFFD itself is valid
  CHECK_FALSE(is_valid_utf8("Caf\xE9", &at));
  CHECK(at == 3);
  CHECK_FALSE(is_valid_utf8("\xC0\x80"));  // overlong
}

TEST_CASE("split and trim keep empty fields") {
  auto parts = split("a;;b", ';');
  REQUIRE(parts.size() == 3);
  CHECK(parts[1].empty());
  CHECK(trim("  x \r\n") == "x");
}
