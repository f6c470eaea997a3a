# Shared helpers for the GUI tests: they drive the real viewer window under Xvfb with xdotool and
# read the screen back with ImageMagick and tesseract, as a person would look at it.
# Source it after setting `driftmap` (the binary). The test then runs itself under xvfb-run:
#   gui_in_xvfb "$@"   (re-executes the calling script inside a 1400x900 X server)
# Exit 77 (CTest: skipped) when a tool is missing.

export MAGICK_THREAD_LIMIT=1  # ImageMagick's OpenMP threads can stall on a loaded machine

gui_require() {
  local tool
  for tool in xvfb-run xdotool import convert compare identify tesseract "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "SKIP: $tool not found; the GUI tests need Xvfb, xdotool, ImageMagick and tesseract"
      exit 77
    fi
  done
}

fail() {
  echo "FAIL: $*"
  [ -n "${viewer_pid:-}" ] && kill "$viewer_pid" 2>/dev/null
  exit 1
}

# Re-runs the calling script inside its own X server (screen size GUI_SCREEN, default 1400x900).
gui_in_xvfb() {
  if [ -z "${DRIFTMAP_GUI_IN_XVFB:-}" ]; then
    DRIFTMAP_GUI_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 ${GUI_SCREEN:-1400x900}x24" bash "$0" "$@"
  fi
}

# gui_workdir: a fresh work directory $work, removed at exit (kept and named with GUI_KEEP=1),
# also the viewer's HOME and config folder, so that no test reads or writes the user's settings.
gui_workdir() {
  work=$(mktemp -d)
  if [ -n "${GUI_KEEP:-}" ]; then echo "work: $work"; else trap 'rm -rf "$work"' EXIT; fi
  export XDG_CONFIG_HOME="$work/cfg" HOME="$work"
}

# viewer_start ARGS...: starts the viewer (log in $work/viewer.log), waits for its window.
# Without a window manager the window sits at the screen's top-left corner, so screen and window
# coordinates agree.
viewer_start() {
  "$driftmap" "$@" >"$work/viewer.log" 2>&1 &
  viewer_pid=$!
  win=$(timeout 60 xdotool search --sync --name '^driftmap$' | head -1)
  [ -n "$win" ] || fail "the viewer window did not appear: $(cat "$work/viewer.log")"
  xdotool windowfocus --sync "$win" 2>/dev/null
  xdotool mousemove 5 5  # off the map: no hover ring or tooltip in the shots
  sleep 2
}

# key KEYS...: key presses as a keyboard makes them (XTEST, to the focused window; events sent to
# a window directly lose their modifiers).
key() {
  xdotool key --delay 80 "$@"
  sleep 0.7
}

# hold KEYS: pressed for a moment, then released (Dear ImGui 1.86 misses a shortcut pressed and
# released within one frame).
hold() {
  xdotool keydown "$1"
  sleep 0.3
  xdotool keyup "$1"
  sleep 0.3
}

viewer_quit() {
  xdotool key ctrl+q 2>/dev/null
  local i
  for i in $(seq 1 50); do kill -0 "$viewer_pid" 2>/dev/null || break; sleep 0.2; done
  kill "$viewer_pid" 2>/dev/null
  wait "$viewer_pid" 2>/dev/null
  viewer_pid=
}

shot() { import -window root "$work/$1.png" || fail "no screenshot $1"; }

# ocr NAME [PATTERN]: the text tesseract reads in $work/NAME.png, read twice: upscaled in grey,
# and thresholded (which reads text on coloured buttons and map fills far better). With PATTERN
# (a grep pattern) the second reading is skipped when the first already holds it: each reading
# of a full screen takes seconds.
ocr() { ocr_crop "$1" "$(identify -format '%wx%h+0+0' "$work/$1.png")" "${2:-}"; }

# ocr_crop NAME CROP [PATTERN]: the same for part CROP (WxH+X+Y) of shot NAME.
ocr_crop() {
  convert "$work/$1.png" -crop "$2" +repage -resize 200% -colorspace Gray "$work/$1-ocr.png"
  local first
  first=$(tesseract "$work/$1-ocr.png" - 2>/dev/null)
  echo "$first"
  [ -n "${3:-}" ] && echo "$first" | grep -q "$3" && return 0
  convert "$work/$1-ocr.png" -threshold 55% "$work/$1-ocr2.png"
  tesseract "$work/$1-ocr2.png" - 2>/dev/null
}

# ocr_block NAME CROP: the text of part CROP (WxH+X+Y) of shot NAME read as one block of rows
# (tesseract --psm 6): a window's table row by row, where a full-screen reading may run its
# columns into the map's text around it.
ocr_block() {
  convert "$work/$1.png" -crop "$2" +repage -resize 200% -colorspace Gray "$work/$1-block.png"
  tesseract "$work/$1-block.png" - --psm 6 2>/dev/null
}

# text_at NAME WORD: "X Y", the screen centre of the first word tesseract reads as WORD.
text_at() {
  convert "$work/$1.png" -resize 200% -colorspace Gray -threshold 55% "$work/$1-ocr.png"
  local pos
  pos=$(tesseract "$work/$1-ocr.png" - --psm 11 tsv 2>/dev/null |
    awk -F'\t' -v w="$2" '$12 == w { printf "%d %d\n", ($7 + $9 / 2) / 2, ($8 + $10 / 2) / 2; exit }')
  if [ -z "$pos" ]; then
    convert "$work/$1.png" -resize 200% -colorspace Gray "$work/$1-ocr.png"
    pos=$(tesseract "$work/$1-ocr.png" - --psm 11 tsv 2>/dev/null |
      awk -F'\t' -v w="$2" '$12 == w { printf "%d %d\n", ($7 + $9 / 2) / 2, ($8 + $10 / 2) / 2; exit }')
  fi
  echo "$pos"
}

