// The one catch at the command boundary. Commands report expected failures themselves (a
// message naming file, line and field, then exit 1 or 2); anything that still escapes — a
// library's exception, memory exhausted — ends the command with a message on stderr and exit 1,
// never std::terminate. Output files are written atomically, so nothing partial is left behind.
#pragma once

namespace driftmap::app {

using CommandFn = int (*)(int argc, char** argv);

// Runs `run(argc, argv)`; `name` ("export", "viewer") prefixes the message of an escaped error.
int run_command(CommandFn run, int argc, char** argv, const char* name);

}  // namespace driftmap::app
