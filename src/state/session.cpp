#include "state/session.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/bounded_file.hpp"
#include "core/partial_date.hpp"
#include "core/text.hpp"

namespace driftmap::state {

namespace {

std::string month_iso(core::MonthIndex m) {
  const int32_t y = core::year_of_month(m);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m - y * 12 + 1);
  return buf;
}

const char* bool_text(bool b) { return b ? "true" : "false"; }

// Values may not contain newlines; the search text is the only free text, so it is escaped.
std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}
std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      ++i;
      out += s[i] == 'n' ? '\n' : s[i] == 'r' ? '\r' : s[i];
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Parser {
  const std::string& path;
  core::Problems* problems;
  int64_t line = 0;
  std::string field;
  bool ok = true;

  void error(const std::string& msg) {
    ok = false;
    if (problems) problems->error(path, line, field, msg);
  }
  std::optional<double> number(std::string_view v) {
    const std::string s(v);
    char* end = nullptr;
    errno = 0;
    const double d = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(d)) {
      error("\"" + s + "\" is not a number");
      return std::nullopt;
    }
    return d;
  }
  std::optional<int> integer(std::string_view v, int lo, int hi) {
    int x = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec != std::errc() || p != v.data() + v.size()) {
      error("\"" + std::string(v) + "\" is not a whole number");
      return std::nullopt;
    }
    if (x < lo || x > hi) {
      error(std::to_string(x) + " is out of range (" + std::to_string(lo) + ".." + std::to_string(hi) + ")");
      return std::nullopt;
    }
    return x;
  }
  std::optional<bool> boolean(std::string_view v) {
    if (v == "true" || v == "1" || v == "yes") return true;
    if (v == "false" || v == "0" || v == "no") return false;
    error("\"" + std::string(v) + "\" is not true or false");
    return std::nullopt;
  }
  std::optional<core::MonthIndex> month(std::string_view v) {
    std::string err;
    auto d = core::parse_partial_date(v, &err);
    if (!d) {
      error(err.empty() ? "\"" + std::string(v) + "\" is not a month (YYYY-MM)" : err);
      return std::nullopt;
    }
    if (d->precision != core::DatePrecision::Month) {
      error("\"" + std::string(v) + "\" is not a month (YYYY-MM)");
      return std::nullopt;
    }
    return core::month_index(d->year, d->month);
  }
};

}  // namespace

Session capture_session(const ViewState& v, const std::vector<std::string>& data_files) {
  Session s;
  s.centre_m = v.camera.centre_m();
  s.metres_per_px = v.camera.metres_per_px();
  s.mode = v.time.mode;
  s.window_months = v.time.window_months;
  s.window = v.time.window;
  s.step = v.time.step;
  s.loop = v.time.loop;
  s.steps_per_second = v.time.steps_per_second;
  s.filters = v.filters;
  s.show_ctc_shift = v.show_ctc_shift;
  s.show_region_counts = v.show_region_counts;
  s.show_labels = v.show_labels;
  s.data_files = data_files;
  return s;
}

void apply_session(const Session& s, ViewState& v) {
  if (s.centre_m) v.camera.set_centre(*s.centre_m);
  if (s.metres_per_px) v.camera.set_metres_per_px(*s.metres_per_px);
  v.time.mode = s.mode;
  v.time.window_months = s.window_months;
  if (s.window) v.time.window = *s.window;
  v.time.step = s.step;
  v.time.loop = s.loop;
  v.time.steps_per_second = s.steps_per_second;
  v.time.playing = false;
  v.filters = s.filters;
  v.show_ctc_shift = s.show_ctc_shift;
  v.show_region_counts = s.show_region_counts;
  v.show_labels = s.show_labels;
}

