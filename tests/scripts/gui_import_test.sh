#!/usr/bin/env bash
# GUI check under Xvfb of opening files in the viewer (issues 7 and 8):
# - a file whose rows carry only names (no coordinates) loads, placed by the bundled gazetteer
#   and boundaries, as on the command line;
# - a file with bad rows is refused: the Problems window appears, what was loaded before (and the
#   map) stays as it was, the process exits 0;
# - files that loaded are remembered in $XDG_CONFIG_HOME/driftmap/recent, refused ones are not.
# Usage: gui_import_test.sh /path/to/driftmap
# Exit 77 (CTest: skipped) when xvfb-run or ImageMagick is missing.
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}

for tool in xvfb-run compare convert identify; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found; the GUI import test needs Xvfb and ImageMagick"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export XDG_CONFIG_HOME="$work/cfg"

# Names only: place, province or country, no lat/lon.
cat >"$work/names.csv" <<'CSV'
id,date,event_type,place,admin1,country,killed,summary
n-jalalabad,2022-07-30,attack,Jalālābād,,AFG,7,accented spelling
n-kp,2022-03,attack,,K.P.,PAK,,province abbreviation
n-peshawar,2022-05-04,attack,Peshawar,,Pakistan,3,country by name
n-country,2022,territorial,,,Afghanistan,,country only
CSV
# Two bad rows among good ones.
cat >"$work/bad.csv" <<'CSV'
id,date_start,lat,lon,event_type
a,2022-01-10,34.5,69.2,attack
b,2022-13-01,34.5,69.2,attack
c,2022-02-10,north,69.2,attack
CSV

run() {  # run OUT.png FILE...
  local out=$1
  shift
  xvfb-run -a -s "-screen 0 1600x1000x24" "$driftmap" "$@" --screenshot "$out" --frames 3 --size 1400x900 \
    --from 2022-01 --to 2022-12 --verbose >"$work/log" 2>&1
  local rc=$?
  cat "$work/log"
  [ $rc -eq 0 ] || fail "driftmap $* --screenshot exited with $rc"
  [ -s "$out" ] || fail "no screenshot written to $out"
}

run "$work/names.png" "$work/names.csv"
grep -q "names.csv: 4 incidents, loaded" "$work/log" || fail "the names-only file did not load its 4 rows"
grep -q "$work/names.csv" "$XDG_CONFIG_HOME/driftmap/recent" 2>/dev/null ||
  fail "the loaded file is not in $XDG_CONFIG_HOME/driftmap/recent"

run "$work/both.png" "$work/names.csv" "$work/bad.csv"
grep -q "bad.csv:3: date_start" "$work/log" || fail "the refusal does not name bad.csv:3: date_start"
grep -q "bad.csv:4: lat" "$work/log" || fail "the refusal does not name bad.csv:4: lat"
grep -q "names.csv: 4 incidents, loaded" "$work/log" || fail "the good file did not load beside the bad one"
if grep -q "bad.csv" "$XDG_CONFIG_HOME/driftmap/recent"; then fail "a refused file was added to the recent files"; fi

# The Problems window (top left of the map) appears only with the bad file...
crop_win=560x180+20+40
convert "$work/names.png" -crop "$crop_win" +repage "$work/a_win.png"
convert "$work/both.png" -crop "$crop_win" +repage "$work/b_win.png"
win_px=$(compare -metric AE -fuzz 3% "$work/a_win.png" "$work/b_win.png" null: 2>&1)
echo "pixels that differ where the Problems window opens: $win_px"
[ "${win_px%%.*}" -gt 5000 ] 2>/dev/null || fail "no Problems window for the bad file ($win_px pixels differ)"
# ...and the rest of the map is what the good file alone shows: the refusal changed nothing.
crop_map=1000x420+0+280
convert "$work/names.png" -crop "$crop_map" +repage "$work/a_map.png"
convert "$work/both.png" -crop "$crop_map" +repage "$work/b_map.png"
map_px=$(compare -metric AE -fuzz 3% "$work/a_map.png" "$work/b_map.png" null: 2>&1)
echo "map pixels that differ below the Problems window: $map_px"
[ "${map_px%%.*}" -lt 50 ] 2>/dev/null || fail "the map changed when a bad file was refused ($map_px pixels)"

echo "PASS"
