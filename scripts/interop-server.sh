#!/usr/bin/env bash
# Runs the C# grpc.testing.TestService interop server on the hub's own transport, in the
# foreground, with the official flag names:
#
#   scripts/interop-server.sh --port=P --use_tls=true|false
#
# TLS uses the dev certificates from certs-dev/out/ (made on first use).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib-dotnet.sh"

"$ROOT/certs-dev/generate.sh" >/dev/null
DLL=$(build_dll "$ROOT/tests/interop/CoordinationHub.Interop" CoordinationHub.Interop)
exec dotnet "$DLL" server "$@"
