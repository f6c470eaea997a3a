#!/usr/bin/env bash
# GUI check under Xvfb of the Export dialog (an export made from the window):
# - Ctrl+E, pressed with xdotool in a running viewer, opens the dialog;
# - the dialog (opened as Ctrl+E opens it, driven by --export-dialog-test) writes a PNG of the
#   preset's size (1920x1080; A4 at 300 dpi = 2480x3508) through the export's code path;
# - an MP4 from the dialog has one frame per timeline step (ffprobe, when present);
# - a bad target leaves nothing behind and fails.
# Usage: gui_export_test.sh /path/to/driftmap
# Exit 77 (CTest: skipped) when xvfb-run, xdotool or ImageMagick is missing.
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}

for tool in xvfb-run xdotool import compare convert identify; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found; the GUI export test needs Xvfb, xdotool and ImageMagick"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export XDG_CONFIG_HOME="$work/cfg"

# ---- Ctrl+E in a running window ----------------------------------------------------------------
cat >"$work/keys.sh" <<SH
#!/usr/bin/env bash
"$driftmap" --size 1400x900 --from 2022-01 --to 2022-12 >"$work/viewer.log" 2>&1 &
pid=\$!
win=\$(timeout 60 xdotool search --sync --name '^driftmap\$' | head -1)
sleep 2
import -window root "$work/before.png"
xdotool windowfocus --sync "\$win" 2>/dev/null
xdotool key --window "\$win" ctrl+e
sleep 2
import -window root "$work/after.png"
xdotool key --window "\$win" ctrl+q
for i in \$(seq 1 50); do kill -0 \$pid 2>/dev/null || break; sleep 0.2; done
kill \$pid 2>/dev/null
wait \$pid
SH
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/keys.sh"
cat "$work/viewer.log"
[ -s "$work/before.png" ] && [ -s "$work/after.png" ] || fail "no screenshots of the running viewer"
# The dialog opens at the top left of the map.
crop=600x400+30+40
convert "$work/before.png" -crop "$crop" +repage "$work/b_dlg.png"
convert "$work/after.png" -crop "$crop" +repage "$work/a_dlg.png"
dlg_px=$(compare -metric AE -fuzz 3% "$work/b_dlg.png" "$work/a_dlg.png" null: 2>&1)
echo "pixels that differ where the Export dialog opens after Ctrl+E: $dlg_px"
[ "${dlg_px%%.*}" -gt 20000 ] 2>/dev/null || fail "Ctrl+E did not open the Export dialog ($dlg_px pixels differ)"

# ---- exports through the dialog ------------------------------------------------------------------
export_via_dialog() {  # OUT SIZE [extra args]
  local out=$1 size=$2
  shift 2
  xvfb-run -a -s "-screen 0 1600x1000x24" "$driftmap" --size 1400x900 --from 2022-01 --to 2022-12 \
    --export-dialog-test "$out" --export-size "$size" "$@" >"$work/log" 2>&1
  local rc=$?
  cat "$work/log"
  return $rc
}

export_via_dialog "$work/hd.png" hd --screenshot "$work/dialog.png" || fail "the dialog's PNG export failed"
[ -s "$work/hd.png" ] || fail "no PNG written by the dialog"
size=$(identify -format '%wx%h' "$work/hd.png")
[ "$size" = "1920x1080" ] || fail "the HD preset wrote $size, expected 1920x1080"
grep -q "export dialog: wrote $work/hd.png" "$work/log" || fail "the dialog did not report the file it wrote"

export_via_dialog "$work/a4.png" a4 || fail "the dialog's A4 export failed"
size=$(identify -format '%wx%h' "$work/a4.png")
[ "$size" = "2480x3508" ] || fail "the A4 preset wrote $size, expected 2480x3508 (300 dpi)"

# An animation from the dialog: one MP4 frame per timeline step.
if command -v ffprobe >/dev/null 2>&1 && command -v ffmpeg >/dev/null 2>&1; then
  export_via_dialog "$work/a.mp4" 320x240 || fail "the dialog's MP4 export failed"
  frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$work/a.mp4")
  expected=$(sed -n 's/.*wrote .*a\.mp4 (\([0-9]*\) frames).*/\1/p' "$work/log")
  echo "MP4 frames: $frames (the dialog reported $expected)"
  [ -n "$frames" ] && [ "$frames" = "$expected" ] && [ "$frames" -gt 1 ] || fail "the MP4 has $frames frames, expected $expected"
else
  echo "SKIP (part): ffmpeg/ffprobe not installed, the dialog's MP4 export is not checked"
fi

# A target in a missing directory: a failure, nothing written.
if export_via_dialog "$work/missing/x.png" hd; then fail "an export into a missing directory succeeded"; fi
[ ! -e "$work/missing" ] || fail "a failed export left $work/missing behind"
ls -A "$work" | grep -q '\.tmp-' && fail "a temporary file was left in $work"

echo "PASS"
