#!/usr/bin/env bash
# GUI check under Xvfb of the loaded data's own shares beside the article's figures, as a person
# asks for them: over 2022 the sidebar shows the article's figures; a click on "computed shares
# of the loaded data" lists under each the data's own share for the same group and period,
# labelled as computed, and the figure agrees with `driftmap stats` (the one rule of both).
# Usage: gui_shares_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir

# The computed share of Kabul in 2022 as `stats` prints it ("2022 kabul ... 27 %").
want=$("$driftmap" stats | awk '$1 == "2022" && $2 == "kabul" { print $5; exit }')
[ -n "$want" ] || fail "stats gives no computed share for Kabul in 2022"

viewer_start --size 1400x900 --view afpak --from 2022-01 --to 2022-12
await before "Kabul" >/dev/null || fail "the article's figures for 2022 are not in the sidebar"
if ocr before "computed from" | grep -q "computed from"; then fail "computed shares shown before they were asked for"; fi
click_text before "computed"
text=$(await after "computed from" 60) || fail "no computed share after the click: $text"
echo "$text" | grep -q "for 2022" || fail "the computed share does not name the figure's period: $text"
# The Kabul line: the article's 27 % and, under it, the data's own share with its counts.
echo "$text" | tr '\n' ' ' | grep -q "Kabul 27.*computed from the loaded data for 2022: $want %" ||
  fail "Kabul's computed share is not $want % as stats computes it: $text"
viewer_quit
echo "ok: computed shares beside the article's figures (Kabul 2022: $want %)"
