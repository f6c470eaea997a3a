// The subcommands' option parser: forms of options, repetition, flags, usage errors.
#include <catch2/catch.hpp>

#include "app/cli_args.hpp"

using driftmap::app::ArgParser;

namespace {
ArgParser parser() {
  ArgParser p("driftmap test", "[options]", "A test command.");
  p.option("--out", "FILE", "output").option("--data", "FILE", "input", true).flag("--verbose", "talk more");
  return p;
}
std::optional<driftmap::app::ParsedArgs> parse(const ArgParser& p, std::vector<const char*> args, std::string* err) {
  return p.parse(int(args.size()), args.data(), err);
}
}  // namespace

TEST_CASE("options take their value from the next argument or after an equals sign") {
  std::string err;
  const auto p = parser();
  auto a = parse(p, {"--out", "a.png", "--data=x.csv"}, &err);
  REQUIRE(a);
  CHECK(a->get("--out") == "a.png");
  CHECK(a->get("--data") == "x.csv");
  CHECK_FALSE(a->get("--verbose"));
  auto b = parse(p, {"--out=", "--verbose"}, &err);
  REQUIRE(b);
  CHECK(b->get("--out") == "");
  CHECK(b->has("--verbose"));
}

TEST_CASE("a value may start with a dash when it follows its option") {
  std::string err;
  const auto p = parser();
  auto a = parse(p, {"--out", "-5.png"}, &err);
  REQUIRE(a);
  CHECK(a->get("--out") == "-5.png");
}

TEST_CASE("repeatable options keep every value in order") {
  std::string err;
  const auto p = parser();
  auto a = parse(p, {"--data", "a.csv", "--data=b.csv", "--data", "c.csv"}, &err);
  REQUIRE(a);
  CHECK(a->all("--data") == std::vector<std::string>{"a.csv", "b.csv", "c.csv"});
  CHECK(a->all("--out").empty());
}

TEST_CASE("usage errors name the option") {
  std::string err;
  const auto p = parser();
  SECTION("unknown option") {
    CHECK_FALSE(parse(p, {"--out", "a", "--colour", "red"}, &err));
    CHECK(err == "unknown option '--colour'");
  }
  SECTION("unknown option with a value") {
    CHECK_FALSE(parse(p, {"--colour=red"}, &err));
    CHECK(err == "unknown option '--colour'");
  }
  SECTION("missing value") {
    CHECK_FALSE(parse(p, {"--out"}, &err));
    CHECK(err.find("'--out' needs a value") != std::string::npos);
  }
  SECTION("a non-repeatable option given twice") {
    CHECK_FALSE(parse(p, {"--out", "a", "--out", "b"}, &err));
    CHECK(err.find("'--out' given more than once") != std::string::npos);
  }
  SECTION("a flag with a value") {
    CHECK_FALSE(parse(p, {"--verbose=yes"}, &err));
    CHECK(err.find("'--verbose' takes no value") != std::string::npos);
  }
  SECTION("a positional argument where none are allowed") {
    CHECK_FALSE(parse(p, {"stray"}, &err));
    CHECK(err == "unexpected argument 'stray'");
  }
}

TEST_CASE("positional arguments are collected when allowed, and -- ends the options") {
  std::string err;
  auto p = parser();
  p.positionals("FILE...", "files");
  auto a = parse(p, {"a.csv", "--verbose", "--", "--out"}, &err);
  REQUIRE(a);
  CHECK(a->positionals == std::vector<std::string>{"a.csv", "--out"});
  CHECK(a->has("--verbose"));
}

TEST_CASE("the help lists every option with its value name") {
  const std::string h = parser().help();
  CHECK(h.find("Usage: driftmap test [options]") == 0);
  CHECK(h.find("--out FILE") != std::string::npos);
  CHECK(h.find("--data FILE") != std::string::npos);
  CHECK(h.find("(repeatable)") != std::string::npos);
  CHECK(h.find("--verbose") != std::string::npos);
}
