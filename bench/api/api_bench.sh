#!/usr/bin/env bash
# HTTP API figures on a real `clipgen serve` (SQLite, local files, no workers):
#  1. wrk on an authenticated GET /api/jobs/{id} at 2 and 64 connections: requests/s and p99,
#     beside GET /healthz (no auth, no database) at the same load as the reference.
#  2. a 2 GiB upload: throughput and the server's peak RSS growth while it streams to disk,
#     beside the same bytes sent as a plain body that the server reads and discards (the HTTP
#     transfer alone, without multipart parsing, probing and storing).
# usage: bench/api/api_bench.sh [CLIPGEN_BINARY]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
clipgen=${1:-$root/build/src/app/clipgen}
media=${CLIPGEN_MEDIA_DIR:-$root/../shared/media}
duration=${BENCH_SECONDS:-10}

work=$(mktemp -d /tmp/clipgen-api-bench.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base=http://127.0.0.1:$port
SECRET_KEY=$(openssl rand -hex 32) "$clipgen" serve --port "$port" --data-dir "$work/data" --workers 0 \
  --max-upload-bytes $((3 << 30)) >"$work/serve.log" 2>&1 &
server_pid=$!
until curl -sf "$base/healthz" >/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done

json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }
token=$(curl -sf "$base/api/auth/register" -H 'Content-Type: application/json' \
  -d '{"email": "bench@example.com", "password": "bench password"}' | json '["token"]')
auth="Authorization: Bearer $token"
video=$(curl -sf "$base/api/videos" -H "$auth" -F "file=@$media/video/sadtalker_WDA_AOC_talkinghead.mp4" | json '["video"]["id"]')
job=$(curl -sf "$base/api/videos/$video/jobs" -H "$auth" -d '{"num_clips": 1}' | json '["job"]["id"]')

# "Requests/sec" and the 99% latency line of `wrk --latency`.
run_wrk() {
  local connections=$1 path=$2
  shift 2
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" "$base$path" |
    awk '/Requests\/sec/ {rps = $2} /^ +99%/ {p99 = $2} END {print rps, p99}'
}
echo "GET /api/jobs/{id} (authenticated, SQLite) vs GET /healthz, wrk ${duration}s per run:"
for connections in 2 64; do
  read -r job_rps job_p99 < <(run_wrk "$connections" "/api/jobs/$job" -H "$auth")
  read -r ref_rps ref_p99 < <(run_wrk "$connections" /healthz)
  ratio=$(python3 -c "print(f'{$job_rps / $ref_rps:.2f}')")
  printf '  %2d connections: %9.0f req/s, p99 %-8s | healthz %9.0f req/s, p99 %-8s | ratio %s\n' \
    "$connections" "$job_rps" "$job_p99" "$ref_rps" "$ref_p99" "$ratio"
done

# A 2 GiB upload: a real video with zeros after it (the probe reads the front; the size is what
# is measured). Sparse, so making it costs no disk time.
big=$work/big.mp4
cp "$media/video/sadtalker_WDA_AOC_talkinghead.mp4" "$big"
truncate -s 2G "$big"
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }
baseline=$(rss_kib)
peak=$baseline
(
  while kill -0 "$server_pid" 2>/dev/null; do rss_kib; sleep 0.05; done
) >"$work/rss" &
sampler=$!
read -r status seconds < <(curl -s -o "$work/upload.json" -w '%{http_code} %{time_total}\n' -H "$auth" -H 'Expect:' \
  -F "file=@$big" "$base/api/videos")
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
peak=$(sort -n "$work/rss" | tail -1)
[ "$status" = 201 ] || { echo "upload answered $status: $(cat "$work/upload.json")" >&2; exit 1; }
# The login route drains a body over its JSON limit and answers 413: the transfer alone.
read -r status reference < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Expect:' \
  -H 'Content-Type: application/json' -X POST -T "$big" "$base/api/auth/login")
[ "$status" = 413 ] || { echo "reference upload answered $status" >&2; exit 1; }
python3 - "$seconds" "$reference" "$baseline" "$peak" <<'PY'
import sys
seconds, reference, baseline, peak = map(float, sys.argv[1:])
size = 2 * 1024**3
upload = size / seconds / 1024**2
transfer = size / reference / 1024**2
print(f"2 GiB upload: {upload:.0f} MiB/s ({seconds:.1f} s: received, probed, stored) | plain body read and "
      f"discarded {transfer:.0f} MiB/s | ratio {upload / transfer:.2f}")
print(f"server RSS during the upload: {baseline / 1024:.1f} MiB before, {peak / 1024:.1f} MiB at peak, "
      f"growth {(peak - baseline) / 1024:.1f} MiB (aim: under 64 MiB)")
PY
