// The viewer's command line: `driftmap [FILE...] [options]` (the subcommands have their own).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/timeline.hpp"

namespace driftmap::app {

struct ViewerOptions {
  std::vector<std::string> files;
  std::string session;
  std::string screenshot;
  int frames = 0;
  std::optional<core::MonthRange> window;
  bool verbose = false;
  std::string view;  // empty: the story's first chapter, else Af-Pak
  std::string select_id;
  std::string export_test;       // --export-dialog-test FILE
  std::string export_test_size;  // --export-size: a preset name or WxH
  int width = 1400, height = 900;
};

// Returns an exit code when the program should stop (help, usage error), else nullopt.
std::optional<int> parse_viewer_options(int argc, char** argv, ViewerOptions* o);

}  // namespace driftmap::app
