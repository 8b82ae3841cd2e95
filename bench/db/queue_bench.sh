#!/usr/bin/env bash
# The job queue's claim throughput, one claimer against four, on a fresh SQLite file and on a
# throwaway PostgreSQL cluster (scripts/pg-throwaway.sh).
# usage: bench/db/queue_bench.sh CLIPGEN_BINARY [ignored...]   (bench/run.sh passes the binary)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$(dirname "$1")/../.." && pwd)
work=$(mktemp -d)
trap '"$root/scripts/pg-throwaway.sh" stop "$work/pg"; rm -rf "$work"' EXIT
"$build/bench/db/queue_bench" "sqlite://$work/bench.db"
"$build/bench/db/queue_bench" "$("$root/scripts/pg-throwaway.sh" start "$work/pg")"
