#!/usr/bin/env bash
# Installs what clipgen needs, builds it, then runs it with the given arguments, e.g.
#   scripts/run.sh process talk.mp4 -o clips
#   scripts/run.sh serve --dev
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" "$root/build" >&2
exec "$root/build/src/app/clipgen" "$@"
