#!/usr/bin/env bash
# Builds clipgen and runs every benchmark on the 200 s test talk. Each prints its figures beside
# a reference measured in the same run (the ffmpeg CLI, a single-threaded run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
"$root/scripts/build.sh" "$build" >/dev/null
talk=$build/test-work/talk.mp4
if [ ! -s "$talk" ]; then
  mkdir -p "$(dirname "$talk")"
  bash "$root/../shared/media/make-talk.sh" "$talk.tmp.mp4" && mv "$talk.tmp.mp4" "$talk"
fi
"$build/bench/media/render_bench" "$talk"
degraded=$build/test-work/degraded-speech
bash "$root/bench/speech/inputs/make-degraded-speech.sh" "$root/../shared/media" "$degraded"
"$build/bench/speech/transcribe_bench" "$talk"
"$build/bench/speech/transcribe_bench" "$degraded/manifesto-reverberant.wav"  # hard audio
"$build/bench/speech/decoder_settings_bench" "$root/../shared/media" "$degraded"
"$build/bench/reframe/reframe_bench" "$talk"
conversation=$build/test-work/conversation.mp4
if [ ! -s "$conversation" ]; then
  bash "$root/tests/tools/make-conversation.sh" "${conversation%.mp4}.tmp.mp4"
  mv "${conversation%.mp4}.tmp.turns.json" "${conversation%.mp4}.turns.json"
  mv "${conversation%.mp4}.tmp.mp4" "$conversation"
fi
"$build/bench/reframe/conversation_bench" "$conversation"
for script in "$root"/bench/*/*.sh; do
  bash "$script" "$build/src/app/clipgen" "$talk"
done
