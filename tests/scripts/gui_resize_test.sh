#!/usr/bin/env bash
# GUI check under Xvfb that resizing the window keeps the map's centre: the sidebar, menu bar and
# timeline keep their sizes in pixels, so the geographic point at the centre of the map area
# stays there when it moves by half the change in size. A patch of the map is cut from a shot
# before the resize and searched for in the shot after it: it must lie where the kept centre
# puts it, within a few pixels, after a shrink and after growing back.
# Usage: gui_resize_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir

# found_at BEFORE AFTER X Y DX DY: "X' Y'", where the 240x160 patch of shot BEFORE at X,Y is
# found in shot AFTER, searched for within 40 px of X+DX,Y+DY (where a kept centre puts it).
found_at() {
  local px=$(($3 + $5 - 40)) py=$(($4 + $6 - 40))
  convert "$work/$1.png" -crop "240x160+$3+$4" +repage "$work/patch.png"
  convert "$work/$2.png" -crop "320x240+$px+$py" +repage "$work/area.png"
  compare -metric RMSE -subimage-search "$work/area.png" "$work/patch.png" null: 2>&1 |
    grep -Eo '@ [0-9]+,[0-9]+' | tr -d '@ ' | awk -F, -v px="$px" -v py="$py" '{ print $1 + px, $2 + py }'
}

# check_kept BEFORE AFTER DX DY: the patch at 400,300 moved by DX,DY (3 px tolerance).
check_kept() {
  local pos x y
  pos=$(found_at "$1" "$2" 400 300 "$3" "$4")
  [ -n "$pos" ] || fail "the map patch of $1 was not found in $2"
  read -r x y <<<"$pos"
  echo "$1 -> $2: the patch at 400,300 is at $x,$y (a kept centre puts it at $((400 + $3)),$((300 + $4)))"
  [ $((x - 400 - $3)) -ge -3 ] && [ $((x - 400 - $3)) -le 3 ] && [ $((y - 300 - $4)) -ge -3 ] &&
    [ $((y - 300 - $4)) -le 3 ] || fail "resizing moved the map's centre: the patch is at $x,$y, not $((400 + $3)),$((300 + $4))"
}

viewer_start --size 1400x900 --view afpak
settle big
xdotool windowsize "$win" 1100 700
sleep 1
settle small
[ "$(identify -format '%wx%h' "$work/small.png")" = 1400x900 ] || fail "unexpected screen size"
check_kept big small -150 -100
xdotool windowsize "$win" 1400 900
sleep 1
settle big_again
check_kept big big_again 0 0
viewer_quit
echo "PASS"
