#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the Storage tests (house style §8: a real server on 127.0.0.1,
# no containers). Runs as root on Debian; the cluster runs as the `postgres` user.
#
#   bash .ci/postgres.sh              start a cluster in a new temp folder; prints the connection string
#   bash .ci/postgres.sh start DIR    start a cluster in DIR (created; must not hold a cluster already)
#   bash .ci/postgres.sh stop DIR     stop the cluster in DIR and delete DIR
#
# The port is $VIGIA_PG_PORT (default 55432). Only the connection string goes to stdout, so
#   export VIGIA_TEST_POSTGRES="$(bash .ci/postgres.sh start "$dir")"
# works; progress and errors go to stderr.
set -euo pipefail

port="${VIGIA_PG_PORT:-55432}"
action="${1:-start}"
dir="${2:-}"

log() { printf 'postgres.sh: %s\n' "$*" >&2; }

find_bin() {
  local initdb
  initdb=$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$initdb" ]; then
    log "PostgreSQL not installed: installing it with apt"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
    initdb=$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$initdb" ] || { log "initdb still missing after apt-get install postgresql"; exit 1; }
  fi
  dirname "$initdb"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    bin=$(find_bin)
    if [ -z "$dir" ]; then
      dir=$(mktemp -d -t vigia-pg.XXXXXX)
    fi
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    log "initdb in $dir"
    as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync stays on: the tests check durability settings, and the cluster is small.
    if ! as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >&2; then
      log "the server did not start (is port $port in use? set VIGIA_PG_PORT); its log:"
      cat "$dir/server.log" >&2 || true
      exit 1
    fi
    log "started on 127.0.0.1:$port; stop with: bash .ci/postgres.sh stop $dir"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    [ -n "$dir" ] || { log "usage: postgres.sh stop DIR"; exit 2; }
    if [ -f "$dir/data/postmaster.pid" ]; then
      bin=$(find_bin)
      as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    log "usage: postgres.sh [start [DIR] | stop DIR]"
    exit 2
    ;;
esac
