#!/usr/bin/env bash
# GUI check under Xvfb of a small window (1024x640): the time window's dates and counts are on
# screen whole (they take a row of their own when the controls fill the first), read back from a
# screenshot of the timeline with tesseract.
# Usage: gui_small_window_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
GUI_SCREEN=1024x640 gui_in_xvfb "$@"

gui_workdir

"$driftmap" --size 1024x640 --view afpak --from 2020-01 --to 2021-12 --screenshot "$work/small.png" \
  >"$work/viewer.log" 2>&1 || fail "the viewer did not save its window: $(cat "$work/viewer.log")"
[ "$(identify -format '%wx%h' "$work/small.png")" = 1024x640 ] || fail "the window is not 1024x640"
# The timeline: the bottom 150 pixels.
text=$(ocr_crop small 1024x150+0+490 "Dec 2021")
echo "$text" | grep -Eq "Jan 2020 ?\S{1,2} ?Dec 2021" || fail "the window's dates are cut off: $(echo "$text" | tr '\n' ' ')"
echo "$text" | grep -Eq "[0-9]+ in window.{1,4}[0-9]+ in all" || fail "the counts are cut off: $(echo "$text" | tr '\n' ' ')"
echo "PASS"
