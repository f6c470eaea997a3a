#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz (clang, ASan+UBSan) and runs each for a short time
# on a copy of the seed corpus from tests/data/. Used by .ci/run; for longer runs see README
# "Fuzzing". Usage: tests/fuzz/run-short.sh [SECONDS_PER_TARGET]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_TARGET=${1:-20}
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
JOBS=${JOBS:-2}
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -DDRIFTMAP_FUZZ=ON -DDRIFTMAP_GUI=OFF -DDRIFTMAP_TESTS=OFF >/dev/null
cmake --build "$BUILD_DIR" -j"$JOBS" --target fuzz_date fuzz_csv fuzz_geojson fuzz_encoding fuzz_session

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$corpus/date" "$corpus/csv" "$corpus/geojson" "$corpus/encoding" "$corpus/session"
printf '%s' 2022 > "$corpus/date/1"; printf '%s' 2022-07 > "$corpus/date/2"
printf '%s' 2022-07-30 > "$corpus/date/3"; printf '%s' 2019/2021-02 > "$corpus/date/4"
find tests/data -type f -name '*.csv' -size -64k -exec cp -t "$corpus/csv" {} + 2>/dev/null || true
find tests/data -type f -name '*.geojson' -size -64k -exec cp -t "$corpus/geojson" {} + 2>/dev/null || true
find tests/data/import tests/data/bad -type f -name '*.csv' -size -64k -exec cp -t "$corpus/encoding" {} + 2>/dev/null || true
find tests/data -type f -name '*.session' -size -64k -exec cp -t "$corpus/session" {} + 2>/dev/null || true
printf 'driftmap_session = 1\n[view]\ncentre_x_m = 0\ncentre_y_m = 0\n' > "$corpus/session/minimal"

# GDAL and PROJ keep process-lifetime caches that LeakSanitizer reports; leaks are not checked.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
status=0
for t in date csv geojson encoding session; do
  echo "== fuzz_$t: ${SECONDS_PER_TARGET}s"
  artifacts="$BUILD_DIR/fuzz-artifacts/$t/"
  mkdir -p "$artifacts"
  if ! "$BUILD_DIR/tests/fuzz/fuzz_$t" "$corpus/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
      -rss_limit_mb=4096 -max_len=65536 -artifact_prefix="$artifacts" -print_final_stats=1 2>&1 | tail -n 25; then
    echo "fuzz_$t FAILED (crash input in $artifacts)"
    status=1
  fi
done
exit $status
