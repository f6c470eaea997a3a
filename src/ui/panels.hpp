// The viewer's panels: each a function over the ViewState and the derived Scene. They read and
// write state and queue Actions; they make no GL calls and do no file I/O.
#pragma once
#include "ui/scene.hpp"
#include "ui/state.hpp"

namespace driftmap::ui {

void menu_bar(ViewState& v, const Scene& s);
void timeline_panel(ViewState& v, const Scene& s);  // bottom: histogram, range slider, playback
void sidebar_panel(ViewState& v, const Scene& s);   // right: filters, layers, legend, CTC chart
void filters_section(ViewState& v, const Scene& s);
void data_layers_section(ViewState& v);  // the bundled data and each file: count, shown, Remove
void legend_section(ViewState& v, const Scene& s);
void ctc_section(ViewState& v, const Scene& s);
void details_panel(ViewState& v, const Scene& s);   // selected incident, every field, citations
void hover_tooltip(const ViewState& v, const Scene& s);
// What a click found together (a stack, an area's incidents): a list; choosing one selects it.
void pick_list_window(ViewState& v, const Scene& s);
// The same rows in a tooltip (inside BeginTooltip), with "click to list them".
void list_tooltip_rows(const PickList& list, const Scene& s);
void region_tooltip(const ViewState& v, const Scene& s);  // province under the cursor: CTC figures
void map_overlay(const ViewState& v, const Scene& s);  // labels, badges, region shares (background list)
void drift_overlay(const ViewState& v, const Scene& s);  // the drift layer, when it is on
void loading_window(ViewState& v);  // the file being read, with Cancel
// The Help menu's windows: About, and Keyboard shortcuts (F1).
void about_window(ViewState& v, const Scene& s);
// File → Open: path field, text encoding, the folder's browser, session field, recent files.
void open_file_window(ViewState& v);
// A key for the Open dialog's browser while the dialog has the focus (Up/Down, Enter,
// Backspace, PgUp/PgDn, Home/End); false when the key is not the browser's.
bool file_browser_key(ViewState& v, const KeyPress& k);
void confirm_replace_window(ViewState& v);  // "replace the session at …?"
void errors_window(ViewState& v);
// The story of the shift: the chapter's heading, caption and quote with its document, and
// Previous/Next (PgUp/PgDn) that set the chapter's window and frame (Action::ShowChapter).
void story_panel(ViewState& v, const Scene& s);
// Moves the Story panel by delta chapters (clamped), opening it on the current one if closed.
void story_step(ViewState& v, const Scene& s, int delta);

// Keyboard shortcuts that aren't tied to a widget (Space, arrows, Home/End, +/-, Esc, Tab, Ctrl+S).
void handle_shortcuts(ViewState& v, const Scene& s);

// Height of the bottom timeline panel and width of the sidebar, in window pixels.
float timeline_height();
float sidebar_width();
float menu_height();
float details_width();  // the details window's width when it opens (at the map's top left)

}  // namespace driftmap::ui
