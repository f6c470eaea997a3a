#!/usr/bin/env bash
# GUI check under Xvfb of finding an incident outside the time window, as a person does it: with
# the window on 2020-01..2021-12, typing "Kerman" in the search field lists the Kerman attack of
# January 2024 with its date, says it is outside the window and counts it ("0 in window · 2 in all"); choosing it
# moves the window to 2024, selects it (its details show Kerman) and pans the map to it.
# Usage: gui_search_test.sh /path/to/driftmap
set -u
driftmap=${1:?usage: $0 /path/to/driftmap}
source "$(dirname "$0")/gui_lib.sh"
gui_require
gui_in_xvfb "$@"

gui_workdir

viewer_start --size 1400x900 --view afpak --from 2020-01 --to 2021-12
await_word start "search" >/dev/null || fail "the search field is not on screen"
type_in_field search Kerman
text=$(await found "outside the window") || fail "the search lists no match outside the window: $(echo "$text" | tr '\n' ' ')"
echo "$text" | grep -q "Jan 2024" || fail "the match does not show its date: $(echo "$text" | tr '\n' ' ')"
# (Kerman also appears in a report on the attack: two matches, both in January 2024.)
echo "$text" | grep -Eq "0 in window.{1,4}[1-9] in all" || fail "the counts do not read 0 in window, N in all: $(echo "$text" | tr '\n' ' ')"
echo "found: the Kerman attack is listed with its date, outside the window"

click_text found "Qasem"
text=$(await shown "Incident details") || fail "choosing the match did not open its details: $(echo "$text" | tr '\n' ' ')"
echo "$text" | grep -q "Kerman" || fail "the details do not show Kerman: $(echo "$text" | tr '\n' ' ')"
echo "$text" | grep -Eq "[1-9] in window" || fail "the window did not move to the match: $(echo "$text" | tr '\n' ' ')"
# The timeline's range "Jul 2022 – Jun 2024": the window keeps its 24 months and ends with the data.
echo "$text" | grep -Eq "20[0-9]{2} ?\S{1,2} ?[A-Za-z]{3} 2024" ||
  fail "the window's range does not show 2024: $(echo "$text" | tr '\n' ' ')"
echo "chosen: the window shows 2024 and the details show Kerman"
viewer_quit
echo "PASS"
