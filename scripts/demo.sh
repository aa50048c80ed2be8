#!/usr/bin/env bash
# The end-to-end demo of agency trust: on the private PostgreSQL under .data/postgres, migrates the
# database, bootstraps the hub's administrator (once; its key stays under .data/admin/), starts the
# hub with the dev certificates, and then, through hubctl: the admin registers two agencies and
# enrolls a certificate for each (keys made locally under .data/agencies/), one agency calls the
# hub, the admin suspends it, and the same call is refused right after. buf curl, a gRPC stack
# nobody here wrote, then calls the hub with an agency's certificate and token. Re-runnable: it
# reuses .data/, skips what is already done, and reinstates the agency it suspended. Stops the hub
# it started, however it ends.
#
#   scripts/demo.sh [--port=P]      (HUB_PG_PORT moves the database, default 55432)
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
ADMIN_DIR="$ROOT/.data/admin"
AGENCY_DIR="$ROOT/.data/agencies"
HUB="https://localhost:$PORT"

say "private PostgreSQL under .data/postgres, dev certificates, building the hub"
hub_prepare

say "building hubctl, our command-line client"
build_dll "$ROOT/src/CoordinationHub.Cli" hubctl >/dev/null
# Built once above; scripts/hubctl.sh adds the database, the dev CA and the admin's certificate as defaults.
hubctl() { HUBCTL_NO_BUILD=1 HUBCTL_HUB="$HUB" "$ROOT/scripts/hubctl.sh" "$@"; }
# hubctl as one agency: its certificate and key from .data/agencies/.
as_agency() { local id=$1; shift; hubctl --cert "$AGENCY_DIR/$id.pem" --key "$AGENCY_DIR/$id.key" "$@"; }

say "hubctl db migrate: the hub's schema on $(hub_connection_string)"
hubctl db migrate

if [[ -s $ADMIN_DIR/hub-admin.pem ]]; then
  say "hub administrator already bootstrapped: $ADMIN_DIR/hub-admin.pem"
else
  say "hubctl admin bootstrap: the one way into a fresh hub (on the hub host, straight on the database)"
  set +e
  hubctl admin bootstrap --officer demo-operator
  status=$?
  set -e
  if ((status == 5)); then
    echo "the database has an administrator but $ADMIN_DIR has lost its key: remove .data/ to start over" >&2
  fi
  ((status == 0)) || exit "$status"
fi

say "starting the hub on $HUB (dev CA, mutual TLS, HTTP/2 only)"
LOG=$(mktemp)
mapfile -t HUB_ENVIRONMENT < <(hub_environment "$PORT")
(cd "$(dirname "$HUB_DLL")" && exec env "${HUB_ENVIRONMENT[@]}" dotnet "$HUB_DLL") >"$LOG" 2>&1 &
HUB_PID=$!
trap 'kill "$HUB_PID" 2>/dev/null || true; wait "$HUB_PID" 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 150); do
  hubctl health --timeout 1 >/dev/null 2>&1 && break
  kill -0 "$HUB_PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done

say "hubctl health, as the administrator (exit 0 = SERVING)"
hubctl health

say "hubctl services --methods: reflection through our client"
hubctl services --methods

say "hubctl info: GetHubInfo with a token fetched for the admin's certificate"
hubctl info

say "the admin registers two agencies (skipped when a previous run did)"
register() {
  local id=$1; shift
  if hubctl admin agencies get "$id" >/dev/null 2>&1; then
    echo "$id: already registered"
  else
    hubctl --officer demo-operator admin agencies register "$id" "$@"
  fi
}
register interior-cid --name "Ministry of Interior, Criminal Investigation Department" --kind interior \
  --scope cases.read --scope cases.write --scope referrals.read --scope referrals.write \
  --category identity,circumstances,contact,investigation --purpose search,criminal_investigation
register dna-lab --name "National Forensic DNA Laboratory" --kind forensic_laboratory \
  --scope cases.read --scope identifications.report \
  --category identity,antemortem,genetic --purpose identification
hubctl admin agencies list

say "the admin enrolls a certificate for each: key and CSR made here, signed by the hub CA"
for id in interior-cid dna-lab; do
  if [[ -s $AGENCY_DIR/$id.pem ]]; then
    echo "$id: certificate already enrolled: $AGENCY_DIR/$id.pem"
  else
    hubctl --officer demo-operator admin certificates enroll "$id" --new-key-out "$AGENCY_DIR"
  fi
done

# A run interrupted after the suspension leaves it suspended; start from an active agency.
if hubctl admin agencies get interior-cid --output json | grep -q AGENCY_STATUS_SUSPENDED; then
  hubctl admin agencies reinstate interior-cid --reason "demo restart" >/dev/null
  sleep 1.1
fi

say "interior-cid calls the hub: hubctl info with its own certificate and token, officer inspector-42"
as_agency interior-cid --officer inspector-42 info

say "the admin suspends interior-cid"
hubctl --officer demo-operator admin agencies suspend interior-cid --reason "demo: adapter under review"

say "the same call, right after (a grant is cached for at most 1 s on each replica)"
sleep 1.1
set +e
as_agency interior-cid --officer inspector-42 info
status=$?
set -e
echo "exit code $status (2 = the hub answered with an error: PERMISSION_DENIED, as expected)"
((status == 2)) || { echo "demo: the suspended agency was not refused" >&2; exit 1; }

say "the admin reinstates interior-cid, so the next run starts the same way"
hubctl --officer demo-operator admin agencies reinstate interior-cid --reason "demo: review done" --output json | grep -E '"(agencyId|status)"'

# buf curl needs a registered agency's certificate for every call, and a token for coordination.v1.
BUF_TLS=(--protocol grpc --cacert "$CA" --cert "$AGENCY_DIR/dna-lab.pem" --key "$AGENCY_DIR/dna-lab.key")
call() { "$BUF" curl "${BUF_TLS[@]}" "$@"; }

say "buf curl, as dna-lab: the hub's services through server reflection"
call --list-services "$HUB"

say "buf curl: grpc.health.v1.Health/Check (certificate only, no token)"
call -d '{}' "$HUB/grpc.health.v1.Health/Check"

say "buf curl: coordination.v1.HubInfoService/GetHubInfo with a token from hubctl token (bound to dna-lab's certificate)"
TOKEN=$(as_agency dna-lab token)
call -H "authorization: Bearer $TOKEN" -H "x-officer-id: analyst-7" -d '{}' "$HUB/coordination.v1.HubInfoService/GetHubInfo"

say "buf curl: the same call without the token is refused"
call -d '{}' "$HUB/coordination.v1.HubInfoService/GetHubInfo" || echo "exit code $? (UNAUTHENTICATED, as expected)"

say "demo done"
