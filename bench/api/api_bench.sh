#!/usr/bin/env bash
# HTTP API figures: a real `clipgen serve` (SQLite, local files, no workers) beside the seed's
# stack in the same run (bench/api/seed_app.py: FastAPI on uvicorn, PyJWT, sqlite3, one worker
# process as the seed ran it), both reading the same SQLite file with the same token:
#  1. wrk on the authenticated GET /api/jobs/{id} at 2 and 64 connections: requests/s and p99
#     of each, and clipgen's ratio. Aim: 10x the seed's requests/s, a p99 below the seed's at 64.
#  2. a 2 GiB multipart upload to each: throughput, and the server's peak RSS growth while it
#     streams the file to disk. Aim: clipgen's growth under 64 MiB.
#  3. 10,000 idle keep-alive connections held open on each: the memory they cost.
# usage: bench/api/api_bench.sh [CLIPGEN_BINARY]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
clipgen=${1:-$root/build/src/app/clipgen}
media=${CLIPGEN_MEDIA_DIR:-$root/../shared/media}
duration=${BENCH_SECONDS:-10}
idle_connections=${BENCH_IDLE_CONNECTIONS:-10000}
python=/usr/bin/python3  # Debian's, with FastAPI and uvicorn
ulimit -n "$(ulimit -Hn)"

work=$(mktemp -d /tmp/clipgen-api-bench.XXXXXX)
clipgen_pid=
seed_pid=
cleanup() {
  for pid in $clipgen_pid $seed_pid; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { $python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
wait_healthy() {  # URL PID LOG
  until curl -sf "$1/healthz" >/dev/null; do
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.1
  done
}
secret=$(openssl rand -hex 32)
clipgen_url=http://127.0.0.1:$(free_port)
SECRET_KEY=$secret "$clipgen" serve --port "${clipgen_url##*:}" --data-dir "$work/data" --workers 0 \
  --max-upload-bytes $((3 << 30)) >"$work/clipgen.log" 2>&1 &
clipgen_pid=$!
wait_healthy "$clipgen_url" "$clipgen_pid" "$work/clipgen.log"

json() { $python -c "import json, sys; print(json.load(sys.stdin)$1)"; }
token=$(curl -sf "$clipgen_url/api/auth/register" -H 'Content-Type: application/json' \
  -d '{"email": "bench@example.com", "password": "bench password"}' | json '["token"]')
auth="Authorization: Bearer $token"
video=$(curl -sf "$clipgen_url/api/videos" -H "$auth" -F "file=@$media/video/sadtalker_WDA_AOC_talkinghead.mp4" |
  json '["video"]["id"]')
job=$(curl -sf "$clipgen_url/api/videos/$video/jobs" -H "$auth" -d '{"num_clips": 1}' | json '["job"]["id"]')

# The seed reads the job clipgen wrote, from the same file, with the same token.
seed_url=http://127.0.0.1:$(free_port)
mkdir -p "$work/seed-uploads"
SEED_DB=$work/data/clipgen.db SEED_UPLOADS=$work/seed-uploads SECRET_KEY=$secret TMPDIR=$work \
  $python -m uvicorn --app-dir "$root/bench/api" seed_app:app --host 127.0.0.1 --port "${seed_url##*:}" \
  --timeout-keep-alive 120 >"$work/seed.log" 2>&1 &
seed_pid=$!
wait_healthy "$seed_url" "$seed_pid" "$work/seed.log"
[ "$(curl -sf "$seed_url/api/jobs/$job" -H "$auth" | json '["job"]["id"]')" = "$job" ] ||
  { echo "the seed app does not read the job" >&2; exit 1; }

# "Requests/sec", the 99% latency (ms) of `wrk --latency`, and the server's CPU time per request
# (µs, from /proc/PID/stat): on a machine shared with other work, the CPU cost is the steadier
# figure.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run_wrk() {
  local connections=$1 url=$2 pid=$3 before
  before=$(cpu_ticks "$pid")
  wrk -t2 -c"$connections" -d"${duration}s" --latency -H "$auth" "$url" >"$work/wrk.txt"
  $python - "$work/wrk.txt" "$(($(cpu_ticks "$pid") - before))" "$(getconf CLK_TCK)" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
ticks, per_second = int(sys.argv[2]), int(sys.argv[3])
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
requests = int(re.search(r"(\d+) requests in", text).group(1))
value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
print(rps, float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], ticks / per_second / requests * 1e6)
PY
}
echo "GET /api/jobs/{id} (authenticated, SQLite), wrk -t2 ${duration}s per run, clipgen vs the seed (FastAPI + uvicorn):"
for connections in 2 64; do
  read -r ours_rps ours_p99 ours_cpu < <(run_wrk "$connections" "$clipgen_url/api/jobs/$job" "$clipgen_pid")
  read -r seed_rps seed_p99 seed_cpu < <(run_wrk "$connections" "$seed_url/api/jobs/$job" "$seed_pid")
  $python -c "print(f'  {$connections:2d} connections: clipgen {$ours_rps:6.0f} req/s, p99 {$ours_p99:6.2f} ms, {$ours_cpu:4.0f} µs CPU/req | seed {$seed_rps:5.0f} req/s, p99 {$seed_p99:6.2f} ms, {$seed_cpu:5.0f} µs CPU/req | {$ours_rps / $seed_rps:4.1f}x the requests/s, p99 {$ours_p99 / $seed_p99:.2f}x, {$seed_cpu / $ours_cpu:4.1f}x less CPU')"
