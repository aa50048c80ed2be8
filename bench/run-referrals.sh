#!/usr/bin/env bash
# Referral creation over our gRPC with full authentication vs. the database ceiling (issue 4,
# item 7a), in one run on one private PostgreSQL cluster:
#   - pgbench (PostgreSQL 15) at the same concurrency, each transaction inserting what one
#     CreateReferral commits: the referral, its case event, its audit entry (and, as a second
#     reference, the same with the hub's three lookups first);
#   - the hub composed by HubApplication (mTLS, JwtBearer, agency interceptor, ReferralsService),
#     driven in-process by our RpcChannel client with a bearer token, one closed-loop caller per
#     unit of concurrency, a fresh request_id per call.
# Rounds alternate pgbench and hub so that noise from other work on the machine hits both alike.
#
# Usage: bench/run-referrals.sh [concurrencies=16,64] [seconds per round=10] [rounds=3]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/bench/CoordinationHub.Bench.Referrals
# shellcheck source-path=SCRIPTDIR source=../scripts/lib-postgres.sh
source "$ROOT/scripts/lib-postgres.sh"
pg_ensure_installed
PGBENCH="$(pg_bin_dir)/pgbench"
export PGBENCH
dotnet build "$PROJECT" -c Release -nologo -v q -clp:ErrorsOnly
dotnet "$PROJECT/bin/Release/net10.0/CoordinationHub.Bench.Referrals.dll" "${1:-16,64}" "${2:-10}" "${3:-3}"
