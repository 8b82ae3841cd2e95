#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests: its own data folder under /tmp, listening only on
# 127.0.0.1 at a free port, password authentication, removed again by `stop`.
#
#   scripts/pg-throwaway.sh start STATE_DIR   prints the DATABASE_URL and writes STATE_DIR/url
#   scripts/pg-throwaway.sh restart STATE_DIR stops the cluster and starts it again (same port
#                                             and data), dropping every client connection
#   scripts/pg-throwaway.sh stop  STATE_DIR   stops the cluster and deletes its files
#
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user (made by
# Debian's postgresql package) in a folder it owns.
set -euo pipefail

action=${1:-}
state=${2:-}
if [ -z "$action" ] || [ -z "$state" ]; then
  echo "usage: $0 start|restart|stop STATE_DIR" >&2
  exit 2
fi

bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
user=clipgen
password=clipgen-test
database=clipgen

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  mkdir -p "$state"
  if [ -f "$state/cluster" ]; then stop; fi
  local dir port
  dir=$(mktemp -d /tmp/clipgen-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  echo "$dir" > "$state/cluster"
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/pwfile" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  port=$(free_port)
  # fsync off: a test cluster trades durability for speed. The socket lives in the temp folder.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=100" \
    >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -qAt \
    -c "CREATE DATABASE $database" >/dev/null
  local url="postgresql://$user:$password@127.0.0.1:$port/$database"
  echo "$url" > "$state/url"
  echo "$url"
}

stop() {
  [ -f "$state/cluster" ] || return 0
  local dir
  dir=$(cat "$state/cluster")
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  rm -f "$state/cluster" "$state/url"
}

restart() {
  local dir
  dir=$(cat "$state/cluster")
  # pg_ctl restart starts the server with the options of the previous start (postmaster.opts).
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
}

case "$action" in
  start) start ;;
  restart) restart ;;
  stop) stop ;;
  *) echo "usage: $0 start|restart|stop STATE_DIR" >&2; exit 2 ;;
esac
