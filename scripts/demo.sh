#!/usr/bin/env bash
# The end-to-end demo, as far as the hub goes today: builds and starts the hub over TLS with the
# dev certificates, then shows health, reflection and coordination.v1.HubInfoService answering
# twice: through our own client (hubctl, scripts/hubctl.sh) and through a gRPC stack nobody here
# wrote (buf curl). Stops the hub it started, however it ends.
#
#   scripts/demo.sh [--port=P]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib-hub.sh"
PORT=7443
for arg in "$@"; do
  case $arg in
    --port=*) PORT=${arg#--port=} ;;
    *) echo "usage: scripts/demo.sh [--port=P]" >&2; exit 2 ;;
  esac
done

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

"$ROOT/scripts/interop-peers-setup.sh"
BUF="$ROOT/.tools/node_modules/.bin/buf"
CA="$ROOT/certs-dev/out/ca.pem"

say "private PostgreSQL under .data/postgres, dev certificates, building the hub"
hub_prepare

say "building hubctl, our command-line client"
build_dll "$ROOT/src/CoordinationHub.Cli" hubctl >/dev/null
# Built once above; scripts/hubctl.sh adds the dev CA and dev client certificate as defaults.
hubctl() { HUBCTL_NO_BUILD=1 HUBCTL_HUB="https://localhost:$PORT" "$ROOT/scripts/hubctl.sh" "$@"; }

say "starting the hub on https://localhost:$PORT (dev CA, HTTP/2 only, database $(hub_connection_string))"
LOG=$(mktemp)
mapfile -t HUB_ENVIRONMENT < <(hub_environment "$PORT")
(cd "$(dirname "$HUB_DLL")" && exec env "${HUB_ENVIRONMENT[@]}" dotnet "$HUB_DLL") >"$LOG" 2>&1 &
HUB=$!
trap 'kill "$HUB" 2>/dev/null || true; wait "$HUB" 2>/dev/null || true; rm -f "$LOG"' EXIT

call() { "$BUF" curl --protocol grpc --cacert "$CA" "$@"; }
for _ in $(seq 100); do
  call --list-services "https://localhost:$PORT" >/dev/null 2>&1 && break
  kill -0 "$HUB" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done

say "hubctl health: grpc.health.v1.Health/Check through our client (exit 0 = SERVING)"
hubctl health

say "hubctl services --methods: grpc.reflection.v1 through our client, methods from the served descriptors"
hubctl services --methods

say "hubctl info: coordination.v1.HubInfoService/GetHubInfo through our client"
hubctl info

say "buf curl lists the hub's services through server reflection"
call --list-services "https://localhost:$PORT"

say "buf curl lists every method (schema from reflection, no .proto at hand)"
call --list-methods "https://localhost:$PORT"

say "buf curl: grpc.health.v1.Health/Check (overall)"
call -d '{}' "https://localhost:$PORT/grpc.health.v1.Health/Check"

say "buf curl: coordination.v1.HubInfoService/GetHubInfo"
call -d '{}' "https://localhost:$PORT/coordination.v1.HubInfoService/GetHubInfo"

say "a service the hub does not serve answers UNIMPLEMENTED"
"$BUF" curl --protocol grpc --cacert "$CA" --schema "$ROOT/tests/interop/protos" -d '{}' \
  "https://localhost:$PORT/grpc.testing.TestService/EmptyCall" || echo "exit code $? (UNIMPLEMENTED, as expected)"

say "demo done"
