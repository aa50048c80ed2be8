#!/usr/bin/env bash
# Runs the C# interop client on the hub's own transport against any gRPC interop server, with the
# official flag names:
#
#   scripts/interop-client.sh --server_host=H --server_port=P --use_tls=true|false --test_case=NAME
#
# --test_case=all runs every case. TLS trusts the dev CA from certs-dev/out/ca.pem.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib-dotnet.sh"

"$ROOT/certs-dev/generate.sh" >/dev/null
DLL=$(build_dll "$ROOT/tests/interop/CoordinationHub.Interop" CoordinationHub.Interop)
exec dotnet "$DLL" client "$@"
