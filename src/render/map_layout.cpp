// Presentation layout: panel sizes from measured text, the fitted camera, the scale bar, and
// the annotation marks with their rasterisation.
#include "render/map_layout.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <cmath>


namespace driftmap::render {

namespace {

using core::Vec2;

constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadiusKm = 6371.0088;  // mean radius (IUGG)

// Text sizes in points.
constexpr double kTitlePt = 18, kSubtitlePt = 11, kDatePt = 10, kLegendHeadPt = 8.5, kLegendPt = 8,
                 kAttributionPt = 8, kScalePt = 8, kBadgePt = 8;  // nothing under 8 pt: read on a slide
constexpr double kBoxPadPt = 4;  // around a boxed header line

double great_circle_km(Vec2 a, Vec2 b) {
  const double to_rad = kPi / 180;
  const double dlat = (b.y - a.y) * to_rad, dlon = (b.x - a.x) * to_rad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.y * to_rad) * std::cos(b.y * to_rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// Splits text into lines no wider than max_px (at the font's current size), at spaces.
std::vector<std::string> wrap(TextRasterizer& font, const std::string& text, int max_px) {
  std::vector<std::string> lines;
  std::string line;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    const std::string word = text.substr(i, j - i);
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && font.measure(candidate) > max_px) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
    i = j + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

constexpr int kLegendTolls[] = {1, 10, 100};

struct Header {
  struct Line {
    std::string text;
    double pt;
    bool bold;
    bool boxed = false;
  };
  std::vector<Line> lines;
};

Header header_lines(const LayoutOptions& o) {
  Header h;
  if (!o.title.empty()) h.lines.push_back({o.title, kTitlePt, true});
  if (!o.subtitle.empty()) h.lines.push_back({o.subtitle, kSubtitlePt, false});
  if (!o.date_text.empty()) h.lines.push_back({o.date_text, o.date_pt > 0 ? o.date_pt : kDatePt, true, o.date_pt > 0});
  return h;
}

// A legend row: a symbol (drawn by the caller) and a label; headings have no symbol.
struct LegendRow {
  enum class Symbol { Heading, Type, Toll, Ring, Shaded, Share } symbol;
  std::string label;
  int index = 0;  // type, toll or share index
  // Wrapped to the width of the rows above (the article's figures): the legend, and so the map
  // frame, keeps its width whether or not they are shown.
  bool wraps = false;
};

std::vector<LegendRow> legend_rows(const LayoutOptions& o) {
  std::vector<LegendRow> rows;
  rows.push_back({LegendRow::Symbol::Heading, "Event type"});
  for (auto t : o.legend_types) rows.push_back({LegendRow::Symbol::Type, std::string(core::display_name(t)), int(t)});
  rows.push_back({LegendRow::Symbol::Heading, "Killed (circle size)"});
  for (int i = 0; i < 3; ++i)
    rows.push_back({LegendRow::Symbol::Toll, std::to_string(kLegendTolls[i]) + (i == 0 ? " (or unknown: smallest)" : ""), i});
  rows.push_back({LegendRow::Symbol::Heading, "Precision"});
  rows.push_back({LegendRow::Symbol::Ring, "ring = date known to month/year"});
  rows.push_back({LegendRow::Symbol::Shaded, "shaded = province/country-level"});
  if (!o.shares_title.empty()) {
    rows.push_back({LegendRow::Symbol::Heading, o.shares_title, 0, true});
    for (size_t i = 0; i < o.shares.size(); ++i) rows.push_back({LegendRow::Symbol::Share, o.shares[i].label, int(i), true});
  }
  return rows;
}

struct LegendMetrics {
  int pad = 0, symbol_w = 0, gap = 0, width = 0, height = 0;
  std::vector<int> row_h;
  std::vector<std::vector<std::string>> lines;  // each row's label, wrapped rows on several lines
};

LegendMetrics measure_legend(const std::vector<LegendRow>& rows, const MapLayout& L, const Style& style, double ratio,
                             Fonts& f) {
  LegendMetrics m;
  m.pad = L.pt(6);
  m.gap = L.pt(5);
  m.symbol_w = int(std::ceil(2 * style.point_radius_px(kLegendTolls[2], ratio))) + 2;
  auto font_of = [&](const LegendRow& r) -> TextRasterizer& {
    TextRasterizer& font = r.symbol == LegendRow::Symbol::Heading ? *f.bold : *f.regular;
    font.set_pixel_size(L.pt(r.symbol == LegendRow::Symbol::Heading ? kLegendHeadPt : kLegendPt));
    return font;
  };
  const auto indent = [&](const LegendRow& r) { return r.symbol == LegendRow::Symbol::Heading ? 0 : m.symbol_w + m.gap; };
  int text_w = 0;
  for (const auto& r : rows)
    if (!r.wraps) text_w = std::max(text_w, indent(r) + font_of(r).measure(r.label));
  for (const auto& r : rows) {
    TextRasterizer& font = font_of(r);
    m.lines.push_back(r.wraps ? wrap(font, r.label, std::max(L.pt(40), text_w - indent(r))) : std::vector{r.label});
    int h = font.line_height_px() * int(std::max<size_t>(1, m.lines.back().size()));
    if (r.symbol == LegendRow::Symbol::Toll)
      h = std::max(h, int(std::ceil(2 * style.point_radius_px(kLegendTolls[r.index], ratio))) + L.pt(2));
    if (r.symbol == LegendRow::Symbol::Heading && &r != &rows.front()) h += L.pt(4);
    m.row_h.push_back(h);
  }
  m.width = text_w + 2 * m.pad;
  m.height = 2 * m.pad;
  for (int h : m.row_h) m.height += h;
  return m;
}

// Footer's right block: north arrow and scale bar.
int scale_block_w(const MapLayout& L) { return L.pt(130); }
int arrow_block_w(const MapLayout& L) { return L.pt(22); }

}  // namespace

double default_dpi(int width_px, int height_px) {
  return std::max(48.0, 96.0 * std::min(width_px / 1920.0, height_px / 1080.0));
}

std::optional<Fonts> Fonts::open(std::string* error) {
  Fonts f;
  f.regular = TextRasterizer::open("DejaVu Sans", error);
  if (!f.regular) return std::nullopt;
  f.bold = TextRasterizer::open("DejaVu Sans:bold", error);
  if (!f.bold) f.bold = TextRasterizer::open("DejaVu Sans", error);
  if (!f.bold) return std::nullopt;
  return f;
}

int MapLayout::pt(double points) const { return std::max(1, int(std::lround(points * px_per_pt))); }

MapLayout MapLayout::compute(int width_px, int height_px, const LayoutOptions& o, Fonts& f) {
  MapLayout L;
  L.width_px = width_px;
  L.height_px = height_px;
  L.px_per_pt = render::px_per_pt(o.dpi);
  const int m = L.pt(10);

  const Header header = header_lines(o);
  if (!header.lines.empty()) {
    int h = m;
    for (const auto& l : header.lines) {
      TextRasterizer& font = l.bold ? *f.bold : *f.regular;
      font.set_pixel_size(L.pt(l.pt));
      h += font.line_height_px() + (l.boxed ? 2 * L.pt(kBoxPadPt) : 0);
    }
    L.header = {0, 0, width_px, h + m / 2};
  }

  int legend_w = 0;
  if (o.legend) {
    const LegendMetrics lm = measure_legend(legend_rows(o), L, Style::light(), o.dpi / 96.0, f);
    legend_w = lm.width;
    L.legend = {width_px - m - lm.width, L.header.h + m, lm.width,
                std::min(lm.height, std::max(0, height_px - L.header.h - 2 * m))};
  }

  {
    f.regular->set_pixel_size(L.pt(kAttributionPt));
    const int right = (o.scalebar ? scale_block_w(L) : 0) + (o.north_arrow ? arrow_block_w(L) + m : 0);
    const int avail = std::max(L.pt(40), width_px - 2 * m - right - m);
    const auto lines = wrap(*f.regular, o.attribution, avail);
    int h = int(lines.size()) * f.regular->line_height_px();
    if (o.scalebar) h = std::max(h, L.pt(20));
    if (o.north_arrow) h = std::max(h, L.pt(22));
    if (h > 0) L.footer = {0, height_px - h - m, width_px, h + m};
  }

  const int top = L.header.h + m;
  const int bottom = height_px - (L.footer.empty() ? m : L.footer.h);
  const int right = width_px - m - (legend_w > 0 ? legend_w + m : 0);
  L.map_frame = {m, top, std::max(1, right - m), std::max(1, bottom - top)};
  return L;
}

core::Camera fit_camera(const MapLayout& L, Vec2 lo, Vec2 hi, double pixel_ratio) {
  const double w = std::max(hi.x - lo.x, 1.0), h = std::max(hi.y - lo.y, 1.0);
  const double mpp = std::max(w / L.map_frame.w, h / L.map_frame.h);
  return centred_camera(L, {0.5 * (lo.x + hi.x), 0.5 * (lo.y + hi.y)}, mpp, pixel_ratio);
}

core::Camera centred_camera(const MapLayout& L, Vec2 centre, double mpp, double pixel_ratio) {
  // The frame's centre sits off the image's centre: shift the camera so that it shows `centre`.
  const double fx = L.map_frame.x + 0.5 * L.map_frame.w, fy = L.map_frame.y + 0.5 * L.map_frame.h;
  const double dx = (0.5 * L.width_px - fx) * mpp, dy = (0.5 * L.height_px - fy) * mpp;
  core::Camera cam({centre.x + dx, centre.y - dy}, mpp, L.width_px, L.height_px, pixel_ratio);
  cam.set_metres_per_px(mpp);
  return cam;
}

double nice_floor(double x) {
  if (!(x > 0)) return 0;
  const double p = std::pow(10.0, std::floor(std::log10(x)));
  for (double k : {5.0, 2.0, 1.0})
    if (k * p <= x * (1 + 1e-9)) return k * p;
  return p;
}

ScaleBar choose_scale_bar(const core::Camera& cam, const core::Projection& proj, const PxRect& frame, double max_px) {
  ScaleBar s;
  const Vec2 c_px{frame.x + 0.5 * frame.w, frame.y + 0.5 * frame.h};
  const double probe_px = 100;
  const Vec2 a = cam.screen_to_world({c_px.x - probe_px / 2, c_px.y});
  const Vec2 b = cam.screen_to_world({c_px.x + probe_px / 2, c_px.y});
  const Vec2 la = proj.inverse(a.x, a.y), lb = proj.inverse(b.x, b.y);
  if (!std::isfinite(la.x) || !std::isfinite(lb.x)) return s;
  const double km_per_px = great_circle_km(la, lb) / probe_px;
  if (!(km_per_px > 0)) return s;
  s.length_km = nice_floor(max_px * km_per_px);
  s.length_px = s.length_km / km_per_px;
  char buf[48];
  if (s.length_km >= 1) std::snprintf(buf, sizeof buf, "%g km", s.length_km);
  else std::snprintf(buf, sizeof buf, "%g m", s.length_km * 1000);
  s.label = buf;
  return s;
}

Rgba paper_colour(const Style& style) {
  Rgba p = style.text_panel;
  p.a = 1;
  return p;
}

namespace {

// Collects the annotation marks in drawing order; each part of the layout below adds its own.
struct MarkSink {
  std::vector<Mark>& out;

