#!/usr/bin/env bash
# GUI check under Xvfb of finding, opening and managing data files as a person does:
# - File → Open (Ctrl+O) lists the working folder; a click on a folder enters it, then the keys:
#   Down + Enter enter the next folder, Backspace goes back up, Enter goes in again, Down + Enter
#   loads the CSV there: the status names it, the Data layers list shows it with its row count
#   apart from the bundled incidents, and the time window moves to its months (its 3 incidents
#   are in the window: the bundled data starts later);
# - unticking the file hides its incidents: "N in all" drops to the bundled count; Remove drops
#   it from the list;
# - the same file opened twice is listed once, its rows counted once.
# Usage: gui_files_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir
mkdir -p "$work/fieldwork/tajik"
printf 'this is not incident data\n' >"$work/fieldwork/readme.doc"
cat >"$work/fieldwork/tajik/mine.csv" <<'EOF'
date,lat,lon,place,country
2012-03,38.56,68.77,Dushanbe,TJK
2012-05-14,40.28,69.62,Khujand,TJK
2012-11,37.91,69.78,Kulob,TJK
EOF

sidebar=340x860+1060+24  # the sidebar (its right third) below the menu bar
status=1060x24+0+0       # the menu bar with the status line
dialog=640x520+380+40    # the Open dialog (centred at the top of the map)

# word_in NAME CROP WORD: "X Y", the screen centre of WORD as read in CROP of shot NAME (small
# crops read in a fraction of the time of the whole screen).
word_in() {
  local ox oy
  ox=$(echo "$2" | cut -d+ -f2)
  oy=$(echo "$2" | cut -d+ -f3)
  convert "$work/$1.png" -crop "$2" +repage -resize 200% -colorspace Gray "$work/$1-word.png"
  tesseract "$work/$1-word.png" - --psm 11 tsv 2>/dev/null |
    awk -F'\t' -v w="$3" -v ox="$ox" -v oy="$oy" \
      '$12 == w { printf "%d %d\n", ox + ($7 + $9 / 2) / 2, oy + ($8 + $10 / 2) / 2; exit }'
}

# await_crop NAME CROP PATTERN [SECONDS]: shot NAME until PATTERN is read in CROP of it.
await_crop() {
  local deadline=$((SECONDS + ${4:-30})) text
  while :; do
    shot "$1"
    text=$(ocr_crop "$1" "$2" "$3")
    if echo "$text" | grep -q "$3"; then echo "$text"; return 0; fi
    [ $SECONDS -ge $deadline ] && { echo "$text"; return 1; }
    sleep 0.5
  done
}

cd "$work" || fail "no work folder"
viewer_start --size 1400x900 --view afpak
key ctrl+o
text=$(await_crop browse "$dialog" "fieldwork/") || fail "the Open dialog does not list the working folder's folders: $text"
pos=$(word_in browse "$dialog" "fieldwork/")
[ -n "$pos" ] || fail "fieldwork/ cannot be located in the dialog: $text"
bundled=$(ocr_block browse "$sidebar" | grep -Eo '[0-9]+ in all' | grep -Eo '^[0-9]+' | head -1)
[ -n "$bundled" ] || fail "the sidebar does not count the bundled incidents"
echo "bundled incidents: $bundled"
click $pos  # enters fieldwork/
text=$(await_crop inside "$dialog" "tajik/") || fail "a click on fieldwork/ did not enter it: $text"
echo "$text" | grep -q "readme.doc" && fail "the incident-data filter lists readme.doc: $text"
key Down Return       # "..", "tajik/": into tajik
key BackSpace         # back up, tajik highlighted
key Return            # into tajik again
key Down Return       # "..", "mine.csv": loaded
text=$(await_crop loaded "$status" "added 3 incidents") || fail "Down/Enter in the browser did not load mine.csv: $text"
echo "$text" | grep -q "mine.csv" || fail "the status does not name mine.csv: $text"
shot loaded
text=$(ocr_block loaded "$sidebar")
echo "$text"
echo "$text" | grep -q "bundled incidents" || fail "the bundled data is not listed apart: $text"
echo "$text" | grep -q "mine.csv" || fail "the Data layers list does not show mine.csv: $text"
echo "$text" | grep -q "3 incidents" || fail "the Data layers list does not show mine.csv's 3 rows: $text"
echo "$text" | grep -Eq "3 in window.{1,4}$((bundled + 3)) in all" ||
  fail "the window did not move to mine.csv's months, or its rows are not counted: $text"
echo "loaded: mine.csv from the browser, listed with its count, the window on its months"

click_text loaded "mine.csv"  # its box: hidden
xdotool mousemove 5 5  # no tooltip over the list
text=$(await_crop hidden "$sidebar" "hidden") || fail "unticking mine.csv did not hide it: $text"
echo "$text" | grep -Eq "[^0-9]$bundled in all" || fail "hidden rows are still counted (\"$bundled in all\" expected): $text"
click_text hidden "Remove"
text=$(await_crop removed "$status" "removed") || fail "Remove did not remove mine.csv: $text"
text=$(ocr_block removed "$sidebar")
echo "$text" | grep -q "mine.csv" && fail "mine.csv is still listed after Remove: $text"
echo "$text" | grep -Eq "[^0-9]$bundled in all" || fail "the counts after Remove are not the bundled ones: $text"
echo "hidden and removed: the counts drop, the list follows"

# Twice from the browser (it reopens on the folder last shown): listed once, counted once.
for _ in 1 2; do
  key ctrl+o
  await_crop again "$dialog" "mine.csv" >/dev/null || fail "the Open dialog did not reopen on tajik/"
  key Down Return
  sleep 1
done
text=$(await_crop twice "$status" "read again") || fail "the second load did not say it read the file again: $text"
text=$(ocr_block twice "$sidebar")
[ "$(echo "$text" | grep -c "mine.csv")" = 1 ] || fail "mine.csv is not listed exactly once: $text"
echo "$text" | grep -Eq "$((bundled + 3)) in all" || fail "the file's rows are not counted once: $text"
viewer_quit
echo "PASS"
