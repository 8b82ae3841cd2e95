#!/usr/bin/env bash
# `clipgen process` end to end on the talk (5 clips, 9:16), on every core and on one thread,
# as fractions of the video's duration and as a speed-up ratio.
# usage: bench/pipeline/process_bench.sh CLIPGEN TALK.mp4
set -euo pipefail
clipgen=${1:?usage: process_bench.sh CLIPGEN TALK.mp4}
talk=${2:?usage: process_bench.sh CLIPGEN TALK.mp4}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
duration=$("$clipgen" probe "$talk" | sed -n 's/.*"duration": \([0-9.]*\).*/\1/p')

run() {  # threads -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$clipgen" process "$talk" -o "$out/t$1" --clips 5 --aspect 9:16 --threads "$1" -q >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

all=$(run 0)
one=$(run 1)
printf 'clipgen process, %s s talk, 5 clips at 9:16 (%s cores)\n' "$duration" "$(nproc)"
printf '  all cores: %6.1f s = %.3f x the video duration\n' "$all" "$(echo "$all / $duration" | bc -l)"
printf '  1 thread:  %6.1f s = %.3f x the video duration\n' "$one" "$(echo "$one / $duration" | bc -l)"
printf '  speed-up all cores vs 1 thread: %.2fx\n' "$(echo "$one / $all" | bc -l)"
