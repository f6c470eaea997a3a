// `driftmap animate --story`: the story's chapters in order, each held for a while with its
// window, frame, title and caption (one exporter per chapter: each has its own frame).
#pragma once
#include <functional>
#include <string>

#include "app/export_options.hpp"
#include "app/progress_bar.hpp"
#include "output/output_format.hpp"

namespace driftmap::app {

// Writes every chapter with the animation format's writer, each as hold_frames identical frames.
// stop_requested is asked before every frame (Ctrl-C): the writer is then cancelled and nothing
// is left at the target. Returns the exit status (messages printed).
int animate_story(ExportInputs& inputs, const render::ExportSettings& settings, const output::OutputFormat& format,
                  const output::WriterOptions& options, const std::string& out, int hold_frames, bool title_given,
                  bool subtitle_given, ProgressBar& progress, const std::function<bool()>& stop_requested);

}  // namespace driftmap::app
