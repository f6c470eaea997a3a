// Every subcommand of the driftmap binary. Each lives in its own cmd_*.cpp; main.cpp dispatches.
// Exit status: 0 success, 1 bad input or failed operation (one clear line on stderr naming the
// file/option), 2 usage error.
#pragma once

namespace driftmap::app {

// argv[0] is the subcommand name; options follow.
int cmd_export(int argc, char** argv);
int cmd_animate(int argc, char** argv);
int cmd_validate(int argc, char** argv);
int cmd_stats(int argc, char** argv);
int cmd_gen(int argc, char** argv);
int cmd_bench(int argc, char** argv);
int cmd_convert(int argc, char** argv);
int cmd_story(int argc, char** argv);
int run_viewer(int argc, char** argv);  // no subcommand: the window (argv[0] = program)

class ArgParser;
struct ParsedArgs;
// `stats --drift`: the drift of the incidents' centre per period (stats_drift.cpp).
int stats_drift(const ArgParser& parser, const ParsedArgs& args);

}  // namespace driftmap::app
