#!/usr/bin/env bash
# Proves the interop peers themselves are right, independent of the hub's C# gRPC stack: the
# Python grpcio server is exercised by the Python grpcio client and the grpc-js client, with and
# without TLS, for every interop case. Run it after changing anything in tests/interop/{python,node}.
#
#   scripts/interop-peers-selftest.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/interop-peers-setup.sh"

TMP=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

# wait_port LOG -> echoes the port once the server has reported it is listening.
wait_port() {
  local log=$1
  for _ in $(seq 100); do
    if grep -q "listening on" "$log"; then
      sed -n 's/.*listening on [^ ]*:\([0-9]*\) .*/\1/p' "$log" | head -1
      return 0
    fi
    sleep 0.1
  done
  echo "interop server did not start:" >&2
  cat "$log" >&2
  return 1
}

failed=0
run() {
  echo "+ $*"
  # Bounded: a hung peer must not hang the suite.
  timeout 120 "$@" || failed=$((failed + 1))
}

for tls in false true; do
  # Started here, not in $(...), so that cleanup() knows its PID.
  /usr/bin/python3 "$ROOT/tests/interop/python/interop_server.py" --port=0 --use_tls="$tls" \
    >"$TMP/server-$tls.log" 2>&1 &
  PIDS+=($!)
  port=$(wait_port "$TMP/server-$tls.log")
  run /usr/bin/python3 "$ROOT/tests/interop/python/interop_client.py" \
    --server_host=localhost --server_port="$port" --use_tls="$tls" --test_case=all
  run node "$ROOT/tests/interop/node/interop_client.js" \
    --server_host=localhost --server_port="$port" --use_tls="$tls" --test_case=all
done

if ((failed)); then
  echo "interop peers self-test: $failed client run(s) failed" >&2
  exit 1
fi
echo "interop peers self-test: all client runs passed"
