#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1 for the storage tests, installing Debian's package when
# it is missing. Prints the JDBC URL the tests read from ONAUTOMATE_TEST_PG_URL.
#   .ci/postgres.sh start   -> starts it (idempotent) and prints the URL
#   .ci/postgres.sh status  -> exit 0 when it is running
#   .ci/postgres.sh stop    -> stops it
#   .ci/postgres.sh fresh-db NAME -> (re)creates an empty database NAME and prints its URL
set -euo pipefail
PORT="${ONAUTOMATE_PG_PORT:-55432}"
DATA="${ONAUTOMATE_PG_DATA:-/tmp/onautomate-pg-$PORT}"

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed: installing Debian's package" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$bin"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    BIN=$(pg_bin)
    if ! as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      rm -rf "$DATA"
      mkdir -p "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres "$DATA"
      as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >/dev/null
      as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c max_connections=200 -c fsync=off" start >&2
    fi
    as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'opportunities'" | grep -q 1 \
      || as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres opportunities
    echo "jdbc:postgresql://127.0.0.1:$PORT/opportunities?user=postgres"
    ;;
  fresh-db)
    BIN=$(pg_bin)
    NAME="${2:?usage: $0 fresh-db NAME}"
    as_postgres "$BIN/dropdb" -h 127.0.0.1 -p "$PORT" -U postgres --if-exists "$NAME"
    as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$NAME"
    echo "jdbc:postgresql://127.0.0.1:$PORT/$NAME?user=postgres"
    ;;
  status)
    BIN=$(pg_bin)
    as_postgres "$BIN/pg_ctl" -D "$DATA" status
    ;;
  stop)
    BIN=$(pg_bin)
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || true
    ;;
  *)
    echo "usage: $0 start|status|stop|fresh-db NAME" >&2
    exit 2
    ;;
esac