  void rect(const char* group, double x, double y, double w, double h, Rgba fill) {
    Mark k;
    k.kind = Mark::Kind::Rect, k.group = group, k.x = x, k.y = y, k.w = w, k.h = h, k.fill = fill;
    out.push_back(k);
  }
  void text(const char* group, double x, double baseline, const std::string& s, int size_px, bool bold, Rgba c) {
    Mark k;
    k.kind = Mark::Kind::Text, k.group = group, k.x = x, k.y = baseline, k.text = s, k.size_px = size_px,
    k.bold = bold, k.fill = c;
    out.push_back(k);
  }
  void circle(const char* group, double cx, double cy, double r, Rgba fill, Rgba edge, double edge_px,
              double ring_px) {
    Mark k;
    k.kind = Mark::Kind::Circle, k.group = group, k.x = cx, k.y = cy, k.w = r, k.fill = fill, k.stroke = edge,
    k.stroke_px = edge_px, k.ring_px = ring_px;
    out.push_back(k);
  }
};

// Paper around the frame (four bands, left out for a transparent image), and the frame line.
void paper_and_frame_marks(MarkSink& sink, const MapLayout& L, const Style& style, bool transparent) {
  const PxRect& F = L.map_frame;
  if (!transparent) {
    const Rgba paper = paper_colour(style);
    sink.rect("paper", 0, 0, L.width_px, F.y, paper);
    sink.rect("paper", 0, F.y + F.h, L.width_px, L.height_px - F.y - F.h, paper);
    sink.rect("paper", 0, F.y, F.x, F.h, paper);
    sink.rect("paper", F.x + F.w, F.y, L.width_px - F.x - F.w, F.h, paper);
  }
  if (F.empty()) return;  // a sheet of panels: each panel has its own frame
  const double lw = std::max(1, L.pt(0.6));
  Mark k;
  k.kind = Mark::Kind::Rect, k.group = "frame", k.x = F.x - lw, k.y = F.y - lw, k.w = F.w + 2 * lw,
  k.h = F.h + 2 * lw, k.fill = Rgba{0, 0, 0, 0}, k.stroke = style.country_outline, k.stroke_px = lw;
  sink.out.push_back(k);
}

// Count badges on highlighted areas, inside the frame only; largest first, none overlapping, so
// the biggest count stays readable where areas crowd together.
void badge_marks(MarkSink& sink, const MapLayout& L, const Style& style, Fonts& f, const std::vector<Badge>& badges) {
  const PxRect& F = L.map_frame;
  const int size = L.pt(kBadgePt);
  f.bold->set_pixel_size(size);
  std::vector<Badge> sorted = badges;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Badge& a, const Badge& b) { return a.count > b.count; });
  std::vector<std::array<double, 3>> placed;
  for (const Badge& b : sorted) {
    if (!F.contains(b.x_px, b.y_px)) continue;
    const std::string s = std::to_string(b.count);
    const int w = f.bold->measure(s);
    const double radius = std::max(0.75 * size, 0.5 * w + 0.35 * size);
    bool overlaps = false;
    for (const auto& p : placed) overlaps |= std::hypot(p[0] - b.x_px, p[1] - b.y_px) < p[2] + radius;
    if (overlaps) continue;
    placed.push_back({b.x_px, b.y_px, radius});
    sink.circle("badges", b.x_px, b.y_px, radius, style.badge_fill, {0, 0, 0, 0}, 0, 0);
    sink.text("badges", std::lround(b.x_px - 0.5 * w), std::lround(b.y_px + 0.36 * f.bold->ascender_px()), s, size,
              true, style.badge_text);
  }
}

// Header: title, subtitle, date range, one under the other from the top margin.
void header_marks(MarkSink& sink, const MapLayout& L, const LayoutOptions& o, const Style& style, Fonts& f) {
  int y = L.pt(10);
  for (const auto& l : header_lines(o).lines) {
    TextRasterizer& font = l.bold ? *f.bold : *f.regular;
    font.set_pixel_size(L.pt(l.pt));
    const int pad = l.boxed ? L.pt(kBoxPadPt) : 0;
    if (l.boxed) {  // outlined, so the period reads as its own element of the slide
      sink.rect("header", L.pt(10) - pad, y, font.measure(l.text) + 2 * pad, font.line_height_px() + 2 * pad, style.text_panel);
      sink.out.back().stroke = style.text, sink.out.back().stroke_px = std::max(1, L.pt(0.75));
    }
    sink.text("header", L.pt(10), y + pad + font.ascender_px(), l.text, L.pt(l.pt), l.bold, style.text);
    y += font.line_height_px() + 2 * pad;
  }
}

// The symbol drawn at the start of one legend row, centred on (cx, cy).
void legend_symbol(MarkSink& sink, const LegendRow& r, double cx, double cy, const LayoutOptions& o,
                   const Style& style, double ratio) {
  const double r0 = style.point_radius_px(0, ratio);
  switch (r.symbol) {
    case LegendRow::Symbol::Heading: break;
    case LegendRow::Symbol::Type:
      sink.circle("legend", cx, cy, r0 * 1.6, style.event_colour[size_t(r.index)], style.point_edge,
                  style.point_edge_px * ratio, 0);
      break;
    case LegendRow::Symbol::Toll: {
      Rgba grey = style.text;
      grey.a = 0.35f;
      sink.circle("legend", cx, cy, style.point_radius_px(kLegendTolls[r.index], ratio), grey, style.point_edge,
                  style.point_edge_px * ratio, 0);
      break;
    }
    case LegendRow::Symbol::Ring:
      sink.circle("legend", cx, cy, r0 * 1.6, style.text, {0, 0, 0, 0}, 0, style.ring_width_px * ratio);
      break;
    case LegendRow::Symbol::Shaded: {
      const double s = r0 * 1.6;
      sink.rect("legend", cx - s, cy - s, 2 * s, 2 * s, blend_over(style.land_region, style.area_highlight));
      break;
    }
    case LegendRow::Symbol::Share: {
      const double s = r0 * 1.6;
      sink.rect("legend", cx - s, cy - s, 2 * s, 2 * s, blend_over(style.land_region, o.shares[size_t(r.index)].fill));
      break;
    }
  }
}

// Legend: a panel with one row per symbol and label, measured beforehand by measure_legend.
void legend_marks(MarkSink& sink, const MapLayout& L, const LayoutOptions& o, const Style& style, double ratio,
                  Fonts& f) {
  const auto rows = legend_rows(o);
  const LegendMetrics lm = measure_legend(rows, L, style, ratio, f);
  // The panel fits the rows shown (the layout may have measured room for more).
  sink.rect("legend", L.legend.x, L.legend.y, L.legend.w, std::min(L.legend.h, lm.height), style.text_panel);
  int y = L.legend.y + lm.pad;
  const double sym_cx = L.legend.x + lm.pad + 0.5 * lm.symbol_w;
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const int h = lm.row_h[i];
    if (y + h > L.legend.y + L.legend.h) break;  // no room left: rows are cut, never the map
    const bool heading = r.symbol == LegendRow::Symbol::Heading;
    TextRasterizer& font = heading ? *f.bold : *f.regular;
    const int size = L.pt(heading ? kLegendHeadPt : kLegendPt);
    font.set_pixel_size(size);
    // Symbol and text share the row's vertical centre (headings sit at the row's bottom).
    const int top_gap = heading && i > 0 ? L.pt(4) : 0;
    // A wrapped row: the symbol beside its first line.
    const int line_h = font.line_height_px(), n_lines = int(lm.lines[i].size());
    const double cy = y + top_gap + 0.5 * (n_lines > 1 ? line_h : h - top_gap);
    const int tx = heading ? L.legend.x + lm.pad : L.legend.x + lm.pad + lm.symbol_w + lm.gap;
    legend_symbol(sink, r, sym_cx, cy, o, style, ratio);
    for (int k = 0; k < n_lines; ++k)
      sink.text("legend", tx, int(std::lround(cy + 0.35 * font.ascender_px())) + k * line_h, lm.lines[i][size_t(k)], size,
                heading, style.text);
    y += h;
  }
}

