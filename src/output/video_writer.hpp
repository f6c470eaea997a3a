// MP4 (H.264, yuv420p) and GIF through Debian's ffmpeg, raw RGBA frames on a pipe. The video is
// staged in a temporary file beside the target; finish() checks that the container is complete
// (ffmpeg 5.1 exits 0 when only its trailer could not be written, e.g. on a full disk) before
// the rename, so a broken file never replaces a good one.
#pragma once
#include <sys/types.h>

#include <memory>
#include <string>

#include "output/output_writer.hpp"

namespace driftmap::core {
class AtomicFile;
}

namespace driftmap::output {

enum class VideoFormat { Mp4, Gif };

// Full path of ffmpeg (DRIFTMAP_FFMPEG overrides; "" when none is found).
std::string find_ffmpeg();
// Where PNG frames go instead of FILE.mp4/FILE.gif when ffmpeg is missing: "FILE_frames/".
std::string frames_fallback_dir(const std::string& out);

// Why the file at path is not a complete video of the format ("" when it is): MP4 top-level
// boxes that tile the file and include ftyp, moov and mdat; GIF header and trailer.
std::string incomplete_video_reason(const std::string& path, VideoFormat format);

class VideoWriter final : public ImageSequenceWriter {
 public:
  explicit VideoWriter(VideoFormat format);
  ~VideoWriter() override;  // cancel() unless finish() succeeded
  VideoWriter(const VideoWriter&) = delete;
  VideoWriter& operator=(const VideoWriter&) = delete;

  // Creates the temporary file and starts ffmpeg. False with *error naming the path (ffmpeg
  // missing, an odd side for MP4).
  bool open(const std::string& path, const WriterOptions& options, std::string* error) override;
  bool add_image(const render::RgbaImage& frame, std::string* error) override;
  bool finish(std::string* error) override;
  void cancel() override;

 private:
  bool write_all(const std::vector<uint8_t>& bytes);
  bool wait_encoder();  // closes the pipe, waits; true when ffmpeg exited with 0

  VideoFormat format_;
  std::unique_ptr<core::AtomicFile> file_;
  pid_t pid_ = -1;
  int fd_ = -1;
};

}  // namespace driftmap::output
