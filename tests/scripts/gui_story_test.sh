#!/usr/bin/env bash
# GUI check under Xvfb of the story of the shift, as a person steps through it:
# - the viewer opened without a view or window shows the Story panel on chapter 1 (2020 – 2021)
#   and sets the timeline's window to it;
# - PgDn moves to each next chapter in turn: its heading, period and the time window change;
# - PgUp goes back one chapter.
# Only the lower left of the window (the Story panel and the timeline's window label) is read.
# Usage: gui_story_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir
# One OCR pass over two parts of the shot stacked: the Story panel (lower left of the map) and
# the timeline's window label.
read_story() {
  convert \( "$work/$1.png" -crop 460x450+0+300 \) \( "$work/$1.png" -crop 420x30+800+760 \) -background white \
    -append +repage -resize 200% -colorspace Gray "$work/$1-ocr.png"
  tesseract "$work/$1-ocr.png" - 2>/dev/null
}
# await_story NAME TEXT: shots until TEXT is read (at most 60 s); prints what was read.
await_story() {
  local deadline=$((SECONDS + 60)) text
  while :; do
    shot "$1"
    text=$(read_story "$1")
    if echo "$text" | grep -q "$2"; then echo "$text"; return 0; fi
    [ $SECONDS -ge $deadline ] && { echo "$text"; return 1; }
    sleep 0.5
  done
}

viewer_start --size 1400x900

# chapter number, a word of its title, and its window as the timeline states it ("Jan" without
# its J, which tesseract reads as l or I in this font)
expect=(
  "1|core|an 2020|Dec 2021"
  "2|takeover|Sep 2021|Dec 2021"
  "3|spread|an 2022|Dec 2022"
  "4|surge|an 2023|Jul 2023"
  "5|abroad|an 2024|Mar 2024"
)
for row in "${expect[@]}"; do
  IFS='|' read -r k title from to <<<"$row"
  [ "$k" -gt 1 ] && key Next
  text=$(await_story "chapter$k" "Chapter $k") || fail "PgDn did not show chapter $k: $(echo "$text" | tr '\n' ' ')"
  echo "$text" | grep -q "$title" || fail "chapter $k's title ($title) is not shown: $(echo "$text" | tr '\n' ' ')"
  echo "$text" | grep -q "$from" && echo "$text" | grep -q "$to" ||
    fail "chapter $k's window $from – $to is not shown: $(echo "$text" | tr '\n' ' ')"
  echo "chapter $k: shown with its window $from – $to"
done
echo "$text" | grep -q "Krasnogorsk" || fail "the last chapter's quote does not name Krasnogorsk"

key Prior
text=$(await_story back "Chapter 4") || fail "PgUp did not go back to chapter 4: $(echo "$text" | tr '\n' ' ')"
viewer_quit
echo "PASS"
