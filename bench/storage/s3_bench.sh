#!/usr/bin/env bash
# S3 transfers through clipgen and through the AWS CLI against a throwaway s3rver on loopback.
# usage: bench/storage/s3_bench.sh CLIPGEN [TALK]   (bench/run.sh passes both; only the build
# folder next to CLIPGEN is used)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
clipgen=${1:?usage: s3_bench.sh CLIPGEN [TALK]}
build=$(cd "$(dirname "$clipgen")/../.." && pwd)
server=$(mktemp -d)
trap '"$root/scripts/s3-server.sh" stop "$server"' EXIT
"$root/scripts/s3-server.sh" start "$server"
"$build/bench/storage/s3_transfer_bench" "$(cat "$server/endpoint")" clipgen-test "${S3_BENCH_MIB:-96}" "${S3_BENCH_RUNS:-3}"
