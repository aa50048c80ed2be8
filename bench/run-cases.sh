#!/usr/bin/env bash
# Duplicate-candidate search on a large generated caseload (issue 4, item 7b): generates N cases with
# the Domain's seeded generator, bulk-loads them by binary COPY into a private PostgreSQL (the
# candidate indexes rebuilt after the load), then times DuplicateCandidateQuery, the very query
# ReportMissingPerson runs, for Q re-reports of loaded persons by "another agency" (other script or
# spelling, shorter name chain, birth date off), each in a fresh EF context as a call would be.
# Prints p50/p95/p99, recall (is the re-reported person's case among the candidates?) and one plan.
#
# Usage: bench/run-cases.sh [cases=1000000] [queries=500] [seed=7]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/bench/CoordinationHub.Bench.Cases
source "$ROOT/scripts/lib-postgres.sh"
pg_ensure_installed
dotnet build "$PROJECT" -c Release -nologo -v q -clp:ErrorsOnly
dotnet "$PROJECT/bin/Release/net10.0/CoordinationHub.Bench.Cases.dll" "${1:-1000000}" "${2:-500}" "${3:-7}"
