#!/usr/bin/env bash
# Runs hubctl (src/CoordinationHub.Cli) against a hub with the dev certificates as defaults:
# the dev CA as trust root and a dev client certificate (CN=hubctl) for mutual TLS, made by
# certs-dev/generate.sh when missing. Any HUBCTL_* variable already set, or an option given,
# wins over these defaults.
#
#   scripts/hubctl.sh health
#   scripts/hubctl.sh services --methods
#   HUBCTL_HUB=https://localhost:7444 scripts/hubctl.sh info --output json
#
# Builds hubctl first (Release, quiet, incremental). HUBCTL_NO_BUILD=1 skips that, for callers
# such as scripts/demo.sh that have just built it and run hubctl several times.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib-dotnet.sh
source "$ROOT/scripts/lib-dotnet.sh"
CERTS="$ROOT/certs-dev/out"

# Only when the dev defaults are used: someone pointing hubctl at a real hub needs no dev PKI.
if [[ -z ${HUBCTL_CA:-} ]]; then
  [[ -s $CERTS/ca.pem ]] || "$ROOT/certs-dev/generate.sh"
  export HUBCTL_CA="$CERTS/ca.pem"
fi
if [[ -z ${HUBCTL_CERT:-} && -z ${HUBCTL_KEY:-} ]]; then
  [[ -s $CERTS/client-hubctl.pem ]] || "$ROOT/certs-dev/generate.sh" client hubctl
  export HUBCTL_CERT="$CERTS/client-hubctl.pem" HUBCTL_KEY="$CERTS/client-hubctl.key"
fi

DLL="$ROOT/src/CoordinationHub.Cli/bin/Release/net10.0/hubctl.dll"
if [[ ${HUBCTL_NO_BUILD:-} != 1 || ! -f $DLL ]]; then
  DLL=$(build_dll "$ROOT/src/CoordinationHub.Cli" hubctl)
fi
exec dotnet "$DLL" "$@"
