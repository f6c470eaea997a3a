#!/usr/bin/env bash
# GUI check under Xvfb of choosing a search match with Enter and fitting the filtered incidents
# with F, as a person does it: with the window on 2020-01..2021-12, "Kerman" typed in the search
# field and Enter chooses the first match (the Kerman bombings of January 2024: their details
# open and the window moves to them); then, from the world view (3), F fits the incidents the
# search leaves (in Iran): Iran's provinces are in view, Afghanistan's and Pakistan's, whose
# incidents the window also holds, are not.
# Usage: gui_fit_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir
map=1060x740+0+24  # the map area left of the sidebar, above the timeline

viewer_start --size 1400x900 --view afpak --from 2020-01 --to 2021-12
await_word start "search" >/dev/null || fail "the search field is not on screen"
type_in_field search Kerman
hold Return
text=$(await chosen "Incident details" 30) || fail "Enter in the search field did not open the first match: $(echo "$text" | tr '\n' ' ')"
echo "$text" | grep -q "Qasem" || fail "Enter did not choose the first match (the Kerman bombings): $(echo "$text" | tr '\n' ' ')"
echo "$text" | grep -Eq "[A-Za-z]{3} 2024 " || fail "the window did not move to the match: $(echo "$text" | tr '\n' ' ')"
echo "Enter: the first match's details are open, the window on 2024"

key Escape  # closes the details
key 3       # the world
sleep 1
key f
settle fitted
text=$(ocr_crop fitted "$map")
echo "$text" | grep -Eq "Isfahan|Yazd|Fars|Kerman" || fail "F did not fit Iran's incidents: $(echo "$text" | tr '\n' ' ')"
echo "$text" | grep -Eq "Kabul|Nangarhar|Khyber|Punjab" && fail "F fitted more than the search's matches: $(echo "$text" | tr '\n' ' ')"
# The bombings' mark (vermillion, an attack) at the middle of the map area (left of the
# 330 px sidebar, between the menu bar and the 143 px timeline).
centre_px=$(colour_count fitted 80x80+496+349 "213,94,0")
[ "$centre_px" -gt 200 ] || fail "the fitted incident is not at the middle of the map area ($centre_px vermillion pixels there)"
echo "F: the view holds the filtered incidents in Iran, not the window's others"
viewer_quit
echo "PASS"
