#!/usr/bin/env bash
# GUI check under Xvfb of selecting an incident on the map, as a person does it:
# - a click (press and release at one spot) on an incident's circle opens its details: the place
#   and the document's verbatim quote are on screen, and the map rings the selection;
# - Tab, with the incident outside the view, selects it and pans the map until it is in view.
# The circle is found by comparing two shots of the same view: August 2016 (one incident, the
# Quetta hospital attack) and September 2016 (none).
# Usage: gui_click_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir
map_crop=1040x700+10+40  # inside the free map area of a 1400x900 window (sidebar right, timeline below)

viewer_start --size 1400x900 --view afpak --from 2016-09 --to 2016-09
settle empty
viewer_quit
viewer_start --size 1400x900 --view afpak --from 2016-08 --to 2016-08
settle one
read -r w h x y <<<"$(changed_box empty one "$map_crop")"
[ -n "${w:-}" ] || fail "no incident drawn in August 2016"
[ "$w" -lt 60 ] && [ "$h" -lt 60 ] || fail "the August 2016 map differs in a ${w}x$h box, not one circle"
cx=$((x + w / 2)) cy=$((y + h / 2))
# The circle's outline colour: the leftmost changed pixel on its middle row.
point_rgb=$(pixel one "$x" "$cy")
echo "the Quetta circle is drawn at $cx,$cy (box ${w}x$h, outline $point_rgb)"
box_crop="$((w + 6))x$((h + 6))+$((x - 3))+$((y - 3))"
outline_px=$(colour_count one "$box_crop" "$point_rgb")
echo "outline pixels: $outline_px"

click "$cx" "$cy"
text=$(await clicked "Quetta")
echo "$text" | grep -q "Incident details" || fail "a click on the circle did not open the details: $text"
echo "$text" | grep -q "Quetta" || fail "the details do not name Quetta: $text"
echo "$text" | grep -q "suicide bombing at a hospital" || fail "the document's quote is not shown: $text"
# The selection ring: dark pixels just outside the circle that were not there before.
ring=$(changed_box one clicked "$((w + 40))x$((h + 40))+$((x - 20))+$((y - 20))")
[ -n "$ring" ] || fail "the selected circle is not ringed on the map"

viewer_quit

# Tab from a view far from Quetta (Iran's west): the map pans so the selection is in view.
cat >"$work/away.ini" <<INI
driftmap_session = 1
[view]
centre_x_m = -2500000
centre_y_m = 600000
metres_per_px = 2000
INI
viewer_start --size 1400x900 --session "$work/away.ini" --from 2016-08 --to 2016-08
settle away
key Tab
text=$(await tabbed "Quetta")
echo "$text" | grep -q "Quetta" || fail "Tab did not select the Quetta incident: $text"
# The free map area is 406..1070 x 21..757 at this size (right of the details window, 390 px wide
# with a 16 px margin, which the selection opens): the circle is now at its centre.
centre_crop="$((w + 6))x$((h + 6))+$((738 - w / 2 - 3))+$((389 - h / 2 - 3))"
centre_px=$(colour_count tabbed "$centre_crop" "$point_rgb")
echo "after Tab: $centre_px pixels of the circle's outline colour at the map centre (drawn: $outline_px)"
[ "$centre_px" -ge $((outline_px / 2)) ] || fail "Tab did not pan the selected incident to the map centre"
viewer_quit
echo "PASS"
