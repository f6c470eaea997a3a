// The story's chapters for the command line: loading geodata/story.csv with its problems printed,
// and --chapter K applied to an export's settings (window, frame, title, caption, figures).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/story.hpp"
#include "render/map_export.hpp"

namespace driftmap::app {

// The bundled chapters; on failure prints every problem (file:line: field: message) and returns
// nullopt.
std::optional<std::vector<core::Chapter>> load_bundled_story();

// Sets the chapter's frame, the article's figures on, and its title and caption where the user
// gave none. The caption line quotes the chapter's document verbatim.
// bundle (optional) names the quote's document by its title.
void apply_chapter(const core::Chapter& chapter, const core::Bundle* bundle, render::ExportSettings* settings,
                   bool frame_given, bool title_given, bool subtitle_given);

// "Chapter 3 · 2022 · The 2022 spread"
std::string chapter_heading(const core::Chapter& chapter);

}  // namespace driftmap::app
