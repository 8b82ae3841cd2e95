#!/usr/bin/env bash
# Installs, builds and runs every test: unit, integration (real libav, databases, servers)
# and end-to-end. Idempotent. Exits non-zero when any test fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build

"$root/scripts/build.sh" "$build"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 900
