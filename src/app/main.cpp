// driftmap: with no subcommand opens the viewer; subcommands do headless work.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "app/command_boundary.hpp"
#include "app/commands.hpp"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(int, char**);
};

const Command kCommands[] = {
    {"export", "render the map to an image file (PNG, GeoTIFF, SVG, PDF)", driftmap::app::cmd_export},
    {"animate", "render the timeline as a video (MP4, GIF) or PNG frames", driftmap::app::cmd_animate},
    {"validate", "check incident files and print every problem", driftmap::app::cmd_validate},
    {"convert", "write incident files (ACLED, GTD, any OGR source) in driftmap's schema", driftmap::app::cmd_convert},
    {"stats", "counts per period and region beside the article's reported figures", driftmap::app::cmd_stats},
    {"story", "list the story's chapters (render one with export --chapter K)", driftmap::app::cmd_story},
    {"gen", "write a synthetic incident CSV of any size (for benchmarks)", driftmap::app::cmd_gen},
    {"bench", "measure load, memory, window changes, frame and export times", driftmap::app::cmd_bench},
};

void print_help() {
  std::printf(
      "driftmap — a viewer of reported incident locations over time\n\n"
      "Usage:\n"
      "  driftmap [FILE...] [options]      open the viewer (bundled data when no FILE)\n"
      "  driftmap COMMAND [options]        headless work\n\n"
      "Commands:\n");
  for (const auto& c : kCommands) std::printf("  %-10s %s\n", c.name, c.summary);
  std::printf("\nRun 'driftmap COMMAND --help' for a command's options, 'driftmap --help-viewer' for the viewer's.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2) {
    std::string_view first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
      print_help();
      return 0;
    }
    for (const auto& c : kCommands)
      if (first == c.name) return driftmap::app::run_command(c.run, argc - 1, argv + 1, c.name);
  }
#ifdef DRIFTMAP_HAVE_GUI
  return driftmap::app::run_command(driftmap::app::run_viewer, argc, argv, "viewer");
#else
  std::fprintf(stderr,
               "driftmap: this build has no viewer (configured with -DDRIFTMAP_GUI=OFF); "
               "run 'driftmap --help' for the headless commands\n");
  return 2;
#endif
}
