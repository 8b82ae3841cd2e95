#!/usr/bin/env bash
# Installs what clipgen needs, then builds it: the C++ binary into build/ and, when web/ has an
# app, the UI into web/dist. Idempotent; a second run only rebuilds what changed.
# usage: scripts/build.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true

"$root/scripts/setup-deps.sh"
. "$root/scripts/compiler-cache.sh"
cmake -S "$root" -B "$build" -G Ninja "$@" >/dev/null
cmake --build "$build" --parallel "$(nproc)"

if [ -f "$root/web/package.json" ]; then
  (cd "$root/web" && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund; } && npm run build)
fi
