// PNG: the frame's or the sheet's pixels (GL map + rasterised marks), encoded by render::write_png.
#include "output/output_writer.hpp"
#include "render/png_writer.hpp"

namespace driftmap::output {

namespace {

class PngWriter final : public StillWriter {
  bool write_frame(render::MapExporter& ex, core::DayInterval w, const std::string& path, std::string* error) override {
    const render::RgbaImage img = ex.render(w);
    return render::write_png(path, img.pixels, img.width, img.height, error, ex.keeps_alpha());
  }
  bool write_sheet(render::PanelSheet& sheet, const std::string& path, std::string* error) override {
    const render::RgbaImage img = sheet.render();
    return render::write_png(path, img.pixels, img.width, img.height, error, sheet.keeps_alpha());
  }
};

}  // namespace

std::unique_ptr<OutputWriter> make_png_writer() { return std::make_unique<PngWriter>(); }

}  // namespace driftmap::output
