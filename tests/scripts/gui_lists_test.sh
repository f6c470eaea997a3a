#!/usr/bin/env bash
# GUI check under Xvfb of the incidents a click finds together, as a person does it (window
# 2020-01 to 2021-12, the map centred between Kabul and Nangarhar):
# - a click inside Nangarhar, away from any point, lists the province's area-level incidents of
#   the window (the Kuz Kunar funeral attack among them); choosing one opens its details and the
#   map outlines the province;
# - a click on Kabul's circle, where several incidents share one coordinate, lists them all.
# Usage: gui_lists_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir

# The viewer's projection is the Lambert azimuthal equal-area centred on Afghanistan and
# Pakistan's box (68.767926E 31.083789N). In it Kabul's incidents (69.17233E 34.52813N) are at
# (36932, 382188) m and a spot in Nangarhar away from Jalalabad (70.2E 34.2N) at (132040, 346397) m
# (gdaltransform). Centred on their midpoint at 400 m a pixel, the 1400x900 window's centre
# (700, 450) has Kabul at (581, 405) and the Nangarhar spot at (819, 495).
cat >"$work/view.ini" <<INI
driftmap_session = 1
[view]
centre_x_m = 84486
centre_y_m = 364293
metres_per_px = 400
INI
viewer_start --size 1400x900 --session "$work/view.ini" --from 2020-01 --to 2021-12
settle before

click 819 495
text=$(await area "Kuz Kunar") || fail "a click in Nangarhar did not list its incidents: $(echo "$text" | tr '\n' ' ')"
echo "$text" | grep -q "Nangarhar" || fail "the list does not name Nangarhar: $(echo "$text" | tr '\n' ' ')"
echo "$text" | grep -q "area-level incidents" || fail "the list does not say what it lists: $(echo "$text" | tr '\n' ' ')"
echo "Nangarhar: its area-level incidents are listed"

click_text area "Kuz"
text=$(await chosen "Incident details") || fail "choosing the Kuz Kunar attack did not open its details"
echo "$text" | grep -q "province" || fail "the details do not say the incident is located to the province: $text"
# The outline: dark pixels along Nangarhar's southern border, below the spot (the list opens above
# it), that were not there before the choice.
outline=$(changed_box area chosen "300x200+680+505")
[ -n "$outline" ] || fail "the chosen area-level incident's province is not outlined on the map"
echo "chosen: details open, province outlined ($outline)"

click 581 405
text=$(await stack "Kabul University") || fail "a click on Kabul's circle did not list its incidents: $(echo "$text" | tr '\n' ' ')"
lines=$(echo "$text" | grep -c "Kabul")
[ "$lines" -ge 5 ] || fail "Kabul's stack lists only $lines lines naming Kabul: $(echo "$text" | tr '\n' ' ')"
echo "Kabul: $lines incidents of the stack listed"
viewer_quit
echo "PASS"
