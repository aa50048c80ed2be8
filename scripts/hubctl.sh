#!/usr/bin/env bash
# Runs hubctl (src/CoordinationHub.Cli) against the hub of scripts/hub.sh, as that hub's operator:
#   HUBCTL_DB    the private database of scripts/hub.sh (for db migrate and admin bootstrap)
#   HUBCTL_CA    the dev CA (certs-dev/out/ca.pem), made by certs-dev/generate.sh when missing
#   HUBCTL_CERT  the administrator's certificate and key made by bootstrap (.data/admin/hub-admin.*),
#   HUBCTL_KEY   once it exists
# and `admin bootstrap` defaults to the dev CA as hub CA and .data/admin/ as output. Any HUBCTL_*
# variable already set, or an option given, wins over these defaults.
#
#   scripts/hub.sh &                                   # the hub, on .data/postgres
#   scripts/hubctl.sh db migrate
#   scripts/hubctl.sh admin bootstrap                  # once: .data/admin/hub-admin.{pem,key}
#   scripts/hubctl.sh admin agencies list
#   HUBCTL_HUB=https://localhost:7444 scripts/hubctl.sh info --output json
#
# Builds hubctl first (Release, quiet, incremental). HUBCTL_NO_BUILD=1 skips that, for callers
# such as scripts/demo.sh that have just built it and run hubctl several times.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib-hub.sh
source "$ROOT/scripts/lib-hub.sh"
CERTS="$ROOT/certs-dev/out"
ADMIN_DIR="$ROOT/.data/admin"

# Only when the dev defaults are used: someone pointing hubctl at a real hub needs no dev PKI.
if [[ -z ${HUBCTL_CA:-} ]]; then
  [[ -s $CERTS/ca.pem ]] || "$ROOT/certs-dev/generate.sh"
  export HUBCTL_CA="$CERTS/ca.pem"
fi
export HUBCTL_DB="${HUBCTL_DB:-$(hub_connection_string)}"
if [[ -z ${HUBCTL_CERT:-} && -z ${HUBCTL_KEY:-} && -s $ADMIN_DIR/hub-admin.pem ]]; then
  export HUBCTL_CERT="$ADMIN_DIR/hub-admin.pem" HUBCTL_KEY="$ADMIN_DIR/hub-admin.key"
fi

ARGS=("$@")
if [[ ${1:-} == admin && ${2:-} == bootstrap ]]; then
  [[ " $* " == *" --ca-cert "* ]] || ARGS+=(--ca-cert "$CERTS/ca.pem")
  [[ " $* " == *" --ca-key "* ]] || ARGS+=(--ca-key "$CERTS/ca.key")
  [[ " $* " == *" --out "* ]] || ARGS+=(--out "$ADMIN_DIR")
fi

DLL="$ROOT/src/CoordinationHub.Cli/bin/Release/net10.0/hubctl.dll"
if [[ ${HUBCTL_NO_BUILD:-} != 1 || ! -f $DLL ]]; then
  DLL=$(build_dll "$ROOT/src/CoordinationHub.Cli" hubctl)
fi
exec dotnet "$DLL" "${ARGS[@]}"
