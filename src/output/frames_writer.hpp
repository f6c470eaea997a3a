// A directory of numbered PNG frames (frame_00001.png, ...), staged in a temporary directory
// beside the target and moved into place by finish().
#pragma once
#include <string>

#include "output/output_writer.hpp"

namespace driftmap::output {

class FramesWriter final : public ImageSequenceWriter {
 public:
  FramesWriter() = default;
  ~FramesWriter() override;  // cancel() unless finish() succeeded
  FramesWriter(const FramesWriter&) = delete;
  FramesWriter& operator=(const FramesWriter&) = delete;

  // Creates the temporary directory. The target may exist: its frames are replaced, other files
  // kept.
  bool open(const std::string& path, const WriterOptions& options, std::string* error) override;
  bool add_image(const render::RgbaImage& frame, std::string* error) override;
  bool finish(std::string* error) override;
  void cancel() override;

};

// "frame_NNNNN.png" for i from 1.
std::string frame_file_name(size_t i);

}  // namespace driftmap::output
