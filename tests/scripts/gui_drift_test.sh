#!/usr/bin/env bash
# GUI check under Xvfb of the drift layer, as a person turns it on: over the wider region with
# 2022 in the window, View → "Drift of the centre" draws the centres' trajectory on the map with
# each centre named by its year (read on the map, not in the timeline below it) and a caption
# stating the weighting rule; turned off, the map is as before.
# Usage: gui_drift_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir
map_crop=1040x700+0+24  # the map, without the menu bar, the sidebar and the timeline's year axis

# Read as a page and as sparse text (--psm 11): short labels scattered over a map are found best
# by the second, lines of text by the first.
years_on_map() {
  { ocr_crop "$1" "$map_crop"; tesseract "$work/$1-ocr.png" - --psm 11 2>/dev/null; } |
    grep -oE '\b20(1[4-9]|2[0-4])\b' | sort -u | tr '\n' ' '
}

viewer_start --size 1400x900 --view region --from 2022-01 --to 2022-12
settle before
[ -z "$(years_on_map before)" ] || fail "years on the map before the drift layer was asked for: $(years_on_map before)"
click 60 10  # the View menu
shot menu
click_text menu "Drift"
xdotool mousemove 5 300
sleep 1
settle after
years=$(years_on_map after)
# Labels over the busy core are hard for OCR; the far centre of 2024 (Kerman and Krasnogorsk,
# over the Caspian) stands clear.
echo "$years" | grep -q 2024 || fail "the 2024 centre is not named on the map: '$years'"
box=$(changed_box before after "$map_crop")
[ -n "$box" ] || fail "nothing was drawn on the map"
read -r bw bh _ <<<"$box"
# The trajectory runs from the Af-Pak core to the Caspian: a long drawn patch.
[ "$bw" -ge 300 ] && [ "$bh" -ge 200 ] || fail "the trajectory does not span the map (changed box $box)"
ocr_crop after 1040x70+0+690 "weigh" | tr '\n' ' ' | grep -q "provinces 0.5" || fail "the map does not state the layer's weighting rule"
# Off again: the map is as before.
click 60 10
shot menu2
click_text menu2 "Drift"
xdotool mousemove 5 300
sleep 1
settle off
# (The world's finer coastline may arrive between the shots: a small patch at the map's edge.)
left=$(changed_box before off "$map_crop")
if [ -n "$left" ]; then
  read -r lw lh _ <<<"$left"
  [ "$lw" -lt 100 ] && [ "$lh" -lt 100 ] || fail "the drift layer stayed on the map after it was turned off ($left)"
fi
viewer_quit
echo "ok: drift layer drawn (periods read: $years; changed box $box) and removed"
