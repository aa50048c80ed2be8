#!/usr/bin/env bash
# Installs what the gRPC interop peers and `buf lint` need, on a fresh Debian 12 machine or this
# one: the Python grpcio client/server (tests/interop/python), the grpc-js client
# (tests/interop/node), buf (in the git-ignored .tools/) and the dev certificates.
#
# Idempotent and quiet: every step checks first and prints nothing when there is nothing to do;
# `apt-get update` runs only when a package is actually missing.
#
#   scripts/interop-peers-setup.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUF_VERSION=1.75.0
log() { echo "interop-peers-setup: $*" >&2; }

# Root on the project's machines; fall back to sudo elsewhere.
SUDO=()
if [[ $(id -u) -ne 0 ]]; then SUDO=(sudo); fi

# --- Debian packages ----------------------------------------------------------------------------
# python3-grpc-tools: its protoc turns tests/interop/protos into descriptors at run time
# (tests/interop/python/interop_protos.py); grpc-proto: canonical protos for reference.
APT_PACKAGES=(python3-grpcio python3-protobuf python3-grpc-tools grpc-proto openssl ca-certificates)
# Node: the machine image may already carry nodejs (+ bundled npm) from elsewhere; only when npm
# is absent do we take Debian's.
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The peers run with Debian's interpreter (pyenv or venv shims may shadow python3 on PATH).
/usr/bin/python3 -c 'import grpc, google.protobuf, grpc_tools.protoc' 2>/dev/null \
  || { log "Debian's /usr/bin/python3 cannot import grpc/protobuf/grpc_tools"; exit 1; }

# npm's chatter ("Unknown user config", funding notes) is noise here; failures still show.
npm_quiet() { npm --no-audit --no-fund --loglevel=error "$@" 2>&1 | grep -v 'Unknown user config' || true; }

# --- grpc-js client: npm ci, only when the lock file changed since the last install -------------
NODE_DIR="$ROOT/tests/interop/node"
lock_hash=$(sha256sum "$NODE_DIR/package-lock.json" | cut -d' ' -f1)
stamp="$NODE_DIR/node_modules/.interop-lock-sha256"
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_hash" ]]; then
  log "npm ci in tests/interop/node"
  (cd "$NODE_DIR" && npm_quiet ci)
  [[ -d $NODE_DIR/node_modules/@grpc/grpc-js ]] || { log "npm ci failed in $NODE_DIR"; exit 1; }
  echo "$lock_hash" >"$stamp"
fi

# --- buf, pinned, repo-local (.tools/ is git-ignored) --------------------------------------------
BUF="$ROOT/.tools/node_modules/.bin/buf"
if [[ ! -x $BUF || "$("$BUF" --version 2>/dev/null)" != "$BUF_VERSION" ]]; then
  log "installing buf $BUF_VERSION into .tools/"
  mkdir -p "$ROOT/.tools"
  npm_quiet install --prefix "$ROOT/.tools" --save-exact "@bufbuild/buf@$BUF_VERSION"
  [[ "$("$BUF" --version 2>/dev/null)" == "$BUF_VERSION" ]] || { log "buf $BUF_VERSION did not install"; exit 1; }
fi

# --- dev certificates for the TLS runs (kept when present) ----------------------------------------
"$ROOT/certs-dev/generate.sh"