std::string format_session(const Session& s) {
  std::ostringstream o;
  o.precision(17);
  o << "# driftmap session\n";
  o << "driftmap_session = " << kSessionVersion << "\n";
  o << "\n[view]\n";
  if (s.centre_m) o << "centre_x_m = " << s.centre_m->x << "\ncentre_y_m = " << s.centre_m->y << "\n";
  if (s.metres_per_px) o << "metres_per_px = " << *s.metres_per_px << "\n";
  o << "\n[time]\n";
  o << "mode = " << (s.mode == core::WindowMode::Cumulative ? "cumulative" : "sliding") << "\n";
  o << "window_months = " << s.window_months << "\n";
  if (s.window && s.window->length_months() > 0) {
    o << "from = " << month_iso(s.window->start_month) << "\n";
    o << "to = " << month_iso(s.window->end_month - 1) << "\n";
  }
  o << "step = " << (s.step == core::StepSize::Year ? "year" : s.step == core::StepSize::Quarter ? "quarter" : "month")
    << "\n";
  o << "loop = " << bool_text(s.loop) << "\n";
  o << "steps_per_second = " << s.steps_per_second << "\n";
  o << "\n[filters]\n";
  o << "types = ";
  bool first = true;
  for (int t = 0; t < core::kEventTypeCount; ++t) {
    if (!s.filters.types[static_cast<size_t>(t)]) continue;
    if (!first) o << ",";
    o << core::to_string(static_cast<core::EventType>(t));
    first = false;
  }
  o << "\n";
  o << "country = " << s.filters.country << "\n";
  o << "killed_min = " << s.filters.killed_min << "\n";
  o << "search = " << escape(s.filters.search) << "\n";
  o << "\n[layers]\n";
  o << "ctc_shift = " << bool_text(s.show_ctc_shift) << "\n";
  o << "region_counts = " << bool_text(s.show_region_counts) << "\n";
  o << "labels = " << bool_text(s.show_labels) << "\n";
  if (!s.data_files.empty()) {
    o << "\n[data]\n";
    for (const auto& f : s.data_files) o << "file = " << f << "\n";
  }
  return o.str();
}

namespace {

// Reads a session line by line into s; every problem is reported with its line and field.
class SessionReader {
 public:
  SessionReader(const std::string& path, core::Problems* problems) : p_{path, problems, 0, {}, true} {}
  void line(std::string raw);
  std::optional<Session> finish();

 private:
  void section_header(std::string_view line);
  void top_level(const std::string& key, std::string_view value);
  void view_key(const std::string& key, std::string_view value);
  void time_key(const std::string& key, std::string_view value);
  void filters_key(const std::string& key, std::string_view value);
  void layers_key(const std::string& key, std::string_view value);
  void data_key(const std::string& key, std::string_view value);

