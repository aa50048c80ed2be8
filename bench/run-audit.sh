#!/usr/bin/env bash
# Cost of the tamper-evident audit log (issue 7, item 5), in one run:
#   1. write throughput of AgenciesService/UpdateAgencyClaims and ReferralsService/CreateReferral on
#      two in-process hubs composed by HubApplication on one private PostgreSQL: audited (as
#      Program.cs) and "no append" (the seam replaced by a no-op), alternating within every round;
#   2. the offline verifier (hubctl audit verify's code) on a generated export.
#
# Usage: bench/run-audit.sh [concurrency=16] [seconds per round=5] [rounds=5] [entries=1000000]
# BENCH_AFTER_SEED_SQL='...' runs that SQL on the bench database before the hubs start, to measure a
# variant of the schema (docs/benchmarks.md: the seal trigger dropped, or its hash made trivial).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/bench/CoordinationHub.Bench.Audit
source "$ROOT/scripts/lib-postgres.sh"
pg_ensure_installed
dotnet build "$PROJECT" -c Release -nologo -v q -clp:ErrorsOnly
DLL=$PROJECT/bin/Release/net10.0/CoordinationHub.Bench.Audit.dll
dotnet "$DLL" write "${1:-16}" "${2:-5}" "${3:-5}"
dotnet "$DLL" verify "${4:-1000000}"
