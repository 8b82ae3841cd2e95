#!/usr/bin/env bash
# Installs, builds and runs every test: unit, integration (real libav, pocketsphinx, loopback
# servers) and end to end; then the same suites again under AddressSanitizer + UBSan (leaks
# included). Idempotent. Exits non-zero when any test fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
asan=$root/build-asan
jobs=$(nproc)

# Test servers from npm (s3rver), pinned by tests/tools/package-lock.json.
(cd "$root/tests/tools" && npm ci --no-audit --no-fund --silent)

"$root/scripts/build.sh" "$build"
(cd "$build" && ctest --output-on-failure --parallel "$jobs" --timeout 900)
echo "== web app component tests"
(cd "$root/web" && npm test)

echo "== the same suites under AddressSanitizer and UBSan"
cmake -S "$root" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCLIPGEN_SANITIZE=ON -DCLIPGEN_BUILD_BENCH=OFF >/dev/null
cmake --build "$asan" --parallel "$jobs"
# Reuse the test talk instead of building it again.
mkdir -p "$asan/test-work"
ln -sf "$build/test-work/talk.mp4" "$asan/test-work/talk.mp4"
# `clipgen process` on the whole talk is covered stage by stage above; end to end it is the one
# run too slow to repeat instrumented (RemoteEngines runs it too, with the remote engines faked;
# their clients are covered instrumented by the llm, speech and net suites). The API's process
# tests (kill and restart, two worker processes) run several whole jobs each: the API flow and
# failure suites cover the same server code instrumented. The browser test drives whole jobs
# through the UI; the server code under it is the same. The hashing burst measures the server's
# peak memory, which ASan's quarantine of freed blocks makes meaningless.
(cd "$asan" && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure --parallel "$jobs" --timeout 900 \
  -E '^(app\.process_talk|ProcessTalk\.|RemoteEngines\.|(postgresql\.)?Api(Restart|Workers)Test\.|e2e\.web|(postgresql\.)?ApiAbuseTest\.PasswordHashing)')

echo "== fuzzing (libFuzzer, Debian's clang): each target's regression inputs, then 20 s of fuzzing"
"$root/scripts/fuzz.sh" 20
