#!/usr/bin/env bash
# GUI check under Xvfb: the real viewer window renders the bundled data; two screenshots with
# different time windows differ on the map, where the incidents are; bad options fail cleanly.
# Usage: gui_screenshot_test.sh /path/to/driftmap
# Exit 77 (CTest: skipped) when xvfb-run or ImageMagick is missing.
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}

for tool in xvfb-run compare convert identify; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found; the GUI screenshot test needs Xvfb and ImageMagick"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

run() {  # run OUT.png FROM TO
  xvfb-run -a -s "-screen 0 1600x1000x24" "$driftmap" --screenshot "$1" --frames 3 --size 1400x900 \
    --from "$2" --to "$3" --verbose >"$work/log" 2>&1
  local rc=$?
  cat "$work/log"
  [ $rc -eq 0 ] || fail "driftmap --screenshot $1 --from $2 --to $3 exited with $rc"
  [ -s "$1" ] || fail "no screenshot written to $1"
}

run "$work/a.png" 2016-01 2016-12
run "$work/b.png" 2022-01 2022-12

size_a=$(identify -format '%wx%h' "$work/a.png")
[ "$size_a" = "1400x900" ] || fail "screenshot is $size_a, expected the window's 1400x900"

# The map area: below the menu bar, left of the sidebar, above the timeline.
crop=1000x680+0+40
convert "$work/a.png" -crop "$crop" +repage "$work/a_map.png"
convert "$work/b.png" -crop "$crop" +repage "$work/b_map.png"
diff_px=$(compare -metric AE -fuzz 3% "$work/a_map.png" "$work/b_map.png" null: 2>&1)
echo "map pixels that differ between 2016 and 2022: $diff_px"
[ "${diff_px%%.*}" -gt 200 ] 2>/dev/null || fail "the map looks the same for 2016 and 2022 ($diff_px pixels differ)"

# The same window twice renders the same map.
run "$work/c.png" 2016-01 2016-12
convert "$work/c.png" -crop "$crop" +repage "$work/c_map.png"
same_px=$(compare -metric AE -fuzz 3% "$work/a_map.png" "$work/c_map.png" null: 2>&1)
echo "map pixels that differ between two 2016 renders: $same_px"
[ "${same_px%%.*}" -lt 50 ] 2>/dev/null || fail "two renders of the same window differ ($same_px pixels)"

# A bad option is a usage error naming the option, not a crash.
xvfb-run -a "$driftmap" --screenshot "$work/x.png" --from 2022-13 >"$work/bad.log" 2>&1
rc=$?
cat "$work/bad.log"
[ $rc -eq 2 ] || fail "--from 2022-13 exited with $rc, expected 2"
grep -q -- "--from" "$work/bad.log" || fail "the error does not name --from"

# A broken session file is refused naming file:line: field.
printf 'driftmap_session = 1\n[time]\nmode = sideways\n' >"$work/bad.ini"
xvfb-run -a "$driftmap" --screenshot "$work/y.png" --session "$work/bad.ini" >"$work/bad2.log" 2>&1
rc=$?
cat "$work/bad2.log"
[ $rc -eq 1 ] || fail "a bad session file exited with $rc, expected 1"
grep -q "bad.ini:3: time.mode" "$work/bad2.log" || fail "the session error does not name bad.ini:3: time.mode"

echo "PASS"
