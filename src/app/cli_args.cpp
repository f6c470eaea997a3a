// Option parsing for the subcommands; see cli_args.hpp.
#include "app/cli_args.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/text.hpp"

namespace driftmap::app {

bool ParsedArgs::has(std::string_view name) const {
  return values.find(name) != values.end() || std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> ParsedArgs::get(std::string_view name) const {
  auto it = values.find(name);
  if (it == values.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

const std::vector<std::string>& ParsedArgs::all(std::string_view name) const {
  static const std::vector<std::string> kNone;
  auto it = values.find(name);
  return it == values.end() ? kNone : it->second;
}

ArgParser::ArgParser(std::string command, std::string synopsis, std::string summary)
    : command_(std::move(command)), synopsis_(std::move(synopsis)), summary_(std::move(summary)) {}

ArgParser& ArgParser::option(std::string name, std::string value_name, std::string help, bool repeatable) {
  specs_.push_back({std::move(name), std::move(value_name), std::move(help), repeatable});
  return *this;
}

ArgParser& ArgParser::flag(std::string name, std::string help) {
  specs_.push_back({std::move(name), {}, std::move(help), false});
  return *this;
}

ArgParser& ArgParser::positionals(std::string value_name, std::string help) {
  positional_name_ = std::move(value_name);
  positional_help_ = std::move(help);
  return *this;
}

const OptionSpec* ArgParser::find(std::string_view name) const {
  for (const auto& s : specs_)
    if (s.name == name) return &s;
  return nullptr;
}

std::optional<ParsedArgs> ArgParser::parse(int argc, const char* const* argv, std::string* error) const {
  ParsedArgs out;
  auto fail = [&](std::string msg) -> std::optional<ParsedArgs> {
    if (error) *error = std::move(msg);
    return std::nullopt;
  };
  bool options_done = false;
  for (int i = 0; i < argc; ++i) {
    std::string_view arg = argv[i];
    const bool looks_like_option = !options_done && arg.size() > 1 && arg[0] == '-';
    if (!looks_like_option) {
      if (positional_name_.empty()) return fail("unexpected argument '" + std::string(arg) + "'");
      out.positionals.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string_view name = arg;
    std::optional<std::string_view> inline_value;
    if (auto eq = arg.find('='); eq != std::string_view::npos && arg.starts_with("--")) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    const OptionSpec* spec = find(name);
    if (!spec) return fail("unknown option '" + std::string(name) + "'");
    if (spec->is_flag()) {
      if (inline_value) return fail("option '" + spec->name + "' takes no value");
      if (std::find(out.flags.begin(), out.flags.end(), spec->name) == out.flags.end())
        out.flags.push_back(spec->name);
      continue;
    }
    std::string value;
    if (inline_value) {
      value = std::string(*inline_value);
    } else {
      if (i + 1 >= argc) return fail("option '" + spec->name + "' needs a value (" + spec->value_name + ")");
      value = argv[++i];
    }
    auto& vals = out.values[spec->name];
    if (!vals.empty() && !spec->repeatable) return fail("option '" + spec->name + "' given more than once");
    vals.push_back(std::move(value));
  }
  return out;
}

std::string ArgParser::help() const {
  std::string s = "Usage: " + command_ + " " + synopsis_ + "\n\n" + summary_ + "\n\nOptions:\n";
  auto add = [&s](const std::string& left, const std::string& help) {
    std::string l = "  " + left;
    if (l.size() < 26) {
      l.resize(26, ' ');
    } else {
      l += "\n" + std::string(26, ' ');
    }
    // Indent continuation lines of the help text under the first.
    std::string h;
    for (char c : help) {
      h += c;
      if (c == '\n') h += std::string(26, ' ');
    }
    s += l + h + "\n";
  };
  if (!positional_name_.empty()) add(positional_name_, positional_help_);
  for (const auto& spec : specs_)
    add(spec.is_flag() ? spec.name : spec.name + " " + spec.value_name,
        spec.help + (spec.repeatable ? " (repeatable)" : ""));
  return s;
}

std::string ArgParser::short_usage() const {
  return "Usage: " + command_ + " " + synopsis_ + "\nRun '" + command_ + " --help' for the options.\n";
}

int ArgParser::usage_error(std::string_view error) const {
  // Arguments are echoed escaped: a terminal escape sequence in one must not reach the terminal.
  std::fprintf(stderr, "%s: %s\n%s", command_.c_str(), core::printable(error).c_str(), short_usage().c_str());
  return kExitUsage;
}

std::optional<ParsedArgs> ArgParser::parse_command(int argc, char** argv, int* exit_code) const {
  std::string error;
  auto args = parse(argc - 1, argv + 1, &error);
  if (!args) {
    *exit_code = usage_error(error);
    return std::nullopt;
  }
  if (args->has("--help")) {
    std::fputs(help().c_str(), stdout);
    *exit_code = kExitOk;
    return std::nullopt;
  }
  return args;
}

std::optional<uint64_t> parse_count(std::string_view s, uint64_t max) {
  uint64_t v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || v > max) return std::nullopt;
  return v;
}

}  // namespace driftmap::app
