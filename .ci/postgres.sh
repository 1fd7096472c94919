#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the store tests.
#
#   eval "$(bash .ci/postgres.sh)"  # exports CLAIMLEDGER_TEST_PG in this shell
#   bash .ci/postgres.sh stop [PORT]  # stops the server this script started on PORT
#                                     # (default: the port of $CLAIMLEDGER_TEST_PG)
#
# Installs Debian's postgresql package when no server binaries are present, runs initdb in a
# fresh temporary directory as the `postgres` user (initdb refuses root), starts the server on
# the first free port from $CLAIMLEDGER_PG_PORT (default 54329), creates the database
# `claimledger`, and prints `export CLAIMLEDGER_TEST_PG=postgresql://...` on stdout. Progress
# goes to stderr. The server trusts local connections and runs with fsync off: it is for tests.
set -euo pipefail

state_file() { echo "${TMPDIR:-/tmp}/claimledger-pg-$1.state"; }
log() { echo "postgres.sh: $*" >&2; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "stop" ]; then
  stop_port="${2:-${CLAIMLEDGER_TEST_PG##*:}}"
  stop_port="${stop_port%%/*}"
  state="$(state_file "$stop_port")"
  if [ -f "$state" ]; then
    # shellcheck disable=SC1090
    . "$state"
    as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >&2 || true
    rm -rf "$PGDATA_DIR" "$state"
  fi
  exit 0
fi

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PGBIN="$(pg_bin || true)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  log "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
  PGBIN="$(pg_bin)"
fi

if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port="${CLAIMLEDGER_PG_PORT:-54329}"
for _ in $(seq 1 50); do
  port_busy "$port" || break
  port=$((port + 1))
done
if port_busy "$port"; then log "no free port found"; exit 1; fi

datadir="$(mktemp -d "${TMPDIR:-/tmp}/claimledger-pg.XXXXXX")"
if [ "$(id -u)" = 0 ]; then chown postgres: "$datadir"; fi
chmod 700 "$datadir"

log "initdb in $datadir"
as_owner "$PGBIN/initdb" -D "$datadir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
log "starting the server on 127.0.0.1:$port"
as_owner "$PGBIN/pg_ctl" -D "$datadir" -l "$datadir/server.log" -w -t 60 \
  -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2
as_owner "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres claimledger

printf 'PGBIN=%q\nPGDATA_DIR=%q\n' "$PGBIN" "$datadir" > "$(state_file "$port")"
export CLAIMLEDGER_TEST_PG="postgresql://postgres@127.0.0.1:$port/claimledger"
echo "export CLAIMLEDGER_TEST_PG=$CLAIMLEDGER_TEST_PG"
