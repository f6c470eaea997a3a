#include "app/story_animation.hpp"

#include "app/story_options.hpp"
#include "core/geodata.hpp"
#include "render/headless_context.hpp"
#include "render/map_export.hpp"

namespace driftmap::app {

int animate_story(ExportInputs& inputs, const render::ExportSettings& settings, const output::OutputFormat& format,
                  const output::WriterOptions& options, const std::string& out, int hold_frames, bool title_given,
                  bool subtitle_given, ProgressBar& progress, const std::function<bool()>& stop_requested) {
  const auto story = load_bundled_story();
  if (!story) return kExitFailure;
  if (!inputs.bundle) {  // --data without --ctc: the article's figures come from the bundled tables
    core::Problems problems;
    inputs.bundle = core::load_bundle_tables(core::geodata_dir(), &problems);
    if (!inputs.bundle) return fail_line("--story: the article's figures in " + core::geodata_dir() + " cannot be loaded");
    inputs.bundle_incidents_shown = false;
  }
  auto fail = [&](const std::string& message) {
    progress.finish();
    return fail_line(message);
  };
  return run_render_work(
      [&] {
        render::HeadlessContext context;
        const auto writer = format.writer();
        // Animation writers take pixels: a held chapter is rendered once and added hold_frames times.
        auto* images = dynamic_cast<output::ImageSequenceWriter*>(writer.get());
        std::string error;
        if (!images || !writer->open(out, options, &error)) return fail(images ? error : out + ": not an animation format");
        const size_t total = story->size() * size_t(hold_frames);
        size_t done = 0;
        for (const core::Chapter& c : *story) {
          render::ExportSettings st = settings;
          apply_chapter(c, &*inputs.bundle, &st, settings.bbox.has_value(), title_given, subtitle_given);
          render::MapExporter exporter(inputs.data(), st);
          const render::RgbaImage frame = exporter.render(c.window());
          for (int i = 0; i < hold_frames; ++i) {
            if (stop_requested()) {
              writer->cancel();
              return fail("interrupted: nothing was written to " + out);
            }
            if (!images->add_image(frame, &error)) return fail(error);
            ++done;
            progress.update(double(done) / double(total), "chapter " + std::to_string(c.number));
          }
        }
        if (!writer->finish(&error)) return fail(error);
        return kExitOk;
      },
      fail);
}

}  // namespace driftmap::app
