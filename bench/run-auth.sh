#!/usr/bin/env bash
# Cost of agency authentication (issue 3, item 8), in one run:
#   1. BenchmarkDotNet short job of the per-call path (token validation first-sight and repeated,
#      agency lookup with a warm cache, binding check; handshake excluded),
#   2. unary GetHubInfo throughput of two in-process hubs on one private PostgreSQL: transport only
#      (mTLS + our gRPC layer, no authentication registered) and full auth (as Program.cs), driven
#      alternately by our own RpcChannel client: h2load (nghttp2 1.52) has no client-certificate
#      option, and the hub requires mTLS.
#
# Usage: bench/run-auth.sh [concurrency=64] [seconds per round=5] [rounds=5]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/bench/CoordinationHub.Bench.Auth
source "$ROOT/scripts/lib-postgres.sh"
pg_ensure_installed
dotnet build "$PROJECT" -c Release -nologo -v q -clp:ErrorsOnly
DLL=$PROJECT/bin/Release/net10.0/CoordinationHub.Bench.Auth.dll
dotnet "$DLL" bdn --filter '*' --job short --artifacts "$ROOT/bench/BenchmarkDotNet.Artifacts"
dotnet "$DLL" throughput "${1:-64}" "${2:-5}" "${3:-5}"
