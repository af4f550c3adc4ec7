#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests that need one (lib/db/postgres.test.ts):
# a new cluster in /tmp, trust authentication on 127.0.0.1 only, port 5544. Prints its URL.
# `postgres.sh stop` stops it and removes the cluster. PORTAL_CI_POSTGRES_PORT and PORTAL_CI_POSTGRES_DIR
# start another one beside it (the cluster test does).
# Needs Debian's postgresql package (the CI installs it) and runs the server as the postgres user.
set -euo pipefail

BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$BIN" ]; then
  echo "no PostgreSQL server found under /usr/lib/postgresql" >&2
  exit 1
fi
DATA=${PORTAL_CI_POSTGRES_DIR:-/tmp/portal-ci-postgres}
PORT=${PORTAL_CI_POSTGRES_PORT:-5544}

if [ -f "$DATA/postmaster.pid" ]; then
  su postgres -s /bin/bash -c "$BIN/pg_ctl -D $DATA stop -m fast" >/dev/null 2>&1 || true
fi
rm -rf "$DATA"
if [ "${1:-}" = "stop" ]; then
  exit 0
fi
mkdir -p "$DATA"
chown postgres "$DATA"
su postgres -s /bin/bash -c "$BIN/initdb -D $DATA -A trust -U postgres --encoding=UTF8 >/dev/null"
su postgres -s /bin/bash -c "$BIN/pg_ctl -D $DATA -l $DATA/server.log -w -o '-p $PORT -k $DATA -c listen_addresses=127.0.0.1' start" >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
