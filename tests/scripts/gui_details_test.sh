#!/usr/bin/env bash
# GUI check under Xvfb: the details of a bundled incident whose place no document states read
# "place not stated" and give its date as a report's date, as a person sees them on screen (OCR).
# Usage: gui_details_test.sh /path/to/driftmap
# Exit 77 (CTest: skipped) when xvfb-run or tesseract is missing.
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}

for tool in xvfb-run tesseract convert; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found; the GUI details test needs Xvfb, tesseract and ImageMagick"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

xvfb-run -a -s "-screen 0 1600x1000x24" "$driftmap" --select 2022-08-rahimullah-haqqani-killed \
  --from 2022 --to 2022-12 --screenshot "$work/details.png" --frames 4 --size 1400x900 >"$work/log" 2>&1 ||
  { cat "$work/log"; fail "driftmap --select ... --screenshot exited with an error"; }
# Read twice, as the other GUI tests do: upscaled in grey, and thresholded (one reading alone
# sometimes garbles a line of the panel).
convert "$work/details.png" -resize 200% -colorspace Gray "$work/details-ocr.png"
convert "$work/details-ocr.png" -threshold 55% "$work/details-ocr2.png"
text=$(tesseract "$work/details-ocr.png" - 2>/dev/null; tesseract "$work/details-ocr2.png" - 2>/dev/null)
echo "$text" | grep -q "place not stated" || fail "the details do not say \"place not stated\""
echo "$text" | grep -q "reported 11 Aug 2022" || fail "the details do not give the report's date"
echo "$text" | grep -q "on or before that date" || fail "the details do not say the event is on or before it"
echo "$text" | grep -q "not drawn on the map" || fail "the details do not say the incident is not on the map"
echo "OK: the details of an incident without a stated place say so"
