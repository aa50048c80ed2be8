#!/usr/bin/env bash
# Notifications (issue 6, item 5): commit-to-delivery latency p50/p99 with 100 agencies subscribed
# over their own mTLS connections to the hub composed by HubApplication, a producer committing one
# outbox row per transaction at each fixed rate in turn (open loop), on a private PostgreSQL
# cluster. The sustained rate is the highest whose p99 stays under 100 ms and whose commits keep up.
#
# Usage: bench/run-notifications.sh [rates=250,500,750,1000,1500] [seconds per rate=10] [agencies=100]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/bench/CoordinationHub.Bench.Notifications
dotnet build "$PROJECT" -c Release -nologo -v q -clp:ErrorsOnly
dotnet "$PROJECT/bin/Release/net10.0/CoordinationHub.Bench.Notifications.dll" "${1:-250,500,750,1000,1500}" "${2:-10}" "${3:-100}"
