#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1 for the test suite and prints the URL
# the tests use (BACKPATH_TEST_POSTGRES_URL). Installs Debian's postgresql if missing.
# Usage: eval "$(bash .ci/postgres.sh start)"  ...  bash .ci/postgres.sh stop "$PGDATA"
set -euo pipefail
PORT=${BACKPATH_PG_PORT:-55432}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

case "${1:-start}" in
start)
  if [ -z "$(pg_bin)" ]; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
  BIN=$(pg_bin)
  DATA=$(mktemp -d /tmp/backpath-pg.XXXXXX)
  chown postgres:postgres "$DATA"
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
  runuser -u postgres -- "$BIN/initdb" -D "$DATA" -A trust -U backpath >/dev/null
  runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-h 127.0.0.1 -p $PORT -k $DATA -c fsync=off -c max_connections=200" start >&2
  echo "export PGDATA_BACKPATH=$DATA"
  echo "export BACKPATH_TEST_POSTGRES_URL=postgresql+asyncpg://backpath@127.0.0.1:$PORT/postgres"
  ;;
stop)
  DATA=${2:?data directory}
  runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
  rm -rf "$DATA"
  ;;
esac
