// Nothing escapes a command: an exception or exhausted memory becomes exit 1 with a message.
#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>

#include "app/command_boundary.hpp"

using driftmap::app::run_command;

namespace {
int returns_2(int, char**) { return 2; }
int throws_runtime(int, char**) { throw std::runtime_error("zlib: stream error"); }
int throws_bad_alloc(int, char**) { throw std::bad_alloc(); }
int throws_int(int, char**) { throw 42; }
}  // namespace

TEST_CASE("a command's own exit code passes through the boundary", "[app]") {
  CHECK(run_command(returns_2, 0, nullptr, "test") == 2);
}

TEST_CASE("an exception escaping a command ends it with exit 1, not a crash", "[app]") {
  CHECK(run_command(throws_runtime, 0, nullptr, "export") == 1);
  CHECK(run_command(throws_bad_alloc, 0, nullptr, "export") == 1);
  CHECK(run_command(throws_int, 0, nullptr, "export") == 1);
}
