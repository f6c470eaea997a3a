#include "core/story.hpp"

#include <charconv>

#include "core/csv_table.hpp"
#include "core/text.hpp"

namespace driftmap::core {

std::string Chapter::period_text() const {
  if (period_start == period_end) return period_start.to_display();
  return period_start.to_display() + " \u2013 " + period_end.to_display();
}

namespace {

std::optional<double> number(const CsvTable& t, size_t r, const char* field, Problems& p) {
  const std::string_view v = t.get(r, field);
  double x = 0;
  auto res = std::from_chars(v.data(), v.data() + v.size(), x);
  if (res.ec != std::errc() || res.ptr != v.data() + v.size()) {
    p.error(t.path, t.lines[r], field, "\"" + std::string(v) + "\" is not a number");
    return std::nullopt;
  }
  return x;
}

std::optional<Chapter> chapter_row(const CsvTable& t, size_t r, Problems& p) {
  Chapter c;
  c.line = t.lines[r];
  const auto n = number(t, r, "chapter", p);
  if (n) c.number = int(*n);
  c.title = std::string(t.get(r, "title"));
  c.caption = std::string(t.get(r, "caption"));
  c.source_id = std::string(t.get(r, "source_id"));
  c.quote = std::string(t.get(r, "quote"));
  std::string err;
  auto s = parse_partial_date(t.get(r, "period_start"), &err);
  if (!s) p.error(t.path, c.line, "period_start", err);
  auto e = parse_partial_date(t.get(r, "period_end"), &err);
  if (!e) p.error(t.path, c.line, "period_end", err);
  const auto x0 = number(t, r, "min_lon", p), y0 = number(t, r, "min_lat", p);
  const auto x1 = number(t, r, "max_lon", p), y1 = number(t, r, "max_lat", p);
  for (auto m : split(t.get(r, "places"), ';'))
    if (!trim(m).empty()) c.places.emplace_back(trim(m));
  if (!n || !s || !e || !x0 || !y0 || !x1 || !y1) return std::nullopt;
  c.period_start = *s;
  c.period_end = *e;
  c.frame = GeoBox{*x0, *y0, *x1, *y1};
  if (!(c.frame.min_lon < c.frame.max_lon && c.frame.min_lat < c.frame.max_lat && c.frame.min_lon >= -180 &&
        c.frame.max_lon <= 180 && c.frame.min_lat >= -90 && c.frame.max_lat <= 90)) {
    p.error(t.path, c.line, "min_lon", "the frame is not a box inside -180..180, -90..90");
    return std::nullopt;
  }
  if (c.window().length_days() <= 0) {
    p.error(t.path, c.line, "period_end", "ends before period_start");
    return std::nullopt;
  }
  for (const char* f : {"title", "caption", "source_id", "quote"})
    if (t.get(r, f).empty()) p.error(t.path, c.line, f, "is empty");
  return c;
}

}  // namespace

std::optional<std::vector<Chapter>> load_story(const std::string& path, Problems* problems) {
  Problems local;
  Problems& p = problems ? *problems : local;
  const size_t errors_before = p.error_count();
  auto t = read_csv_table(path,
                          {"chapter", "title", "period_start", "period_end", "min_lon", "min_lat", "max_lon",
                           "max_lat", "places", "caption", "source_id", "quote"},
                          &p);
  if (!t) return std::nullopt;
  std::vector<Chapter> out;
  for (size_t r = 0; r < t->rows.size(); ++r) {
    auto c = chapter_row(*t, r, p);
    if (!c) continue;
    if (c->number != int(out.size()) + 1)
      p.error(t->path, c->line, "chapter", std::to_string(c->number) + " does not follow " + std::to_string(out.size()));
    out.push_back(std::move(*c));
  }
  if (out.empty() && p.error_count() == errors_before) p.error(t->path, 1, "chapter", "the story has no chapters");
  if (p.error_count() != errors_before) return std::nullopt;
  return out;
}

}  // namespace driftmap::core
