// SVG: the frame's scene, one Inkscape layer (<g>) per scene layer, every mark an element;
// text as <text>. Deterministic bytes; every string passes core::printable_line, so the file is
// well-formed XML whatever the data holds.
#include <cstdio>

#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "output/output_writer.hpp"

namespace driftmap::output {

namespace {

using render::Mark;
using render::Rgba;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string hex(Rgba c) {
  const auto b = c.to_bytes();
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", b[0], b[1], b[2]);
  return buf;
}

std::string paint(const char* what, Rgba c) {
  std::string s = std::string(" ") + what + "=\"" + hex(c) + "\"";
  if (c.a < 0.999f) s += std::string(" ") + what + "-opacity=\"" + num(c.a) + "\"";
  return s;
}

// A text halo: a stroke painted under the fill, so labels read over outlines and fills.
std::string halo(const Mark& k) {
  if (k.stroke_px <= 0 || k.stroke.a <= 0) return {};
  return paint("stroke", k.stroke) + " stroke-width=\"" + num(2 * k.stroke_px) +
         "\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
}

std::string xml_text(std::string_view raw) {
  const std::string s = core::printable_line(raw);
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

// An XML name for an id: letters, digits, '-', '_', '.'; anything else becomes '_'.
std::string xml_id(std::string_view raw) {
  std::string o;
  for (char c : raw) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.';
    o += ok ? c : '_';
  }
  return o;
}

std::string fill_and_stroke(const Mark& k) {
  std::string s = k.fill.a > 0 ? paint("fill", k.fill) : std::string(" fill=\"none\"");
  if (k.stroke_px > 0 && k.stroke.a > 0) s += paint("stroke", k.stroke) + " stroke-width=\"" + num(k.stroke_px) + "\"";
  return s;
}

// prefix: the panel's ("panel-2-"), so that ids stay unique in a sheet.
std::string ident(const Mark& k, const std::string& prefix) {
  std::string s;
  if (!k.id.empty()) s += " id=\"" + prefix + xml_id(k.id) + "\"";
  if (!k.name.empty()) s += " inkscape:label=\"" + xml_text(k.name) + "\"";
  return s;
}

void write_mark(std::string& out, const Mark& k, const std::string& prefix) {
  switch (k.kind) {
    case Mark::Kind::Rect:
      out += "<rect" + ident(k, prefix) + " x=\"" + num(k.x) + "\" y=\"" + num(k.y) + "\" width=\"" + num(k.w) + "\" height=\"" +
             num(k.h) + "\"" + fill_and_stroke(k) + "/>\n";
      break;
    case Mark::Kind::Circle:
      if (k.ring_px > 0)
        out += "<circle" + ident(k, prefix) + " cx=\"" + num(k.x) + "\" cy=\"" + num(k.y) + "\" r=\"" + num(k.w - k.ring_px / 2) +
               "\" fill=\"none\"" + paint("stroke", k.fill) + " stroke-width=\"" + num(k.ring_px) + "\"/>\n";
      else
        out += "<circle" + ident(k, prefix) + " cx=\"" + num(k.x) + "\" cy=\"" + num(k.y) + "\" r=\"" + num(k.w + k.stroke_px / 2) +
               "\"" + fill_and_stroke(k) + "/>\n";
      break;
    case Mark::Kind::Polygon:
      out += "<polygon" + ident(k, prefix) + " points=\"";
      for (size_t i = 0; i < k.points.size(); ++i) out += (i ? " " : "") + num(k.points[i].x) + "," + num(k.points[i].y);
      out += "\"" + fill_and_stroke(k) + "/>\n";
      break;
    case Mark::Kind::Path:
      out += "<path" + ident(k, prefix) + " fill-rule=\"evenodd\"" + fill_and_stroke(k);
      if (k.stroke_px > 0) out += " stroke-linejoin=\"round\" stroke-linecap=\"round\"";
      out += " d=\"";
      for (const auto& r : k.rings) {
        for (size_t i = 0; i < r.size(); ++i) out += (i == 0 ? "M" : i == 1 ? " L" : " ") + num(r[i].x) + "," + num(r[i].y);
        out += "Z";
      }
      out += "\"/>\n";
      break;
    case Mark::Kind::Text:
      out += "<text" + ident(k, prefix) + " x=\"" + num(k.x) + "\" y=\"" + num(k.y) + "\" font-family=\"DejaVu Sans\" font-size=\"" +
             std::to_string(k.size_px) + "\"" + (k.bold ? " font-weight=\"bold\"" : "") + paint("fill", k.fill) +
             halo(k) + " xml:space=\"preserve\">" + xml_text(k.text) + "</text>\n";
      break;
  }
}

}  // namespace

namespace {

std::string clip_rect(const std::string& id, const render::PxRect& F) {
  return "<clipPath id=\"" + id + "\"><rect x=\"" + num(F.x) + "\" y=\"" + num(F.y) + "\" width=\"" + num(F.w) +
         "\" height=\"" + num(F.h) + "\"/></clipPath>";
}

// The scene's layers as Inkscape layers; prefix (a panel's) keeps the ids unique in a sheet.
void write_layers(std::string& out, const render::Scene& scene, const std::string& prefix) {
  for (const auto& layer : scene.layers) {
    // Map layers stay as (possibly empty) layers so an editor always finds the same structure.
    if (layer.marks.empty() && !layer.spec->clip_to_map) continue;
    out += "<g id=\"" + prefix + layer.spec->id + "\" inkscape:groupmode=\"layer\" inkscape:label=\"" +
           layer.spec->label + "\"" +
           (layer.spec->clip_to_map ? " clip-path=\"url(#" + prefix + "map-frame-clip)\"" : std::string()) + ">\n";
    for (const Mark& k : layer.marks) write_mark(out, k, prefix);
    out += "</g>\n";
  }
}

}  // namespace

// The scene as an SVG document; a sheet's panels each as a group at its place.
std::string svg_document(const render::Scene& scene) {
  std::string out;
  out.reserve(1 << 20);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" "
         "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" version=\"1.1\" width=\"" +
         num(scene.width_px / scene.dpi * 25.4) + "mm\" height=\"" + num(scene.height_px / scene.dpi * 25.4) +
         "mm\" viewBox=\"0 0 " + std::to_string(scene.width_px) + " " + std::to_string(scene.height_px) + "\">\n";
  out += "<title>" + xml_text(scene.title) + "</title>\n";
  out += "<defs>" + clip_rect("map-frame-clip", scene.map_frame);
  for (const render::ScenePanel& p : scene.panels) out += clip_rect(p.id + "-map-frame-clip", p.scene.map_frame);
  out += "</defs>\n";
  write_layers(out, scene, "");
  for (const render::ScenePanel& p : scene.panels) {
    out += "<g id=\"" + p.id + "\" class=\"panel\" inkscape:label=\"" + xml_text(p.name) + "\" transform=\"translate(" +
           std::to_string(p.x_px) + " " + std::to_string(p.y_px) + ")\">\n";
    write_layers(out, p.scene, p.id + "-");
    out += "</g>\n";
  }
  out += "</svg>\n";
  return out;
}

namespace {

class SvgWriter final : public StillWriter {
  bool write_frame(render::MapExporter& ex, core::DayInterval w, const std::string& path, std::string* error) override {
    return core::write_file_atomically(path, svg_document(ex.scene(w, render::SceneDetail::Full)), error);
  }
  bool write_sheet(render::PanelSheet& sheet, const std::string& path, std::string* error) override {
    return core::write_file_atomically(path, svg_document(sheet.scene()), error);
  }
};

}  // namespace

std::unique_ptr<OutputWriter> make_svg_writer() { return std::make_unique<SvgWriter>(); }

}  // namespace driftmap::output