// Attribution at the footer's left, wrapped so it never runs under the scale bar and arrow.
void attribution_marks(MarkSink& sink, const MapLayout& L, const LayoutOptions& o, const Style& style, Fonts& f) {
  const int m = L.pt(10);
  const int right_w = (o.scalebar ? scale_block_w(L) : 0) + (o.north_arrow ? arrow_block_w(L) + m : 0);
  const int size = L.pt(kAttributionPt);
  f.regular->set_pixel_size(size);
  const int avail = std::max(L.pt(40), L.width_px - 2 * m - right_w - m);
  int y = L.footer.y + m / 2;
  for (const auto& l : wrap(*f.regular, o.attribution, avail)) {
    sink.text("footer", m, y + f.regular->ascender_px(), l, size, false, style.text);
    y += f.regular->line_height_px();
  }
}

// Scale bar ending at x_right: four alternating segments with an outline, then the labels 0 and
// the length. Nothing is drawn where the projection gives no distance.
void scale_bar_marks(MarkSink& sink, const MapLayout& L, const Style& style, const core::Camera& cam,
                     const core::Projection& proj, Fonts& f, int x_right) {
  const int m = L.pt(10);
  const ScaleBar sb = choose_scale_bar(cam, proj, L.map_frame, scale_block_w(L) - L.pt(6));
  if (!(sb.length_px > 0)) return;
  const int ssize = L.pt(kScalePt);
  f.regular->set_pixel_size(ssize);
  const double bar_h = L.pt(3);
  const double x0 = x_right - scale_block_w(L) + L.pt(2);
  const double y0 = L.footer.y + m / 2 + f.regular->line_height_px() + L.pt(1);
  Mark box;
  box.kind = Mark::Kind::Rect, box.group = "scalebar", box.x = x0, box.y = y0, box.w = sb.length_px,
  box.h = bar_h, box.fill = paper_colour(style), box.stroke = style.text, box.stroke_px = std::max(1, L.pt(0.5));
  sink.out.push_back(box);
  for (int i = 0; i < 4; i += 2)
    sink.rect("scalebar", x0 + sb.length_px * i / 4, y0, sb.length_px / 4, bar_h, style.text);
  const int base = int(y0) - L.pt(2);
  sink.text("scalebar", x0, base, "0", ssize, false, style.text);
  const int lw = f.regular->measure(sb.label);
  sink.text("scalebar", std::lround(x0 + sb.length_px - 0.5 * lw), base, sb.label, ssize, false, style.text);
}

