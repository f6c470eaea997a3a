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

bool ImageSequenceWriter::check_frame(const render::RgbaImage& frame, bool open, std::string* error) {
  if (!open) return fail(out_ + ": the animation is not open", error);
  if (frame.width != opt_.width_px || frame.height != opt_.height_px ||
      frame.pixels.size() != size_t(frame.width) * size_t(frame.height) * 4)
    return fail(out_ + ": frame " + std::to_string(frames_ + 1) + " is " + std::to_string(frame.width) + "x" +
                    std::to_string(frame.height) + ", expected " + std::to_string(opt_.width_px) + "x" +
                    std::to_string(opt_.height_px),
                error);
  return true;
}

}  // namespace driftmap::output
