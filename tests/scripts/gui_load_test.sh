#!/usr/bin/env bash
# GUI check under Xvfb of opening a file as a person does, off the window's thread:
# - File → Open (Ctrl+O) with a large file: a "Loading" window names it while the map stays
#   drawn, and Cancel (Esc) stops it; the status says nothing changed and the bundled data remains;
# - a text encoding typed into the dialog is used: one iconv does not know is refused, naming it.
# Usage: gui_load_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir

# Five million rows with a column driftmap does not know: read by the reader that reports every
# row (seconds of work, time enough to cancel).
"$driftmap" gen --n 5000000 --out "$work/gen.csv" >/dev/null || fail "gen failed"
sed '1s/$/,notes/; 2,$s/$/,x/' "$work/gen.csv" >"$work/big.csv"
rm "$work/gen.csv"

# open_with PATH ENCODING: Ctrl+O, ENCODING into its field, PATH into the data field, Open data.
open_with() {
  key ctrl+o
  local pos
  pos=$(await_word dialog encoding) || fail "Ctrl+O did not open the dialog with its encoding field: $(ocr dialog | tr '\n' ' ')"
  read -r ex ey <<<"$pos"
  click $((ex - 120)) "$ey"  # the encoding field, left of its label
  hold ctrl+a
  [ -n "$2" ] && xdotool type --delay 30 "$2"
  [ -z "$2" ] && key BackSpace
  click $((ex - 120)) $((ey - 30))  # the data file field, above
  hold ctrl+a
  xdotool type --delay 20 "$1"
  shot typed
  # the "Open data" button (the first "data" on screen, above "data files"), clicked without the
  # usual pause after a click: the shot that follows must catch the load under way
  local pos
  pos=$(text_at typed "data")
  [ -n "$pos" ] || fail "no Open data button: $(ocr typed | tr '\n' ' ')"
  read -r ox oy <<<"$pos"
  xdotool mousemove "$ox" "$oy" click 1
}

viewer_start --size 1400x900 --view afpak
open_with "$work/big.csv" ""
# The Loading window, read from its strip of the screen alone (a small crop reads in a fraction of
# a second: the load must still be under way when Esc is pressed).
text=
for _ in $(seq 1 60); do
  shot loading
  text=$(ocr_crop loading 1000x120+200+30)
  echo "$text" | grep -q "Reading" && break
  sleep 0.2
done
echo "$text" | grep -q "Reading" || fail "no Loading window while the file is read: $text"
hold Escape   # Cancel's key
echo "$text" | grep -q "big.csv" || fail "the Loading window does not name the file: $text"
echo "$text" | grep -q "so far" || fail "the Loading window does not show the time so far: $text"
text=$(await cancelled "cancelled" 60) || fail "the load was not cancelled: $text"
echo "$text" | grep -q "nothing changed" || fail "the status does not say nothing changed: $text"
echo "$text" | grep -q "127 in all" || fail "the bundled incidents are not all still loaded: $text"

printf 'date,lat,lon\n2022-01-01,34.5,69.2\n' >"$work/one.csv"
open_with "$work/one.csv" "no-such-enc"
text=$(await refused "no-such-enc" 30) || fail "an unknown encoding was not named on screen: $text"
echo "$text" | grep -q "127 in all" || fail "the loaded data changed after a refused encoding: $text"
viewer_quit
echo "ok: a large file's load is shown and cancelled; the encoding field is used"
