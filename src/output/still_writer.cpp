// StillWriter: the one-frame protocol the image formats share.
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

bool StillWriter::finish(std::string* error) {
  if (written_) return true;
  if (error) *error = path_ + ": no frame was written";
  return false;
}

}  // namespace driftmap::output