  Parser p_;
  Session s_;
  std::string section_;
  bool have_version_ = false;
  std::optional<core::MonthIndex> from_, to_;
  int64_t to_line_ = 0;
  std::optional<double> cx_, cy_;
};

void SessionReader::line(std::string raw) {
  ++p_.line;
  p_.field.clear();
  if (!raw.empty() && raw.back() == '\r') raw.pop_back();
  const std::string_view line = core::trim(raw);
  if (line.empty() || line[0] == '#' || line[0] == ';') return;
  if (line.front() == '[') return section_header(line);
  const size_t eq = line.find('=');
  if (eq == std::string_view::npos) return p_.error("expected 'key = value', got \"" + std::string(line) + "\"");
  const std::string key(core::trim(line.substr(0, eq)));
  const std::string_view value = core::trim(line.substr(eq + 1));
  p_.field = section_.empty() ? key : section_ + "." + key;
  if (section_.empty()) top_level(key, value);
  else if (section_ == "view") view_key(key, value);
  else if (section_ == "time") time_key(key, value);
  else if (section_ == "filters") filters_key(key, value);
  else if (section_ == "layers") layers_key(key, value);
  else if (section_ == "data") data_key(key, value);
}

void SessionReader::section_header(std::string_view line) {
  if (line.back() != ']') return p_.error("section header \"" + std::string(line) + "\" is missing ']'");
  section_ = std::string(core::trim(line.substr(1, line.size() - 2)));
  if (section_ != "view" && section_ != "time" && section_ != "filters" && section_ != "layers" && section_ != "data")
    p_.error("unknown section [" + section_ + "]");
  if (!have_version_) {
    p_.error("the file does not start with 'driftmap_session = " + std::to_string(kSessionVersion) +
             "' (not a driftmap session?)");
    have_version_ = true;  // report once
  }
}

void SessionReader::top_level(const std::string& key, std::string_view value) {
  if (key != "driftmap_session") return p_.error("unknown key (keys belong in a [section])");
  have_version_ = true;
  if (auto v = p_.integer(value, 1, 1000); v && *v != kSessionVersion)
    p_.error("version " + std::to_string(*v) + " is not supported (this driftmap reads version " +
             std::to_string(kSessionVersion) + ")");
}

void SessionReader::view_key(const std::string& key, std::string_view value) {
  if (key == "centre_x_m") cx_ = p_.number(value);
  else if (key == "centre_y_m") cy_ = p_.number(value);
  else if (key == "metres_per_px") {
    if (auto v = p_.number(value)) {
      if (*v <= 0) p_.error("must be greater than 0");
      else s_.metres_per_px = *v;
    }
  } else p_.error("unknown key");
}

void SessionReader::time_key(const std::string& key, std::string_view value) {
  if (key == "mode") {
    if (value == "sliding") s_.mode = core::WindowMode::Sliding;
    else if (value == "cumulative") s_.mode = core::WindowMode::Cumulative;
    else p_.error("\"" + std::string(value) + "\" is not sliding or cumulative");
  } else if (key == "window_months") {
    if (auto v = p_.integer(value, 1, 1200)) s_.window_months = *v;
  } else if (key == "from") {
    from_ = p_.month(value);
  } else if (key == "to") {
    to_ = p_.month(value);
    to_line_ = p_.line;
  } else if (key == "step") {
    if (value == "month") s_.step = core::StepSize::Month;
    else if (value == "quarter") s_.step = core::StepSize::Quarter;
    else if (value == "year") s_.step = core::StepSize::Year;
    else p_.error("\"" + std::string(value) + "\" is not month, quarter or year");
  } else if (key == "loop") {
    if (auto v = p_.boolean(value)) s_.loop = *v;
  } else if (key == "steps_per_second") {
    if (auto v = p_.number(value)) {
      if (*v <= 0 || *v > 60) p_.error("must be between 0 and 60");
      else s_.steps_per_second = static_cast<float>(*v);
    }
  } else p_.error("unknown key");
}

void SessionReader::filters_key(const std::string& key, std::string_view value) {
  if (key == "types") {
    s_.filters.types.fill(false);
    for (std::string_view name : core::split(value, ',')) {
      name = core::trim(name);
      if (name.empty()) continue;
      if (auto t = core::parse_event_type(name)) s_.filters.types[static_cast<size_t>(*t)] = true;
      else p_.error("\"" + std::string(name) + "\" is not an event type");
    }
  } else if (key == "country") {
    s_.filters.country = std::string(value);
  } else if (key == "killed_min") {
    if (auto v = p_.integer(value, 0, 1000000)) s_.filters.killed_min = *v;
  } else if (key == "search") {
    s_.filters.search = unescape(value);
  } else p_.error("unknown key");
}

void SessionReader::layers_key(const std::string& key, std::string_view value) {
  bool* target = key == "ctc_shift" ? &s_.show_ctc_shift
                 : key == "region_counts" ? &s_.show_region_counts
                 : key == "labels" ? &s_.show_labels
                                   : nullptr;
  if (!target) return p_.error("unknown key");
  if (auto v = p_.boolean(value)) *target = *v;
}

void SessionReader::data_key(const std::string& key, std::string_view value) {
  if (key != "file") return p_.error("unknown key");
  if (value.empty()) p_.error("empty file name");
  else s_.data_files.emplace_back(value);
}

// What can only be checked once every line is read: the version line, the centre's two halves,
// the window's order.
std::optional<Session> SessionReader::finish() {
  p_.field.clear();
  if (!have_version_) {
    p_.line = 0;
    p_.error("missing 'driftmap_session = " + std::to_string(kSessionVersion) + "' (not a driftmap session?)");
  }
  if (cx_.has_value() != cy_.has_value()) {
    p_.line = 0;
    p_.field = cx_ ? "view.centre_y_m" : "view.centre_x_m";
    p_.error("missing (centre_x_m and centre_y_m go together)");
  } else if (cx_) {
    s_.centre_m = core::Vec2{*cx_, *cy_};
  }
  if (from_ && to_) {
    if (*to_ < *from_) {
      p_.line = to_line_;
      p_.field = "time.to";
      p_.error("ends before time.from");
    } else {
      s_.window = core::MonthRange{*from_, *to_ + 1};
    }
  }
  if (!p_.ok) return std::nullopt;
  return s_;
}

}  // namespace

