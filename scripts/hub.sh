#!/usr/bin/env bash
# Runs the hub in the foreground, the way an operator tries it: on the private PostgreSQL under
# .data/postgres (started if needed, kept afterwards) with the dev certificates. Ctrl-C stops it.
#
#   scripts/hub.sh [--port=P]        (default 7443)
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib-hub.sh"
PORT=7443
for arg in "$@"; do
  case $arg in
    --port=*) PORT=${arg#--port=} ;;
    *) echo "usage: scripts/hub.sh [--port=P]" >&2; exit 2 ;;
  esac
done
hub_prepare
echo "hub: https://localhost:$PORT  database: $(hub_connection_string)" >&2
cd "$(dirname "$HUB_DLL")"
mapfile -t ENVIRONMENT < <(hub_environment "$PORT")
exec env "${ENVIRONMENT[@]}" dotnet "$HUB_DLL"
