// PDF: the frame's scene drawn with Cairo's PDF surface — vector paths, text as text (fonts
// embedded, extractable), the page sized by the export's dpi (A4 at 300 dpi is an A4 page).
// Written to a temporary file beside the target and renamed into place when complete.
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <cmath>
#include <map>
#include <memory>

#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "output/output_writer.hpp"
#include "render/text_raster.hpp"

namespace driftmap::output {

namespace {

using render::Mark;
using render::Rgba;

void set_colour(cairo_t* cr, Rgba c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

// Fill then stroke the current path, as the mark asks.
void paint(cairo_t* cr, const Mark& k) {
  if (k.fill.a > 0) {
    set_colour(cr, k.fill);
    cairo_fill_preserve(cr);
  }
  if (k.stroke_px > 0 && k.stroke.a > 0) {
    set_colour(cr, k.stroke);
    cairo_set_line_width(cr, k.stroke_px);
    cairo_stroke_preserve(cr);
  }
  cairo_new_path(cr);
}

// Regular and bold faces from fontconfig (the raster text's family).
struct PdfFonts {
  cairo_font_face_t* regular = nullptr;
  cairo_font_face_t* bold = nullptr;
  std::unique_ptr<render::TextRasterizer> shaper_regular, shaper_bold;
  std::map<std::string, cairo_font_face_t*> by_file;
  PdfFonts() {
    regular = face("DejaVu Sans");
    bold = face("DejaVu Sans:bold");
  }
  ~PdfFonts() {
    if (regular) cairo_font_face_destroy(regular);
    if (bold) cairo_font_face_destroy(bold);
    for (auto& [file, f] : by_file) cairo_font_face_destroy(f);
  }

  // Text that needs a shaper is laid out by the raster text's shaper (the same glyphs, in the
  // same fonts) and drawn as glyphs; opened on first use.
  render::TextRasterizer* shaper(bool bold_face) {
    auto& s = bold_face ? shaper_bold : shaper_regular;
    if (!s) s = render::TextRasterizer::open(bold_face ? "DejaVu Sans:bold" : "DejaVu Sans", nullptr);
    return s.get();
  }
  cairo_font_face_t* file_face(const std::string& file) {
    auto it = by_file.find(file);
    if (it != by_file.end()) return it->second;
    FcPattern* p = FcPatternCreate();
    FcPatternAddString(p, FC_FILE, reinterpret_cast<const FcChar8*>(file.c_str()));
    cairo_font_face_t* f = cairo_ft_font_face_create_for_pattern(p);
    FcPatternDestroy(p);
    return by_file[file] = f;
  }
  PdfFonts(const PdfFonts&) = delete;
  PdfFonts& operator=(const PdfFonts&) = delete;

  static cairo_font_face_t* face(const char* name) {
    FcPattern* p = FcNameParse(reinterpret_cast<const FcChar8*>(name));
    if (!p) return nullptr;
    FcConfigSubstitute(nullptr, p, FcMatchPattern);
    FcDefaultSubstitute(p);
    FcResult result;
    FcPattern* match = FcFontMatch(nullptr, p, &result);
    FcPatternDestroy(p);
    if (!match) return nullptr;
    cairo_font_face_t* f = cairo_ft_font_face_create_for_pattern(match);
    FcPatternDestroy(match);
    return f;
  }
};

// Shaped glyphs (Arabic script, combining marks, fallback fonts) drawn run by run, one run per
// font: as glyphs (text), or added to the current path (for the halo).
void glyph_runs(cairo_t* cr, const Mark& k, const std::vector<render::TextRasterizer::ShapedGlyph>& glyphs,
                render::TextRasterizer& shaper, PdfFonts& fonts, bool as_path) {
  for (size_t i = 0; i < glyphs.size();) {
    std::vector<cairo_glyph_t> run;
    size_t j = i;
    for (; j < glyphs.size() && glyphs[j].font == glyphs[i].font; ++j)
      run.push_back({glyphs[j].index, k.x + glyphs[j].x_px, k.y - glyphs[j].y_px});
    cairo_set_font_face(cr, fonts.file_face(shaper.font_file(glyphs[i].font)));
    cairo_set_font_size(cr, k.size_px);
    (as_path ? cairo_glyph_path : cairo_show_glyphs)(cr, run.data(), int(run.size()));
    i = j;
  }
}

void draw_text(cairo_t* cr, const Mark& k, PdfFonts& fonts) {
  const std::string text = core::printable_line(k.text);
  render::TextRasterizer* shaper = fonts.shaper(k.bold);
  std::vector<render::TextRasterizer::ShapedGlyph> glyphs;
  if (shaper && shaper->needs_shaping(text)) {
    shaper->set_pixel_size(k.size_px);
    glyphs = shaper->shape(text);
  }
  cairo_font_face_t* face = k.bold && fonts.bold ? fonts.bold : fonts.regular;
  auto plain_font = [&] {
    if (face) cairo_set_font_face(cr, face);
    cairo_set_font_size(cr, k.size_px);
  };
  if (k.stroke_px > 0 && k.stroke.a > 0) {  // halo under the glyphs
    cairo_new_path(cr);
    if (!glyphs.empty()) {
      glyph_runs(cr, k, glyphs, *shaper, fonts, true);
    } else {
      plain_font();
      cairo_move_to(cr, k.x, k.y);
      cairo_text_path(cr, text.c_str());
    }
    set_colour(cr, k.stroke);
    cairo_set_line_width(cr, 2 * k.stroke_px);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
  }
  set_colour(cr, k.fill);
  if (!glyphs.empty()) {
    glyph_runs(cr, k, glyphs, *shaper, fonts, false);
  } else {
    plain_font();
    cairo_move_to(cr, k.x, k.y);
    cairo_show_text(cr, text.c_str());
  }
  cairo_new_path(cr);
}

void draw_mark(cairo_t* cr, const Mark& k, PdfFonts& fonts) {
  switch (k.kind) {
    case Mark::Kind::Rect: {
      Mark fill_only = k;
      fill_only.stroke_px = 0;
      cairo_rectangle(cr, k.x, k.y, k.w, k.h);
      paint(cr, fill_only);
      if (k.stroke_px > 0 && k.stroke.a > 0) {  // inside the box, as the raster draws it
        const double s = k.stroke_px;
        cairo_rectangle(cr, k.x + s / 2, k.y + s / 2, k.w - s, k.h - s);
        set_colour(cr, k.stroke);
        cairo_set_line_width(cr, s);
        cairo_stroke(cr);
      }
      break;
    }
    case Mark::Kind::Circle:
      if (k.ring_px > 0) {
        cairo_arc(cr, k.x, k.y, k.w - k.ring_px / 2, 0, 2 * M_PI);
        set_colour(cr, k.fill);
        cairo_set_line_width(cr, k.ring_px);
        cairo_stroke(cr);
      } else {
        cairo_arc(cr, k.x, k.y, k.w + k.stroke_px / 2, 0, 2 * M_PI);
        paint(cr, k);
      }
      break;
    case Mark::Kind::Polygon:
      for (size_t i = 0; i < k.points.size(); ++i)
        (i ? cairo_line_to : cairo_move_to)(cr, k.points[i].x, k.points[i].y);
      cairo_close_path(cr);
      paint(cr, k);
      break;
    case Mark::Kind::Path:
      cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      for (const auto& r : k.rings) {
        for (size_t i = 0; i < r.size(); ++i) (i ? cairo_line_to : cairo_move_to)(cr, r[i].x, r[i].y);
        cairo_close_path(cr);
      }
      paint(cr, k);
      break;
    case Mark::Kind::Text: draw_text(cr, k, fonts); break;
  }
}

// The scene's layers, bottom to top, the map layers clipped to its frame.
void draw_layers(cairo_t* cr, const render::Scene& scene, PdfFonts& fonts) {
  const render::PxRect& F = scene.map_frame;
  for (const auto& layer : scene.layers) {
    if (layer.marks.empty()) continue;
    cairo_save(cr);
    if (layer.spec->clip_to_map) {
      cairo_rectangle(cr, F.x, F.y, F.w, F.h);
      cairo_clip(cr);
    }
    for (const Mark& k : layer.marks) draw_mark(cr, k, fonts);
    cairo_restore(cr);
  }
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

// The scene as PDF bytes; false with *error on a Cairo failure.
bool pdf_document(const render::Scene& scene, std::string* bytes, std::string* error) {
  const double pt_per_px = 72.0 / scene.dpi;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, bytes, scene.width_px * pt_per_px,
                                                                 scene.height_px * pt_per_px);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, core::printable_line(scene.title).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "driftmap");
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, pt_per_px, pt_per_px);
  PdfFonts fonts;
  draw_layers(cr, scene, fonts);
  // Each panel of a sheet as a group of its own (a form XObject), drawn at its place.
  for (const render::ScenePanel& p : scene.panels) {
    cairo_save(cr);
    cairo_translate(cr, p.x_px, p.y_px);
    cairo_push_group(cr);
    draw_layers(cr, p.scene, fonts);
    cairo_pop_group_to_source(cr);
    cairo_paint(cr);
    cairo_restore(cr);
  }
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
    if (error) *error = std::string("Cairo failed: ") + cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished);
    return false;
  }
  return true;
}

namespace {

class PdfWriter final : public StillWriter {
  bool write_frame(render::MapExporter& ex, core::DayInterval w, const std::string& path, std::string* error) override {
    std::string bytes, why;
    if (!pdf_document(ex.scene(w, render::SceneDetail::Full), &bytes, &why)) {
      if (error) *error = path + ": " + why;
      return false;
    }
    return core::write_file_atomically(path, bytes, error);
  }
  bool write_sheet(render::PanelSheet& sheet, const std::string& path, std::string* error) override {
    std::string bytes, why;
    if (!pdf_document(sheet.scene(), &bytes, &why)) {
      if (error) *error = path + ": " + why;
      return false;
    }
    return core::write_file_atomically(path, bytes, error);
  }
};

}  // namespace

std::unique_ptr<OutputWriter> make_pdf_writer() { return std::make_unique<PdfWriter>(); }

}  // namespace driftmap::output
