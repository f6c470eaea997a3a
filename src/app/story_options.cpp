#include "app/story_options.hpp"

#include <cstdio>

#include "core/geodata.hpp"

namespace driftmap::app {

std::optional<std::vector<core::Chapter>> load_bundled_story() {
  core::Problems problems;
  auto story = core::load_story(core::geodata_file("story.csv"), &problems);
  for (const auto& p : problems.items) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
  return story;
}

std::string chapter_heading(const core::Chapter& c) {
  return "Chapter " + std::to_string(c.number) + " \u00b7 " + c.period_text() + " \u00b7 " + c.title;
}

void apply_chapter(const core::Chapter& c, const core::Bundle* bundle, render::ExportSettings* st, bool frame_given,
                   bool title_given, bool subtitle_given) {
  if (!frame_given) {
    st->bbox = c.frame;
    st->centre_m.reset();
    st->view_box_m.reset();
  }
  st->ctc_shares = true;
  if (!title_given) st->title = chapter_heading(c);
  if (!subtitle_given) st->subtitle = c.caption;
  const core::Source* src = bundle ? bundle->source(c.source_id) : nullptr;
  st->caption = "\u201c" + c.quote + "\u201d (" + (src ? src->title : c.source_id) + ").";
}

}  // namespace driftmap::app
