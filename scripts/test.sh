#!/usr/bin/env bash
# Installs, builds and runs every test: unit, integration (real libav, pocketsphinx, loopback
# servers) and end to end; then the same suites again under AddressSanitizer + UBSan (leaks
# included). Idempotent. Exits non-zero when any test fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
asan=$root/build-asan
jobs=$(nproc)
. "$root/scripts/compiler-cache.sh"
# Each phase says when it starts, so a slow run shows where its time went.
phase() { echo "== $* (${SECONDS} s in)"; }

# Test servers from npm (s3rver), pinned by tests/tools/package-lock.json.
(cd "$root/tests/tools" && npm ci --no-audit --no-fund --silent)

phase "build"
"$root/scripts/build.sh" "$build"
phase "all suites"
(cd "$build" && ctest --output-on-failure --parallel "$jobs" --timeout 900)
phase "web app component tests"
(cd "$root/web" && npm test)

phase "the same suites under AddressSanitizer and UBSan: build"
# Line tables (-g1) are all a sanitizer report needs to name file and line.
cmake -S "$root" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG=-g1 -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
  -DCLIPGEN_SANITIZE=ON -DCLIPGEN_BUILD_BENCH=OFF >/dev/null
cmake --build "$asan" --parallel "$jobs"
phase "the same suites under AddressSanitizer and UBSan: run"
# Reuse the test talk and the sync matrix's inputs instead of building them again.
mkdir -p "$asan/test-work"
ln -sf "$build/test-work/talk.mp4" "$asan/test-work/talk.mp4"
ln -sfn "$build/test-work/sync-matrix" "$asan/test-work/sync-matrix"
ln -sf "$build/test-work/conversation.mp4" "$asan/test-work/conversation.mp4"
ln -sf "$build/test-work/conversation.turns.json" "$asan/test-work/conversation.turns.json"
# `clipgen process` on the whole talk is covered stage by stage above; end to end it is the one
# run too slow to repeat instrumented (RemoteEngines runs it too, with the remote engines faked;
# their clients are covered instrumented by the llm, speech and net suites). The API's process
# tests (kill and restart, two worker processes) run several whole jobs each: the API flow and
# failure suites cover the same server code instrumented. The PostgreSQL reconnect test starts and
# restarts a cluster of its own and runs a job; every pooled session the instrumented PostgreSQL
# runs of the API suites borrow goes through the same connection check. The browser test drives
# whole jobs through the UI; the server code under it is the same. The sync matrix's reference
# checks run no clipgen code (only the ffmpeg CLI), and the field cases are whole `clipgen
# process` runs. Word alignment's accuracy cases decode whole recordings twice; its jfk cases
# (cue bounds, a refused text) run the same code instrumented, and `--transcript` through the
# CLI is wiring over it. The hashing burst measures the server's peak memory, which ASan's
# quarantine of freed blocks makes meaningless; the abuse suite runs instrumented on SQLite only
# (on PostgreSQL its server code is the same, and the instrumented API suites and repository
# tests cover the PostgreSQL paths). A given transcript's three aligned jobs are whole jobs too:
# its bad-body and other-user cases run the route instrumented. The speech accuracy measurements over
# whole recordings (the manifesto's captions and clip cues, the sonnet, LibriVox, the padded
# copies but the silent one, the first word after silence, a pause in the middle) decode with the
# same code as the jfk cases, which stay instrumented. The worker's whole real jobs and the clip
# maker's talk clip run instrumented inside the API flow suite's job (same worker, same clip maker).
# `clipgen render` is wiring over the renderer that the instrumented sync matrix and renderer
# tests run; the clip editor's suite (one job, three renders) stays instrumented: it is the only
# run of the render jobs' swap of files and rows. A conversation's clip through the clip maker
# transcribes and renders at full size, and so do the API's conversation job and re-render; the
# instrumented conversation suite runs the same framing and split render at a small size, and the
# unit suites the labelling.
(cd "$asan" && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure --parallel "$jobs" --timeout 900 \
  -E '^(app\.process_talk|ProcessTalk\.|RemoteEngines\.|(postgresql\.)?Api(Restart|Workers|Reconnect)Test\.|e2e\.web|Inputs/SyncReference\.|FieldMedia\.(Matroska|MpegTs|Speech|SoundPast|Music)|WordAlignment\.(Manifesto|EverySonnet|TenSeconds)|CorrectionTiming\.|TranscriptFlag\.|ApiAbuseTest\.PasswordHashing|postgresql\.ApiAbuseTest\.|ApiTranscriptTest\.GivenCaptions|CaptionSync\.|WordTiming\.(Manifesto|FirstWordAfterDigitalSilence|APauseInTheMiddle)|ClipMaker\.MakesAVertical|Transcription\.(Sonnet|ParallelChunks|WordsAreTimed|Librivox)|Jfk/PaddedCopy\.ShiftsEveryWordByExactlyThePadding/(room_tone|music)|Dialects/Worker\.(RunsARealJob|AFinishingStop)|RenderCommand\.RendersTheWindow|ConversationClip\.|ApiConversationTest\.)')

phase "fuzzing (libFuzzer, Debian's clang): each target's regression inputs, then 10 s of fuzzing"
"$root/scripts/fuzz.sh" 10
phase "done"
