// `driftmap story`: the chapters of the story of the shift (geodata/story.csv), one numbered
// line each, for `export --chapter K` and `animate --story`.
#include <cstdio>
#include <string>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "app/story_options.hpp"

namespace driftmap::app {

int cmd_story(int argc, char** argv) {
  ArgParser parser("driftmap story", "[--quotes]",
                   "Lists the story's chapters (geodata/story.csv): number, period, title. Render one with\n"
                   "'driftmap export --chapter K --out FILE', play them with 'driftmap animate --story --out FILE'.");
  parser.flag("--quotes", "print each chapter's caption and its quote (with the document it is from)")
      .flag("--help", "show this help");
  int exit_code = kExitOk;
  const auto args = parser.parse_command(argc, argv, &exit_code);
  if (!args) return exit_code;
  const auto story = load_bundled_story();
  if (!story) return kExitFailure;
  for (const core::Chapter& c : *story) {
    std::string period = c.period_text();
    size_t glyphs = 0;  // UTF-8: count code points, not bytes, to align the titles
    for (char ch : period) glyphs += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    period.append(glyphs < 22 ? 22 - glyphs : 1, ' ');
    std::printf("%d  %s%s\n", c.number, period.c_str(), c.title.c_str());
    if (args->has("--quotes"))
      std::printf("   %s\n   \u201c%s\u201d (%s)\n", c.caption.c_str(), c.quote.c_str(), c.source_id.c_str());
  }
  return kExitOk;
}

}  // namespace driftmap::app
