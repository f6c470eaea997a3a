#include "app/command_boundary.hpp"

#include <cstdio>
#include <exception>
#include <new>

namespace driftmap::app {

int run_command(CommandFn run, int argc, char** argv, const char* name) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "driftmap %s: out of memory; nothing was written\n", name);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "driftmap %s: failed: %s; nothing was written\n", name, e.what());
  } catch (...) {
    std::fprintf(stderr, "driftmap %s: failed with an unknown error; nothing was written\n", name);
  }
  return 1;
}

}  // namespace driftmap::app
