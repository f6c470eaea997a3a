#!/usr/bin/env bash
# GUI check under Xvfb that saving never loses a user's file:
# - File → Open, a data file's path typed into the session field, "Save session": the CSV is
#   byte-identical afterwards and the screen says why it was not replaced; the same for a file
#   that is not a session under a session-like name; the File menu never offers to save a
#   session over the CSV;
# - saving over an earlier session asks first: Cancel keeps it, Replace writes it;
# - Ctrl+S saves a screenshot into the folder the File menu names, and says where.
# Usage: gui_save_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir
mkdir -p "$work/Pictures"

cat >"$work/mine.csv" <<'CSV'
id,date_start,lat,lon,event_type,place
m1,2022-03-04,34.43,70.45,attack,Jalalabad
CSV
printf 'my notes, not a session\n' >"$work/notes.ini"
printf '# driftmap session\ndriftmap_session = 1\n' >"$work/old.ini"
csv_sum=$(md5sum <"$work/mine.csv")
notes_sum=$(md5sum <"$work/notes.ini")
old_sum=$(md5sum <"$work/old.ini")

# save_session_as PATH: Ctrl+O, the path into the session field, "Save session".
save_session_as() {
  key ctrl+o
  local pos
  pos=$(await_word dialog Load) || fail "Ctrl+O did not open the dialog with Load session: $(ocr dialog | tr '\n' ' ')"
  read -r lx ly <<<"$pos"
  click $((lx - 200)) "$ly"  # the session field, left of its buttons
  hold ctrl+a
  xdotool type --delay 30 "$1"
  local stem
  stem=$(basename "$1")
  await typed "${stem%%.*}" >/dev/null || fail "the path typed is not in the session field"
  click_text typed Save
}

viewer_start --size 1400x900 --from 2022-01 --to 2022-12 "$work/mine.csv"

save_session_as "$work/mine.csv"
text=$(await after_csv "not replaced")
[ "$(md5sum <"$work/mine.csv")" = "$csv_sum" ] || fail "saving a session over mine.csv changed the CSV"
echo "$text" | grep -q "not replaced" || fail "the screen does not say mine.csv was not replaced: $text"
key Escape

save_session_as "$work/notes.ini"
text=$(await after_notes "not a driftmap session")
[ "$(md5sum <"$work/notes.ini")" = "$notes_sum" ] || fail "saving a session over notes.ini changed it"
echo "$text" | grep -q "not a driftmap session" || fail "the screen does not say notes.ini is not a session: $text"

# The File menu offers no session save over either file (read below the status line, with the
# Problems window dismissed).
click_text after_notes Dismiss
await_word dismissed File >/dev/null
click_text dismissed File
await file_menu "Screenshot folder" >/dev/null || fail "the File menu did not open"
text=$(ocr_crop file_menu 900x400+0+24)
echo "$text" | grep -q "mine.csv\|notes.ini" && fail "the File menu names a non-session file: $text"
key Escape
click 600 400  # closes the menu
sleep 0.5

# An earlier session: asked first; Cancel keeps it.
save_session_as "$work/old.ini"
text=$(await confirm "already exists")
echo "$text" | grep -q "already exists" || fail "no confirmation before replacing old.ini: $text"
[ "$(md5sum <"$work/old.ini")" = "$old_sum" ] || fail "old.ini changed before the user agreed"
click_text confirm Cancel
await cancelled "kept" >/dev/null || fail "Cancel did not say the session was kept"
[ "$(md5sum <"$work/old.ini")" = "$old_sum" ] || fail "old.ini changed after Cancel"

# ... Replace writes it, and the File menu then saves to it.
save_session_as "$work/old.ini"
await confirm2 "already exists" >/dev/null || fail "no confirmation the second time"
click_text confirm2 Replace
for i in $(seq 1 60); do grep -q "^\[view\]" "$work/old.ini" && break; sleep 0.5; done
grep -q "^\[view\]" "$work/old.ini" || fail "Replace did not write the session to old.ini: $(cat "$work/old.ini")"
[ "$(md5sum <"$work/mine.csv")" = "$csv_sum" ] || fail "mine.csv changed"

# Ctrl+S: a PNG in ~/Pictures (the folder the File menu names), its path on screen.
key ctrl+s
text=$(await saved "saved screenshot")
shots=$(ls "$work/Pictures"/driftmap-*.png 2>/dev/null | wc -l)
[ "$shots" -eq 1 ] || fail "Ctrl+S did not write one PNG into $work/Pictures ($shots files)"
echo "$text" | grep -q "saved screenshot" || fail "no confirmation of the screenshot on screen: $text"
# The status line alone, enlarged and read as one line: a full-screen reading garbles the path.
convert "$work/saved.png" -crop 1200x22+0+0 +repage -resize 400% -colorspace Gray "$work/status.png"
status=$(tesseract "$work/status.png" - --psm 7 2>/dev/null)
echo "$status" | grep -q "Pictures/driftmap-" || fail "the confirmation does not give the screenshot's path: $status"
click_text saved File
await file_menu2 "Save screenshot to .*Pictures" >/dev/null || fail "the File menu does not name the screenshot folder"
viewer_quit
echo "PASS"
