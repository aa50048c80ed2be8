# shellcheck shell=bash
# How the scripts run the hub on this machine: a private PostgreSQL under .data/postgres (kept and
# reused between runs), database `hub`, the dev certificates from certs-dev/. Sourced, not run.
#
#   hub_prepare                  # install/start PostgreSQL, make certificates, build; sets HUB_DLL
#   hub_environment PORT         # prints the environment (KEY=VALUE lines) for a hub on PORT
#   hub_connection_string        # the connection string of the private database
#
# HUB_DATA_DIR (default .data/postgres) and HUB_PG_PORT (default 55432) move the cluster.
HUB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$HUB_ROOT/scripts/lib-postgres.sh"
source "$HUB_ROOT/scripts/lib-dotnet.sh"
HUB_DATA_DIR=${HUB_DATA_DIR:-$HUB_ROOT/.data/postgres}
HUB_PG_PORT=${HUB_PG_PORT:-55432}
HUB_DB=hub

hub_connection_string() { pg_connection_string "$HUB_DB" "$HUB_PG_PORT"; }

hub_prepare() {
  pg_ensure_installed
  pg_private_start "$HUB_DATA_DIR" "$HUB_PG_PORT"
  pg_create_db "$HUB_DB" "$HUB_PG_PORT"
  "$HUB_ROOT/certs-dev/generate.sh" >/dev/null
  HUB_DLL=$(build_dll "$HUB_ROOT/src/CoordinationHub.Server" CoordinationHub.Server)
  export HUB_DLL
}

hub_environment() {
  local port=$1
  echo "ASPNETCORE_ENVIRONMENT=Development"
  echo "Hub__Tls__Port=$port"
  echo "Hub__Tls__CertificatePath=$HUB_ROOT/certs-dev/out/server.pem"
  echo "Hub__Tls__PrivateKeyPath=$HUB_ROOT/certs-dev/out/server.key"
  echo "Hub__CertificateAuthority__CertificatePath=$HUB_ROOT/certs-dev/out/ca.pem"
  echo "Hub__CertificateAuthority__PrivateKeyPath=$HUB_ROOT/certs-dev/out/ca.key"
  echo "Hub__Tls__ClientCaPath=$HUB_ROOT/certs-dev/out/ca.pem"
  echo "Hub__Audit__CheckpointKeyPath=$HUB_ROOT/certs-dev/out/audit-checkpoint.key"
  echo "Hub__Tokens__Issuer=https://localhost:$port"
  echo "Hub__Database__ConnectionString=$(hub_connection_string)"
}
