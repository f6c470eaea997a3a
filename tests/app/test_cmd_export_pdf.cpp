// `driftmap export --out FILE.pdf` read as a presenter gets it: the page size, the text poppler
// extracts (place names as text), and a Persian title joined as a shaper joins it.
#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>

#include "../support/synthetic_geodata.hpp"
#include "run_binary.hpp"

using driftmap::testing::TempDir;

namespace {

std::string command_output(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(command.c_str(), "r"), pclose);
  REQUIRE(p);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p.get())) out.append(buf, n);
  return out;
}

}  // namespace

TEST_CASE("an A4 PDF of 2024 is an A4 page whose text names Kerman, Krasnogorsk, Iran and Russia") {
  TempDir dir;
  const std::string out = (dir.path / "y.pdf").string();
  const auto r = driftmap::test::run_driftmap({"export", "--from", "2024", "--to", "2024", "--size", "A4", "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(command_output("pdfinfo '" + out + "'").find("(A4)") != std::string::npos);
  const std::string text = command_output("pdftotext '" + out + "' -");
  for (const char* name : {"Kerman", "Krasnogorsk", "Iran", "Russia", "Jan 2024 – Dec 2024"}) {
    INFO(name);
    CHECK(text.find(name) != std::string::npos);
  }
}

TEST_CASE("a Persian title in a PDF is joined: its letters take their contextual forms") {
  TempDir dir;
  const std::string out = (dir.path / "fa.pdf").string();
  const auto r = driftmap::test::run_driftmap(
      {"export", "--from", "2024", "--to", "2024", "--title", "\u06A9\u0631\u0645\u0627\u0646", "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = command_output("pdftotext '" + out + "' -");
  INFO(text.substr(0, 200));
  // Unjoined text would hold the isolated letters (U+0645 meem); shaped text holds the
  // initial form of meem (U+FEE3) between its neighbours.
  CHECK(text.find("\uFEE3") != std::string::npos);
  CHECK(text.find("Jan 2024") != std::string::npos);
}
