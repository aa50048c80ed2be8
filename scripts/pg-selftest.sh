#!/usr/bin/env bash
# Self-check of scripts/lib-postgres.sh in a throwaway directory: installs the server when missing,
# starts a private cluster, creates a database and queries it, then proves the reuse paths (start
# and create twice, restart after a stale postmaster.pid as a reboot leaves it) and stops it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib-postgres.sh
source "$ROOT/scripts/lib-postgres.sh"

pg_ensure_installed
DIR=$(mktemp -d /tmp/hub-pgself.XXXXXX)
trap 'pg_private_stop "$DIR" || true; rm -rf "$DIR"' EXIT

# A port nothing listens on, from a random start.
PORT=$((20000 + RANDOM % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done

query() { "$(pg_bin_dir)/psql" -X -tA -h 127.0.0.1 -p "$PORT" -U hub -d hub_selftest -c "$1"; }
check() { [[ "$2" == "$3" ]] || { echo "pg-selftest: $1: expected '$3', got '$2'" >&2; exit 1; }; }

pg_private_start "$DIR" "$PORT"
pg_private_start "$DIR" "$PORT"
pg_create_db hub_selftest "$PORT"
pg_create_db hub_selftest "$PORT"
check "select 1" "$(query 'select 1')" 1
query 'create table kept (id int); insert into kept values (7)' >/dev/null

# A reboot leaves postmaster.pid behind, its pid possibly reused by an unrelated process (here: us).
pg_private_stop "$DIR"
printf '%s\n%s/data\n0\n%s\n' "$$" "$DIR" "$PORT" >"$DIR/data/postmaster.pid"
pg_private_start "$DIR" "$PORT"
check "data kept across restarts" "$(query 'select id from kept')" 7
check "connection string" "$(pg_connection_string hub_selftest "$PORT")" "Host=127.0.0.1;Port=$PORT;Username=hub;Database=hub_selftest"

pg_private_stop "$DIR"
if _pg_running "$DIR"; then echo "pg-selftest: still running after stop" >&2; exit 1; fi
echo "pg-selftest: ok"
