#include "output/output_writer.hpp"

namespace driftmap::output {

bool ImageSequenceWriter::begin(const std::string& target, const WriterOptions& options, std::string* error) {
  cancel();
  opt_ = options;
  frames_ = 0;
  out_ = target;
  if (out_.empty()) return fail("the output name is empty", error);
  if (opt_.width_px < 1 || opt_.height_px < 1) return fail(out_ + ": no frame size", error);
  return true;
}

bool ImageSequenceWriter::fail(std::string message, std::string* error) {
  if (error) *error = std::move(message);
  cancel();
  return false;
}

}  // namespace driftmap::output
