# shellcheck shell=bash
# PostgreSQL for the scripts: install the Debian server package, run a private cluster in a
# directory of ours (never the system cluster), make connection strings and databases.
# Sourced, not run; safe under `set -euo pipefail`.
#
#   pg_ensure_installed                 # apt-get install postgresql-15 when initdb/pg_ctl are missing
#   pg_private_start DIR PORT           # initdb DIR if needed, start it if not running (stale pid files after a reboot are fine)
#   pg_private_stop DIR                 # stop it if running
#   pg_connection_string DB PORT        # Host=127.0.0.1;Port=PORT;Username=hub;Database=DB
#   pg_create_db DB PORT                # create DB unless it exists
#
# The cluster listens on 127.0.0.1 only, with trust authentication and the superuser `hub`; its
# unix socket and log are inside DIR. initdb and the server refuse to run as root, so under root
# they run as the `postgres` OS user (created by the Debian package), which then owns DIR.
# HUB_PG_BIN overrides the bin directory; otherwise the highest /usr/lib/postgresql/*/bin, then PATH.

PG_PACKAGE=postgresql-15
PG_SUPERUSER=hub

# The bin directory holding initdb and pg_ctl, on stdout; non-zero when there is none.
pg_bin_dir() {
    local dir
    if [[ -n "${HUB_PG_BIN:-}" ]]; then
        [[ -x "$HUB_PG_BIN/initdb" && -x "$HUB_PG_BIN/pg_ctl" ]] || return 1
        echo "$HUB_PG_BIN"
        return 0
    fi
    while IFS= read -r dir; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            echo "$dir"
            return 0
        fi
    done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV)
    dir=$(command -v initdb 2>/dev/null || true)
    if [[ -n "$dir" && -x "$(dirname "$dir")/pg_ctl" ]]; then
        dirname "$dir"
        return 0
    fi
    return 1
}

pg_ensure_installed() {
    if pg_bin_dir >/dev/null; then
        return 0
    fi
    if [[ -n "${HUB_PG_BIN:-}" ]]; then
        echo "HUB_PG_BIN=$HUB_PG_BIN has no initdb and pg_ctl" >&2
        return 1
    fi
    if [[ $(id -u) -ne 0 ]]; then
        echo "PostgreSQL server binaries missing: run as root: apt-get install $PG_PACKAGE" >&2
        return 1
    fi
    echo "installing $PG_PACKAGE" >&2
    # We never use the system cluster: tell the package not to create (and start) one.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = off" >/etc/postgresql-common/createcluster.d/coordinationhub.conf
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$PG_PACKAGE" >/dev/null
    pg_bin_dir >/dev/null || { echo "$PG_PACKAGE installed but initdb/pg_ctl still not found" >&2; return 1; }
}

# Runs a server binary as the cluster's owner: postgres under root, else ourselves.
_pg_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# True when DIR's postmaster is alive. Not `pg_ctl status`: after a reboot the pid in a stale
# postmaster.pid may belong to an unrelated process; a live postmaster has its data dir as cwd.
_pg_running() {
    local data=$1/data pid
    [[ -f "$data/postmaster.pid" ]] || return 1
    pid=$(head -n 1 "$data/postmaster.pid")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null || true)" == "$(realpath "$data")" ]]
}

# The port a running cluster listens on (line 4 of postmaster.pid).
_pg_running_port() {
    sed -n 4p "$1/data/postmaster.pid"
}

_pg_init() {
    local dir=$1 bin=$2 log
    # A data directory without PG_VERSION is an interrupted initdb: start over.
    rm -rf "$dir/data"
    mkdir -p "$dir/socket"
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || { echo "no 'postgres' OS user: apt-get install $PG_PACKAGE" >&2; return 1; }
        chown -R postgres:postgres "$dir"
        runuser -u postgres -- test -x "$dir" || { echo "the postgres user cannot reach $dir" >&2; return 1; }
    fi
    if ! log=$(cd "$dir" && _pg_as_owner "$bin/initdb" -D "$dir/data" -U "$PG_SUPERUSER" -A trust -E UTF8 --no-locale 2>&1); then
        echo "$log" | tail -n 40 >&2
        echo "initdb of $dir/data failed" >&2
        return 1
    fi
    # The files belong to the server user; rewriting them as root keeps owner and mode.
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$dir/data/pg_hba.conf"
    cat >>"$dir/data/postgresql.conf" <<EOF

# CoordinationHub private cluster (scripts/lib-postgres.sh); the port is given at each start.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/socket'
max_connections = 300
EOF
}

pg_private_start() {
    local dir port bin
    [[ $# -eq 2 && "$2" =~ ^[0-9]+$ ]] || { echo "usage: pg_private_start DIR PORT" >&2; return 2; }
    mkdir -p "$1"
    dir=$(realpath "$1")
    port=$2
    bin=$(pg_bin_dir) || { echo "PostgreSQL server binaries not found: apt-get install $PG_PACKAGE (pg_ensure_installed)" >&2; return 1; }

    if _pg_running "$dir"; then
        [[ "$(_pg_running_port "$dir")" == "$port" ]] && return 0
        pg_private_stop "$dir"
    fi
    [[ -f "$dir/data/PG_VERSION" ]] || _pg_init "$dir" "$bin"

    # Left by a server that did not stop (reboot, kill -9); nothing else uses this private socket dir.
    rm -f "$dir/data/postmaster.pid" "$dir/socket"/.s.PGSQL.*
    if ! (cd "$dir" && _pg_as_owner "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "-p $port" >/dev/null 2>&1); then
        tail -n 40 "$dir/server.log" >&2 || true
        echo "PostgreSQL in $dir did not start on port $port (log: $dir/server.log)" >&2
        return 1
    fi
}

pg_private_stop() {
    local dir bin
    [[ $# -eq 1 ]] || { echo "usage: pg_private_stop DIR" >&2; return 2; }
    [[ -d "$1" ]] || return 0
    dir=$(realpath "$1")
    _pg_running "$dir" || return 0
    bin=$(pg_bin_dir) || return 1
    (cd "$dir" && _pg_as_owner "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >/dev/null)
}

pg_connection_string() {
    [[ $# -eq 2 ]] || { echo "usage: pg_connection_string DB PORT" >&2; return 2; }
    echo "Host=127.0.0.1;Port=$2;Username=$PG_SUPERUSER;Database=$1"
}

pg_create_db() {
    local db=$1 port=$2 bin psql
    [[ $# -eq 2 && "$db" =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] || { echo "usage: pg_create_db DB PORT (DB: letters, digits, _)" >&2; return 2; }
    bin=$(pg_bin_dir) || return 1
    psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres)
    if [[ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]]; then
        "${psql[@]}" -c "CREATE DATABASE \"$db\""
    fi
}
