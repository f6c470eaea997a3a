#!/usr/bin/env bash
# GUI check under Xvfb of small multiples from the Export dialog, as a person makes them:
# - Ctrl+E, the periods typed into the Panels field: the dialog says how many panels it will draw;
# - Export writes the sheet: a 1920x1080 PNG whose panel titles name the three periods;
# - a bad period typed into the field is named on screen, and exporting then writes nothing.
# Usage: gui_panels_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir
cd "$work" || fail "no work directory"  # the dialog's default file, driftmap-export.png, lands here

# type_panels TEXT: the Panels field emptied, TEXT typed, Return to leave the field.
type_panels() {
  local pos
  pos=$(await_word dialog Panels) || fail "the Export dialog has no Panels field: $(ocr dialog | tr '\n' ' ')"
  read -r px py <<<"$pos"
  click $((px + 200)) "$py"
  hold ctrl+a
  xdotool type --delay 30 "$1"
  key Return
}

# press_export: the Export button, left of Close.
press_export() {
  local pos
  pos=$(await_word buttons Close) || fail "no Close button in the dialog"
  read -r cx cy <<<"$pos"
  click $((cx - 120)) "$cy"
}

viewer_start --size 1400x900 --from 2022-01 --to 2022-12
key ctrl+e
type_panels "2020,2022,2024"
text=$(await typed "3 panels") || fail "the dialog does not say it will draw 3 panels: $text"
press_export
text=$(await exported "wrote") || fail "the dialog did not report writing the sheet: $text"
[ -s "$work/driftmap-export.png" ] || fail "no sheet written by the dialog"
size=$(identify -format '%wx%h' "$work/driftmap-export.png")
[ "$size" = "1920x1080" ] || fail "the sheet is $size, expected 1920x1080"
cp "$work/driftmap-export.png" "$work/sheet.png"
sheet=$(ocr sheet "incidents")
for year in 2020 2022 2024; do
  echo "$sheet" | grep -q "$year.*incidents" || fail "no panel titled $year with its count on the sheet: $sheet"
done

rm "$work/driftmap-export.png"
type_panels "2020,2023-13"
text=$(await bad "2023-13") || fail "the bad period is not named on screen: $text"
echo "$text" | grep -q "item 2" || fail "the message does not say which item is bad: $text"
press_export
sleep 2
[ ! -e "$work/driftmap-export.png" ] || fail "an export with a bad period wrote a file"

viewer_quit
echo "PASS"