// North arrow ending at x_right. It points to north at the frame's centre (the screen direction
// of a small step northwards), since projected maps are not north-up everywhere.
void north_arrow_marks(MarkSink& sink, const MapLayout& L, const Style& style, const core::Camera& cam,
                       const core::Projection& proj, Fonts& f, int x_right) {
  const PxRect& F = L.map_frame;
  const Vec2 c = cam.screen_to_world({F.x + 0.5 * F.w, F.y + 0.5 * F.h});
  const Vec2 ll = proj.inverse(c.x, c.y);
  double ang = 0;  // radians clockwise from screen-up
  if (std::isfinite(ll.x) && std::isfinite(ll.y) && ll.y < 89.9) {
    const Vec2 n = proj.forward(ll.x, ll.y + 0.05);
    const Vec2 s0 = cam.world_to_screen(c), s1 = cam.world_to_screen(n);
    ang = std::atan2(s1.x - s0.x, -(s1.y - s0.y));
  }
  const double size = arrow_block_w(L);
  const double cx = x_right - 0.5 * size, cy = L.footer.y + L.pt(10) / 2 + 0.55 * size;
  auto rot = [&](double x, double y) {
    return Vec2{cx + x * std::cos(ang) - y * std::sin(ang), cy + x * std::sin(ang) + y * std::cos(ang)};
  };
  const double hh = 0.42 * size, hw = 0.22 * size;
  Mark left, rightm;
  left.kind = rightm.kind = Mark::Kind::Polygon;
  left.group = rightm.group = "north-arrow";
  left.points = {rot(0, -hh), rot(-hw, hh), rot(0, 0.5 * hh)};
  rightm.points = {rot(0, -hh), rot(0, 0.5 * hh), rot(hw, hh)};
  left.fill = style.text;
  rightm.fill = style.text;
  rightm.fill.a = 0.45f;
  sink.out.push_back(left);
  sink.out.push_back(rightm);
  const int nsize = L.pt(kScalePt);
  f.bold->set_pixel_size(nsize);
  const Vec2 np = rot(0, -hh - 0.3 * size);
  sink.text("north-arrow", std::lround(np.x - 0.5 * f.bold->measure("N")),
            std::lround(np.y + 0.5 * f.bold->ascender_px()), "N", nsize, true, style.text);
}

}  // namespace

std::vector<Mark> layout_marks(const MapLayout& L, const LayoutOptions& o, const Style& style, const core::Camera& cam,
                               const core::Projection& proj, Fonts& f, const std::vector<Badge>& badges,
                               bool transparent) {
  std::vector<Mark> out;
  MarkSink sink{out};
  paper_and_frame_marks(sink, L, style, transparent);
  badge_marks(sink, L, style, f, badges);
  if (!L.header.empty()) header_marks(sink, L, o, style, f);
  if (o.legend && !L.legend.empty()) legend_marks(sink, L, o, style, cam.pixel_ratio(), f);
  if (!L.footer.empty()) {
    // Footer: attribution (left), then from the right edge the scale bar and the north arrow.
    attribution_marks(sink, L, o, style, f);
    int x_right = L.width_px - L.pt(10);
    if (o.scalebar) {
      scale_bar_marks(sink, L, style, cam, proj, f, x_right);
      x_right -= scale_block_w(L) + L.pt(10);
    }
    if (o.north_arrow) north_arrow_marks(sink, L, style, cam, proj, f, x_right);
  }
  return out;
}

}  // namespace driftmap::render
