#!/usr/bin/env bash
# One fuzz target's CI run: replay every committed regression input (each crash ever found),
# then fuzz for a bounded time from the seeds. Prints the executions run; a crash fails the run
# and leaves the input under the work folder, to be added to fuzz/regressions/<target>/.
# usage: run_fuzzer.sh BINARY REGRESSIONS_DIR WORK_DIR SECONDS "LIBFUZZER_ARGS" SEED_DIR...
set -euo pipefail
binary=$1 regressions=$2 work=$3 seconds=$4 extra=$5
shift 5
mkdir -p "$work/corpus" "$work/crashes"
if compgen -G "$regressions/*" >/dev/null; then
  # shellcheck disable=SC2086
  "$binary" $extra -runs=1 "$regressions"/*
fi
seeds=()
for dir in "$@"; do [ -d "$dir" ] && seeds+=("$dir"); done
status=0
# shellcheck disable=SC2086
"$binary" $extra -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work/crashes/" \
  "$work/corpus" "${seeds[@]}" >"$work/last-run.log" 2>&1 || status=$?
grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ +DONE" "$work/last-run.log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzzing found a crash (exit $status): add $work/crashes/* to $regressions/ after fixing it" >&2
  tail -50 "$work/last-run.log" >&2
fi
exit "$status"
