// A small option parser shared by the subcommands: `--opt VALUE`, `--opt=VALUE`, repeatable
// options, flags, positionals. Unknown options and missing values are usage errors (exit 2).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace driftmap::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // bad input or failed operation
inline constexpr int kExitUsage = 2;    // the command line itself is wrong

struct OptionSpec {
  std::string name;        // "--out"
  std::string value_name;  // "FILE"; empty for a flag
  std::string help;
  bool repeatable = false;
  bool is_flag() const { return value_name.empty(); }
};

struct ParsedArgs {
  std::map<std::string, std::vector<std::string>, std::less<>> values;  // option → values in order
  std::vector<std::string> flags;                                       // flags given
  std::vector<std::string> positionals;

  bool has(std::string_view name) const;  // flag given, or option given at least once
  std::optional<std::string> get(std::string_view name) const;  // the (last) value
  const std::vector<std::string>& all(std::string_view name) const;
};

class ArgParser {
 public:
  // command: "driftmap export"; synopsis: the usage line after it.
  ArgParser(std::string command, std::string synopsis, std::string summary);

  ArgParser& option(std::string name, std::string value_name, std::string help, bool repeatable = false);
  ArgParser& flag(std::string name, std::string help);
  // Allows positional arguments (otherwise any positional is a usage error).
  ArgParser& positionals(std::string value_name, std::string help);

  // Parses args (argv without the command name). On a usage error returns nullopt and sets
  // *error to one line, e.g. `unknown option '--foo'`.
  std::optional<ParsedArgs> parse(int argc, const char* const* argv, std::string* error) const;

  // What every subcommand does first: parses argv (argv[0] = the command name). Returns the
  // arguments when the command should run; otherwise prints the usage error (exit 2) or the help
  // (--help, exit 0) and sets *exit_code.
  std::optional<ParsedArgs> parse_command(int argc, char** argv, int* exit_code) const;

  // Full help text listing every option.
  std::string help() const;
  // "Usage: driftmap export ...\nRun 'driftmap export --help' for the options.\n"
  std::string short_usage() const;
  // Prints "driftmap export: <error>" and the short usage to stderr; returns kExitUsage.
  int usage_error(std::string_view error) const;

  const std::string& command() const { return command_; }

 private:
  const OptionSpec* find(std::string_view name) const;
  std::string command_, synopsis_, summary_;
  std::vector<OptionSpec> specs_;
  std::string positional_name_, positional_help_;
};

// A whole number written in decimal digits only, at most max; nullopt otherwise.
std::optional<uint64_t> parse_count(std::string_view s, uint64_t max);

}  // namespace driftmap::app
