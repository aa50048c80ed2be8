#!/usr/bin/env bash
# Cost of consent-scoped disclosure (issue 5, item 6), in one run: CasesService/GetCase throughput
# on two in-process hubs composed by HubApplication on one private PostgreSQL: "policy + audit"
# (as Program.cs: the case's consents, authorisations and referrals loaded, the disclosure policy
# decided and its decision audited in the read's transaction) and "neither" (ICaseDisclosure and
# IAuditTrail replaced by composition only), rounds alternating. Target: ratio >= 0.7.
#
# Usage: bench/run-disclosure.sh [concurrency=16] [seconds per round=5] [rounds=5] [cases=200] [warm-up seconds per hub=15]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/bench/CoordinationHub.Bench.Disclosure
source "$ROOT/scripts/lib-postgres.sh"
pg_ensure_installed
dotnet build "$PROJECT" -c Release -nologo -v q -clp:ErrorsOnly
echo "load average before: $(cat /proc/loadavg)"
dotnet "$PROJECT/bin/Release/net10.0/CoordinationHub.Bench.Disclosure.dll" "${1:-16}" "${2:-5}" "${3:-5}" "${4:-200}" "${5:-15}"
