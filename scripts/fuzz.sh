#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with Debian's clang-14 in build-fuzz/ and runs each:
# its committed regression inputs, then CLIPGEN_FUZZ_SECONDS (default 20) of fuzzing from its
# seeds. Prints each target's executions; exits non-zero when any input crashes.
# usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
seconds=${1:-${CLIPGEN_FUZZ_SECONDS:-20}}
. "$root/scripts/compiler-cache.sh"
cmake -S "$root" -B "$build" -G Ninja -DCLIPGEN_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DCLIPGEN_FUZZ_SECONDS="$seconds" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
status=0
(cd "$build" && ctest --output-on-failure --parallel "$(nproc)" -L fuzz --timeout $((seconds * 4 + 120)) --verbose) \
  >"$build/fuzz.log" 2>&1 || status=$?
grep -E "^[0-9]+: (stat::number_of_executed_units|stat::peak_rss_mb)|Test +#|tests passed|tests failed|fuzzing found" \
  "$build/fuzz.log" || true
exit "$status"
