#!/usr/bin/env bash
# Duplicate-candidate search on a large generated caseload (issue 4, item 7b): generates N cases with
# the Domain's seeded generator, bulk-loads them by binary COPY into a private PostgreSQL (the
# candidate indexes rebuilt after the load), then times DuplicateCandidateQuery, the very query
# ReportMissingPerson runs, for Q re-reports of loaded persons by "another agency" (other script or
# spelling, shorter name chain, birth date off), each in a fresh EF context as a call would be.
# Prints p50/p95/p99, recall (is the re-reported person's case among the candidates?) and one plan.
#
# The database is a private cluster of its own (.data/bench-postgres, port 55439) configured as a
# production server would be (docs/operations.md): shared_buffers BENCH_SHARED_BUFFERS (default
# 4GB, a sixth of this machine's memory), not the 128 MB of the tests' throwaway clusters, which
# would measure the OS cache instead. BENCH_SHARED_BUFFERS=128MB reproduces the earlier runs.
#
# Usage: bench/run-cases.sh [cases=1000000] [queries=500] [seed=7]
#   BENCH_QUERIES_FILE=F   writes every timed query (ms, keys, year), slowest first
#   BENCH_KEEP_CLUSTER=1   leaves the cluster running afterwards, with the database it printed;
#                          stop it with: source scripts/lib-postgres.sh; pg_private_stop .data/bench-postgres
#   BENCH_REUSE_DB=name    times the queries again on that kept database (same count and seed), no load
#   BENCH_STAGES=1         adds each query's stages (rows found, ms), untimed, to BENCH_QUERIES_FILE
#   BENCH_COLD=1           skips reading the loaded table into shared_buffers
#   On a kept cluster, with HUB_TEST_POSTGRES set to it, the bench project alone prints one plan:
#   BENCH_EXPLAIN="database|keys|year[|stage]" dotnet bench/CoordinationHub.Bench.Cases/bin/Release/net10.0/CoordinationHub.Bench.Cases.dll
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/bench/CoordinationHub.Bench.Cases
source "$ROOT/scripts/lib-postgres.sh"
pg_ensure_installed
CLUSTER=$ROOT/.data/bench-postgres
PORT=55439
pg_private_start "$CLUSTER" "$PORT"
"$(pg_bin_dir)/psql" -X -q -h 127.0.0.1 -p "$PORT" -U "$PG_SUPERUSER" -d postgres \
  -c "ALTER SYSTEM SET shared_buffers = '${BENCH_SHARED_BUFFERS:-4GB}'" -c "ALTER SYSTEM SET fsync = off"
pg_private_stop "$CLUSTER"
# Huge pages for the buffer pool, as on a production server (docs/operations.md): with 4 kB pages
# each new backend faults the pool's pages into its address space one by one, 4 kB at a time,
# which on this VM cost a fresh connection some 60 µs per candidate row read (5 µs with them).
# Reserved here when this script may (root), sized to shared_buffers; PostgreSQL's default
# huge_pages = try uses them when they are there and runs without them otherwise.
buffers=${BENCH_SHARED_BUFFERS:-4GB}
case $buffers in *GB) mib=$(( ${buffers%GB} * 1024 )) ;; *MB) mib=${buffers%MB} ;; *) mib=0 ;; esac
# The reservation is the machine's, not the cluster's: given back when the cluster stops.
huge_pages_before=""
if [[ $mib -gt 0 && -w /proc/sys/vm/nr_hugepages ]]; then
    wanted=$(( mib / 2 + 128 ))
    if (( $(cat /proc/sys/vm/nr_hugepages) < wanted )); then
        huge_pages_before=$(cat /proc/sys/vm/nr_hugepages)
        echo "$wanted" > /proc/sys/vm/nr_hugepages
    fi
fi
pg_private_start "$CLUSTER" "$PORT"
echo "huge pages reserved by PostgreSQL: $(awk '/HugePages_Rsvd/ {print $2}' /proc/meminfo) of $(awk '/HugePages_Total/ {print $2}' /proc/meminfo)"
stop_cluster() {
    pg_private_stop "$CLUSTER"
    [[ -z "$huge_pages_before" ]] || echo "$huge_pages_before" > /proc/sys/vm/nr_hugepages
}
[[ -n "${BENCH_KEEP_CLUSTER:-}" ]] || trap stop_cluster EXIT
echo "shared_buffers: $("$(pg_bin_dir)/psql" -X -tA -h 127.0.0.1 -p "$PORT" -U "$PG_SUPERUSER" -d postgres -c 'SHOW shared_buffers')"
export HUB_TEST_POSTGRES
HUB_TEST_POSTGRES=$(pg_connection_string postgres "$PORT")
dotnet build "$PROJECT" -c Release -nologo -v q -clp:ErrorsOnly
dotnet "$PROJECT/bin/Release/net10.0/CoordinationHub.Bench.Cases.dll" "${1:-1000000}" "${2:-500}" "${3:-7}"