# settle NAME: takes shot NAME once two shots a second apart agree (the window has finished
# drawing what it was asked to), at most 30 s.
settle() {
  local deadline=$((SECONDS + 30)) diff
  shot "$1"
  while [ $SECONDS -lt $deadline ]; do
    sleep 1
    cp "$work/$1.png" "$work/$1-prev.png"
    shot "$1"
    # the frame time in the menu bar's right end changes every frame: leave it out
    diff=$(compare -metric AE -fuzz 3% "$work/$1.png" "$work/$1-prev.png" -crop 1200x2000+0+0 null: 2>&1)
    [ "${diff%%.*}" -lt 20 ] 2>/dev/null && return 0
  done
}

# await NAME TEXT [SECONDS]: takes shot NAME until TEXT (a grep pattern) is read on it; false
# after SECONDS (default 60: frames take long on a loaded machine). Prints what was read.
await() {
  local deadline=$((SECONDS + ${3:-60})) text
  while :; do
    shot "$1"
    text=$(ocr "$1" "$2")
    if echo "$text" | grep -q "$2"; then echo "$text"; return 0; fi
    [ $SECONDS -ge $deadline ] && { echo "$text"; return 1; }
    sleep 0.5
  done
}

# await_word NAME WORD [SECONDS]: the same until WORD can be located (text_at), printing "X Y".
await_word() {
  local deadline=$((SECONDS + ${3:-60})) pos
  while :; do
    shot "$1"
    pos=$(text_at "$1" "$2")
    [ -n "$pos" ] && { echo "$pos"; return 0; }
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.5
  done
}

# click X Y: a press and release at one spot (a click, not a drag).
click() {
  xdotool mousemove "$1" "$2"
  sleep 0.3
  xdotool click 1
  sleep 1
}

# type_in_field LABEL WORD: types WORD into the text field labelled LABEL (ImGui draws the label
# right of the field: the click lands 150 px left of it, in the field). The field is found again
# on a settled screen at each attempt, as the sidebar may still move while the window fills in;
# the typed word is read back from the field's strip, and typed again (three attempts) when a
# slow frame lost the click or the keys.
type_in_field() {
  local attempt pos fx fy strip
  for attempt in 1 2 3; do
    settle field
    pos=$(text_at field "$1")
    [ -n "$pos" ] || continue
    read -r fx fy <<<"$pos"
    strip="700x40+$((fx > 350 ? fx - 350 : 0))+$((fy - 20))"
    click $((fx - 150)) "$fy"
    xdotool key --delay 80 ctrl+a BackSpace
    xdotool type --delay 80 "$2"
    sleep 1
    shot typed
    ocr_crop typed "$strip" "$2" | grep -q "$2" && return 0
  done
  fail "the field \"$1\" did not take the typed word \"$2\": $(ocr_crop typed "${strip:-100x10+0+0}" | tr '\n' ' ')"
}

# click_text NAME WORD: clicks the word WORD as read in shot NAME.
click_text() {
  local pos
  pos=$(text_at "$1" "$2")
  [ -n "$pos" ] || fail "\"$2\" is not on screen (shot $1): $(ocr "$1" | tr '\n' ' ')"
  # shellcheck disable=SC2086
  click $pos
}

# changed_box A B CROP: the bounding box "W H X Y" (screen pixels) of the largest connected patch
# that differs between shots A and B inside CROP (WxH+X+Y); nothing when they agree there.
# Stray pixels (antialiasing) are smaller patches and are ignored.
changed_box() {
  local ox oy
  ox=$(echo "$3" | cut -d+ -f2)
  oy=$(echo "$3" | cut -d+ -f3)
  convert "$work/$1.png" "$work/$2.png" -crop "$3" +repage -compose difference -composite \
    -colorspace Gray -threshold 12% "$work/diff-$1-$2.png"
  convert "$work/diff-$1-$2.png" -define connected-components:verbose=true -connected-components 8 null: |
    awk -v ox="$ox" -v oy="$oy" '$NF == "gray(255)" && $(NF-1) > best { best = $(NF-1); box = $2 }
      END { if (best >= 8) { split(box, a, /[x+]/); print a[1], a[2], a[3] + ox, a[4] + oy } }'
}

# colour_count NAME CROP RGB: pixels of shot NAME inside CROP within 8% of colour "R,G,B".
colour_count() {
  convert "$work/$1.png" -crop "$2" +repage -fuzz 8% -fill black +opaque "rgb($3)" -fill white -opaque "rgb($3)" \
    -colorspace Gray -format '%[fx:int(mean*w*h+0.5)]' info:
}

# pixel NAME X Y: "R,G,B" at a screen position of shot NAME.
pixel() {
  convert "$work/$1.png" -format "%[fx:int(255*p{$2,$3}.r)],%[fx:int(255*p{$2,$3}.g)],%[fx:int(255*p{$2,$3}.b)]" info:
}
