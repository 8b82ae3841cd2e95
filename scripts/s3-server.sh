#!/usr/bin/env bash
# Starts or stops a throwaway S3-compatible server on loopback for the tests: s3rver (npm, pinned
# in tests/tools/package-lock.json), which takes the key S3RVER/S3RVER (it does not check signatures).
#   s3-server.sh start DIR   serves bucket "clipgen-test" from DIR/data on a free port and writes
#                            the endpoint URL to DIR/endpoint; path style on 127.0.0.1, and
#                            virtual-hosted on s3.localhost (clipgen-test.s3.localhost:PORT)
#   s3-server.sh stop DIR    stops it and removes DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
action=${1:?usage: s3-server.sh start|stop DIR}
dir=${2:?usage: s3-server.sh start|stop DIR}

case "$action" in
  start)
    if [ ! -x "$root/tests/tools/node_modules/.bin/s3rver" ]; then
      (cd "$root/tests/tools" && npm ci --no-audit --no-fund --silent)
    fi
    "$0" stop "$dir"
    mkdir -p "$dir/data"
    port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # s3rver encrypts list continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
    NODE_OPTIONS=--openssl-legacy-provider setsid "$root/tests/tools/node_modules/.bin/s3rver" -d "$dir/data" -a 127.0.0.1 -p "$port" --silent \
      --service-endpoint localhost --configure-bucket clipgen-test >"$dir/log" 2>&1 </dev/null &
    echo $! >"$dir/pid"
    for _ in $(seq 1 100); do
      if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
        echo "http://127.0.0.1:$port" >"$dir/endpoint"
        exit 0
      fi
      sleep 0.1
    done
    echo "s3rver did not start; its log:" >&2
    cat "$dir/log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/pid" ]; then
      kill "$(cat "$dir/pid")" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: s3-server.sh start|stop DIR" >&2
    exit 2
    ;;
esac
