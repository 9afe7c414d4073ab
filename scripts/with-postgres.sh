#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server:
#
#   scripts/with-postgres.sh vitest run packages/db/src/jobs.test.ts
#
# Starts PostgreSQL from the Debian binaries (initdb in a temp dir as the `postgres` user when run
# as root, trust auth on 127.0.0.1 only, a free port), exports
# TEST_DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres, runs the command, stops and
# deletes the server whatever happens, and exits with the command's exit code.
#
# PG_BIN overrides the directory of the server binaries (default: the newest /usr/lib/postgresql/*/bin,
# preferring 15). As root, a missing server is installed with apt-get.
# The server runs with fsync off: it is a test server; its data is deleted at exit.
set -uo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG…]" >&2
  exit 64
fi

log() { echo "with-postgres: $*" >&2; }

find_pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then echo /usr/lib/postgresql/15/bin; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  echo "${found:-/usr/lib/postgresql/15/bin}"
}

PG_BIN=$(find_pg_bin)
if [ ! -x "$PG_BIN/initdb" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "PostgreSQL binaries not found in $PG_BIN; installing Debian's postgresql"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 ||
      { log "apt-get install postgresql failed"; exit 70; }
    PG_BIN=$(find_pg_bin)
  fi
  if [ ! -x "$PG_BIN/initdb" ]; then
    log "no PostgreSQL server binaries (looked in $PG_BIN); install the postgresql package or set PG_BIN"
    exit 70
  fi
fi

# initdb refuses to run as root: run the server as `postgres` then.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zemstvo-pg.XXXXXX") || exit 70
[ "$(id -u)" -eq 0 ] && chown postgres: "$WORK"
DATA="$WORK/data"
started=0

cleanup() {
  if [ "$started" -eq 1 ]; then
    as_server_user "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! as_server_user "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1; then
  log "initdb failed:"; cat "$WORK/initdb.log" >&2
  exit 70
fi

# A port may be taken between choosing and binding it: try a few.
for _ in 1 2 3 4 5; do
  PORT=$(free_port)
  if as_server_user "$PG_BIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w -t 60 \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -k $WORK -c fsync=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null 2>&1; then
    started=1
    break
  fi
done
if [ "$started" -ne 1 ]; then
  log "the server did not start:"; tail -n 30 "$WORK/server.log" >&2
  exit 70
fi

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') at $TEST_DATABASE_URL"

# The command runs in the background so that a signal to this script (Ctrl-C, CI's timeout) is
# handled at once: passed on to the command, then the server is stopped by the EXIT trap.
# (Without job control a background command ignores SIGINT, so it is passed on as SIGTERM.)
signalled=''
child=''
trap 'signalled=143; kill -TERM "$child" 2>/dev/null' TERM
trap 'signalled=130; kill -TERM "$child" 2>/dev/null' INT
"$@" <&0 &
child=$!
while :; do
  interrupted=$signalled
  wait "$child"
  code=$?
  # `wait` returns early when a trapped signal arrives; then wait again for the command to end.
  [ "$signalled" != "$interrupted" ] && kill -0 "$child" 2>/dev/null && continue
  break
done
exit "$code"