std::optional<Session> parse_session(const std::string& text, const std::string& path, core::Problems* problems) {
  SessionReader reader(path, problems);
  std::istringstream in(text);
  std::string raw;
  while (std::getline(in, raw)) reader.line(std::move(raw));
  return reader.finish();
}

std::optional<Session> read_session_file(const std::string& path, core::Problems* problems) {
  std::string error;
  const auto text = core::read_bounded_file(path, kMaxSessionBytes, &error);
  if (!text) {
    if (problems) problems->error(path, 0, "", error + " (a session file is a small text file)");
    return std::nullopt;
  }
  size_t bad = 0;
  if (!core::is_valid_utf8(*text, &bad)) {
    if (problems) problems->error(path, 0, "", "not UTF-8 text (bad byte at offset " + std::to_string(bad) + ")");
    return std::nullopt;
  }
  return parse_session(*text, path, problems);
}

SessionTarget session_target(const std::string& path, std::string* why) {
  auto refuse = [&](std::string reason) {
    if (why) *why = std::move(reason);
    return SessionTarget::NotSession;
  };
  std::string ext = std::filesystem::path(path).extension().string();
  ext = core::to_lower_ascii(ext);
  for (const char* data_ext : {".csv", ".tsv", ".txt", ".json", ".geojson", ".gpkg", ".shp", ".xlsx", ".png", ".tif",
                               ".tiff", ".svg", ".pdf", ".mp4", ".gif"})
    if (ext == data_ext) return refuse("a session is not saved under a data or image file's name (" + ext + ")");
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || status.type() == std::filesystem::file_type::not_found) return SessionTarget::New;
  if (status.type() != std::filesystem::file_type::regular) return refuse("it is not a regular file");
  // A session's first line that is not blank or a comment is its version line.
  std::ifstream f(path, std::ios::binary);
  std::string line;
  for (int n = 0; n < 64 && std::getline(f, line); ++n) {
    const std::string_view t = core::trim(line);
    if (t.empty() || t.front() == '#') continue;
    if (t.starts_with("driftmap_session")) return SessionTarget::Session;
    break;
  }
  return refuse("it is not a driftmap session");
}

bool write_session_file(const std::string& path, const Session& s, core::Problems* problems) {
  std::string why;
  if (session_target(path, &why) == SessionTarget::NotSession) {
    if (problems) problems->error(path, 0, "", "not replaced with a session: " + why);
    return false;
  }
  std::string error;  // names the path
  if (core::write_file_atomically(path, format_session(s), &error)) return true;
  if (problems) problems->error("", 0, "", error);
  return false;
}

}  // namespace driftmap::state
