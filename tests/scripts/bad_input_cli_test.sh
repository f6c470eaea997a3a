#!/usr/bin/env bash
# The bad-input corpus (tests/data/bad_cli/) through the real commands, as a person runs them:
# for each case the exit status (2 usage, 1 bad data), the file/line/field named in the output,
# nothing left at the output path, and a time bound (timeout; a hang fails the case).
# Usage: bad_input_cli_test.sh path/to/driftmap
set -uo pipefail
BIN=${1:?driftmap binary}
DATA="$(cd "$(dirname "$0")/../data/bad_cli" && pwd)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

# check NAME EXIT PATTERN [OUT] -- ARGS...: runs driftmap ARGS within 30 s; the exit status must
# be EXIT, the combined output must match the extended regex PATTERN (when not empty), and OUT (when given) must
# not exist afterwards.
check() {
  local name=$1 want=$2 pattern=$3 out=$4
  shift 5
  local log="$WORK/$name.log"
  timeout 30 "$BIN" "$@" >"$log" 2>&1
  local got=$?
  local why=""
  [[ $got -eq 124 ]] && why="timed out (hang)"
  [[ -z $why && $got -ne $want ]] && why="exit $got, expected $want"
  [[ -z $why && -n $pattern ]] && ! grep -Eq -- "$pattern" "$log" && why="output does not match /$pattern/"
  [[ -z $why && -n $out && -e $out ]] && why="$out was left behind"
  [[ -z $why ]] && grep -q $'\x1b' "$log" && why="a raw ESC byte reached the terminal"
  if [[ -n $why ]]; then
    echo "FAIL $name: $why"; sed 's/^/    /' "$log" | head -n 8
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
OUT="$WORK/out.csv"

# .csvt sidecars: ignored by every command, and said.
check csvt_validate 0 "typed_by_csvt.csvt \(column types\) is ignored" "" -- validate "$DATA/typed_by_csvt.csv"
check csvt_convert 0 "1 incidents written" "" -- convert "$DATA/typed_by_csvt.csv" --out "$OUT"
grep -q "34.5,69.9" "$OUT" || { echo "FAIL csvt_convert: coordinates changed: $(cat "$OUT")"; failures=$((failures + 1)); }
rm -f "$OUT"

# Legacy encodings: detected and reported, a guess warned about; --encoding names one.
check cp1251 0 "encoding cp1251.*|warning: encoding guessed as cp1251" "" -- validate "$DATA/../import/russian_cp1251.csv"
check koi8r_convert 0 "3 incidents written" "" -- convert "$DATA/../import/russian_koi8r.csv" --out "$OUT"
grep -q "Красногорск" "$OUT" || { echo "FAIL koi8r_convert: no Красногорск in the output"; failures=$((failures + 1)); }
rm -f "$OUT"
check cp1256_named 0 "encoding cp1256" "" -- validate --encoding cp1256 "$DATA/../import/persian_cp1256.csv"
check encoding_unknown 2 "--encoding: \"no-such-code-page\" is not an encoding" "$OUT" -- convert --encoding no-such-code-page "$DATA/lat_1e309.csv" --out "$OUT"

# Sessions: a directory, a FIFO and an oversized file are refused without hanging or reading them.
mkdir -p "$WORK/session_dir"; mkfifo "$WORK/session_fifo"
head -c $((2 << 20)) /dev/zero | tr '\0' '#' > "$WORK/huge.session"
PNG="$WORK/out.png"
check session_dir 1 "session_dir: is a directory, not a file" "$PNG" -- export --out "$PNG" --session "$WORK/session_dir"
check session_fifo 1 "session_fifo: is not a regular file" "$PNG" -- export --out "$PNG" --session "$WORK/session_fifo"
check session_huge 1 "huge.session: is larger than 1 MiB" "$PNG" -- export --out "$PNG" --session "$WORK/huge.session"
check session_dev_zero 1 "/dev/zero: is not a regular file" "$PNG" -- export --out "$PNG" --session /dev/zero

# GeoPackages: a view is refused at once; a stale count, two layers and a corrupt blob are named.
check gpkg_view 1 "layer \"endless\" is a view" "$OUT" -- convert "$DATA/endless_view.gpkg" --out "$OUT"
check gpkg_view_validate 1 "is a view" "" -- validate "$DATA/endless_view.gpkg"
check gpkg_stale_count 0 "2 incidents, 0 errors" "" -- validate "$DATA/stale_feature_count.gpkg"
check gpkg_two_layers 0 "has 2 layers; reading \"incidents\" \(give --layer NAME for another: incidents, second\)" "" \
  -- validate "$DATA/two_layers.gpkg"
check gpkg_layer_option 0 "1 incidents, 0 errors" "" -- validate --layer second "$DATA/two_layers.gpkg"
check gpkg_no_such_layer 1 "has no layer \"third\" \(layers: incidents, second\)" "" -- validate --layer third "$DATA/two_layers.gpkg"
check gpkg_corrupt_blob 1 "feature 2: geometry: cannot be read \(corrupt geometry\)" "" -- validate "$DATA/corrupt_geometry.gpkg"

# A source without a coordinate reference system is read as WGS84, and said.
ogr2ogr -q -f "ESRI Shapefile" "$WORK/no_crs.shp" "$DATA/lone_cr.csv" -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat \
  -oo KEEP_GEOM_COLUMNS=NO 2>/dev/null
rm -f "$WORK/no_crs.prj"
check no_crs 0 "no_crs.shp: warning: geometry: the layer has no coordinate reference system; coordinates are read as WGS84" "" \
  -- validate "$WORK/no_crs.shp"

# Clear messages.
check geojson_truncated 1 "truncated.geojson:3: the JSON ends before it is complete \(truncated\?\)" "$OUT" \
  -- convert "$DATA/truncated.geojson" --out "$OUT"
check date_end_contains_start 0 "1 incidents, 0 errors" "" -- validate "$DATA/date_end_contains_start.csv"
check lat_1e309 1 "lat_1e309.csv:2: lat: \"1e309\" is out of range -90..90" "$OUT" -- convert "$DATA/lat_1e309.csv" --out "$OUT"
check lone_cr 0 "2 incidents, 0 errors" "" -- validate "$DATA/lone_cr.csv"
check empty 1 "empty.csv: file is empty" "$OUT" -- convert "$DATA/empty.csv" --out "$OUT"
check bom_only 1 "bom_only.csv: contains only a byte order mark" "$OUT" -- convert "$DATA/bom_only.csv" --out "$OUT"
check unterminated_quote 1 "unterminated_quote.csv:2: summary: quote is never closed" "$OUT" \
  -- convert "$DATA/unterminated_quote.csv" --out "$OUT"
check terminal_escape 0 "1 incidents" "" -- validate "$DATA/terminal_escape.csv"
check terminal_escape_arg 2 "unknown option '--\\\\e\]0;x\\\\x07'" "" -- validate $'--\e]0;x\a'
check acled_week_before_1000 1 "acled_week_before_1000.csv:2: event_date: \"1000-01-02\" with time_precision 2 \(a week\) reaches outside the years 1000-9999" \
  "$OUT" -- convert "$DATA/acled_week_before_1000.csv" --out "$OUT"

# One exit-code rule: a bad option value is a usage error (2); --fps is decimal only.
GIF="$WORK/out.gif"
check fps_hex 2 "driftmap: --fps: \"0x10\" is not a number in 0.1..120" "$GIF" -- animate --out "$GIF" --fps 0x10
check from_bad_date 2 "driftmap: --from: \"2022-13-45\" has month 13" "$PNG" -- export --out "$PNG" --from 2022-13-45

# A 50 MB column name is printed shortened.
{ printf 'id,date_start,lat,lon,'; head -c $((50 << 20)) /dev/zero | tr '\0' 'n'; printf '\na,2022-05-01,34.5,69.2,x\n'; } > "$WORK/long_name.csv"
check long_column_name 0 "long_name.csv:1: warning: n{57}\.\.\.: column is not used by driftmap" "" -- validate "$WORK/long_name.csv"
[[ $(wc -L < "$WORK/long_column_name.log") -lt 1000 ]] || { echo "FAIL long_column_name: a line over 1000 characters"; failures=$((failures + 1)); }

# convert is linear in the column count: 100,000 columns well within the time bound.
python3 - "$WORK/wide.csv" <<'PY'
import sys
n = 100000
with open(sys.argv[1], "w") as f:
    f.write("id,date_start,lat,lon," + ",".join(f"c{i}" for i in range(n)) + "\n")
    f.write("a,2022-05-01,34.5,69.2," + ",".join(str(i) for i in range(n)) + "\n")
PY
check wide_convert 0 "1 incidents written" "" -- convert "$WORK/wide.csv" --out "$WORK/wide_out.csv"

# Control characters and invalid UTF-8 in a title still give well-formed SVG and a valid PDF.
SVG="$WORK/ctl.svg"; PDF="$WORK/ctl.pdf"
check svg_control_title 0 "" "" -- export --out "$SVG" --title $'Kerman\x01\x1b[2J\xff\xfe title'
xmllint --noout "$SVG" 2>"$WORK/xmllint.log" || { echo "FAIL svg_control_title: not XML: $(head -c 300 "$WORK/xmllint.log")"; failures=$((failures + 1)); }
check pdf_control_title 0 "" "" -- export --out "$PDF" --title $'Kerman\x01\xff title'
pdfinfo "$PDF" >/dev/null 2>&1 || { echo "FAIL pdf_control_title: pdfinfo cannot read the PDF"; failures=$((failures + 1)); }

# SIGTERM during an animation: the command stops with an error, the target and its staging
# files are gone (nothing hidden is left beside it).
mkdir -p "$WORK/anim"
timeout 60 "$BIN" animate --out "$WORK/anim/a.gif" --step 1m --window 12m --size 1280x720 >"$WORK/anim.log" 2>&1 &
apid=$!
for _ in $(seq 1 100); do compgen -G "$WORK/anim/.a.gif.tmp-*" >/dev/null && break; sleep 0.1; done
kill -TERM $apid; wait $apid; astatus=$?
left=$(ls -A "$WORK/anim")
if [[ $astatus -eq 0 || $astatus -eq 124 || -n $left ]]; then
  echo "FAIL animate_sigterm: exit $astatus, left: ${left:-nothing}"; sed 's/^/    /' "$WORK/anim.log" | head -n 5
  failures=$((failures + 1))
else
  echo "ok   animate_sigterm (exit $astatus)"
fi

# A disk that fills while ffmpeg writes (here the file-size limit, which fails ffmpeg's writes the
# same way; ffmpeg still exits 0 when only its trailer is lost): exit 1 with the reason, the
# previous good video kept byte for byte, no staging file left.
mkdir -p "$WORK/full"
"$BIN" animate --from 2022-01 --to 2022-03 --size 320x240 --out "$WORK/full/v.mp4" >/dev/null 2>&1
before=$(md5sum <"$WORK/full/v.mp4")
bash -c 'trap "" XFSZ; ulimit -f 8; exec "$@"' _ "$BIN" animate --from 2022-01 --to 2023-12 --size 640x480 \
  --out "$WORK/full/v.mp4" >"$WORK/full.log" 2>&1
fstatus=$?
left=$(ls -A "$WORK/full")
if [[ $fstatus -ne 1 || "$(md5sum <"$WORK/full/v.mp4")" != "$before" || $left != "v.mp4" ]] ||
   ! grep -q "is not whole.*previous file is kept" "$WORK/full.log"; then
  echo "FAIL animate_disk_full: exit $fstatus, left: $left"; sed 's/^/    /' "$WORK/full.log" | head -n 5
  failures=$((failures + 1))
else
  echo "ok   animate_disk_full (exit $fstatus)"
fi

echo "$failures failing case(s)"
[[ $failures -eq 0 ]]
