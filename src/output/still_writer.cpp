// StillWriter: the one-frame protocol the image formats share (one map or one sheet of panels).
#include "output/output_writer.hpp"

namespace driftmap::output {

bool StillWriter::open(const std::string& path, const WriterOptions& options, std::string* error) {
  path_ = path;
  options_ = options;
  written_ = false;
  if (path_.empty()) {
    if (error) *error = "the output name is empty";
    return false;
  }
  return true;
}

bool StillWriter::add_frame(render::MapExporter& exporter, core::DayInterval window, std::string* error) {
  if (written_) {
    if (error) *error = path_ + ": an image holds one frame";
    return false;
  }
  if (!write_frame(exporter, window, path_, error)) return false;
  written_ = true;
  return true;
}

bool OutputWriter::add_sheet(render::PanelSheet&, std::string* error) {
  if (error) *error = target() + ": an animation cannot hold a sheet of panels";
  return false;
}

bool StillWriter::add_sheet(render::PanelSheet& sheet, std::string* error) {
  if (written_) {
    if (error) *error = path_ + ": an image holds one frame";
    return false;
  }
  if (!write_sheet(sheet, path_, error)) return false;
  written_ = true;
  return true;
}

bool StillWriter::write_sheet(render::PanelSheet&, const std::string& path, std::string* error) {
  if (error) *error = path + ": this format holds one map, not a sheet of panels";
  return false;
}

bool StillWriter::finish(std::string* error) {
  if (written_) return true;
  if (error) *error = path_ + ": no frame was written";
  return false;
}

}  // namespace driftmap::output
