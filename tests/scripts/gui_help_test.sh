#!/usr/bin/env bash
# GUI check under Xvfb of the keyboard, as a person uses it:
# - F1 opens Help → Keyboard shortcuts, which lists the keys (PgUp/PgDn, Ctrl+S, ...); Esc closes it;
# - Enter leaves a number field ("min killed"): the next key is a shortcut (3 = world view), not a
#   digit typed into the field.
# Usage: gui_help_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir

viewer_start --size 1400x900 --view afpak
settle start

key F1
text=$(await help "Keyboard shortcuts") || fail "F1 did not open the shortcuts: $(echo "$text" | tr '\n' ' ')"
# The window read on its own too, row by row (from its title, "Keyboard shortcuts").
title=$(text_at help "Keyboard")
if [ -n "$title" ]; then
  read -r tx ty <<<"$title"
  text="$text
$(ocr_block help "600x440+$((tx > 80 ? tx - 80 : 0))+$((ty > 14 ? ty - 14 : 0))")"
fi
# (tesseract reads "Ctrl" as "Ctri" in this font)
for want in "PgUp / PgDn" "Ct.. ?\+S save a screenshot" "leave a text field" "fit the shown incidents"; do
  echo "$text" | grep -Eq "$want" || fail "the shortcuts do not list \"$want\": $(echo "$text" | tr '\n' ' ')"
done
echo "F1: the shortcuts are listed"
key Escape
sleep 1
shot closed
ocr closed | grep -q "leave a text field" && fail "Esc did not close the shortcuts"
echo "Esc: closed"

# Type a number into "min killed", leave it with Enter, then press 3 (the world view).
pos=$(text_at start "min")
[ -n "$pos" ] || fail "the min killed field is not on screen"
read -r mx my <<<"$pos"
click $((mx - 150)) "$my"
xdotool key --delay 80 ctrl+a
xdotool type --delay 80 "12"
key Return
shot before
key 3
sleep 2
shot after
field=$(ocr_crop after "200x36+$((mx - 300))+$((my - 18))")
echo "$field" | grep -q "123" && fail "3 was typed into the number field after Enter: $(echo "$field" | tr '\n' ' ')"
echo "$field" | grep -q "12" || fail "the number field does not show 12: $(echo "$field" | tr '\n' ' ')"
diff=$(compare -metric AE -fuzz 5% "$work/before.png" "$work/after.png" null: 2>&1)
[ "${diff%%.*}" -gt 5000 ] 2>/dev/null || fail "3 after Enter did not change the view (world): $diff pixels differ"
echo "Enter left the number field: 3 switched to the world view ($diff pixels changed)"

viewer_quit
echo "PASS"