done

# The peak VmRSS (KiB) of PID while a command runs: RSS_PEAK holds it after.
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
with_rss_peak() {
  local pid=$1
  shift
  (while kill -0 "$pid" 2>/dev/null; do rss_kib "$pid"; sleep 0.05; done) >"$work/rss" &
  local sampler=$!
  "$@"
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  RSS_PEAK=$(sort -n "$work/rss" | tail -1)
}

# A 2 GiB upload: a real video with zeros after it (the probe reads the front; the size is what
# is measured). Sparse, so making it costs no disk time.
big=$work/big.mp4
cp "$media/video/sadtalker_WDA_AOC_talkinghead.mp4" "$big"
truncate -s 2G "$big"
upload() {  # URL -> "status seconds" in UPLOAD
  UPLOAD=$(curl -s -o "$work/upload.json" -w '%{http_code} %{time_total}' -H "$auth" -H 'Expect:' \
    -F "file=@$big" "$1/api/videos")
}
upload_figures() {  # NAME PID URL -> "MiB/s growth_MiB"
  local before
  before=$(rss_kib "$2")
  with_rss_peak "$2" upload "$3"
  read -r status seconds <<<"$UPLOAD"
  [ "$status" = 201 ] || { echo "$1: the upload answered $status: $(cat "$work/upload.json")" >&2; exit 1; }
  $python -c "print(f'{2048 / $seconds:.0f} {($RSS_PEAK - $before) / 1024:.1f}')"
}
read -r ours_speed ours_growth < <(upload_figures clipgen "$clipgen_pid" "$clipgen_url")
read -r seed_speed seed_growth < <(upload_figures seed "$seed_pid" "$seed_url")
echo "2 GiB multipart upload (received, and for clipgen probed and stored):"
echo "  clipgen $ours_speed MiB/s, server RSS +$ours_growth MiB at peak (aim: under 64 MiB) | seed $seed_speed MiB/s, RSS +$seed_growth MiB"

echo "$idle_connections idle keep-alive connections (after one GET /healthz each), from 50 loopback addresses:"
for name in clipgen seed; do
  if [ $name = clipgen ]; then pid=$clipgen_pid url=$clipgen_url; else pid=$seed_pid url=$seed_url; fi
  # clipgen allows 256 connections per address by default: 200 from each of 50 addresses.
  $python "$root/bench/api/idle_connections.py" "${url##*:}" "$pid" "$idle_connections" 50 | $python -c "
import json, sys
r = json.load(sys.stdin)
cost = (r['rss_held_kib'] - r['rss_before_kib']) / r['connections']
print(f\"  $name: {r['answered']} answered, {r['still_open']} still open, RSS {r['rss_before_kib'] / 1024:.0f} -> {r['rss_held_kib'] / 1024:.0f} MiB: {cost:.1f} KiB per connection\")"
  curl -sf "$url/healthz" >/dev/null || { echo "$name stopped answering" >&2; exit 1; }
done
