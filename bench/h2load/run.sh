#!/usr/bin/env bash
# Transport benchmark (not a test): unary grpc.testing.TestService/UnaryCall over TLS + HTTP/2,
# driven by h2load with identical parameters against three servers on this machine:
#
#   ceiling  bench/CoordinationHub.Bench.KestrelCeiling: bare Kestrel writing pre-serialized bytes
#   ours     tests/interop/CoordinationHub.Interop server: our transport (CoordinationHub.Rpc)
#   python   tests/interop/python/interop_server.py: grpcio, a mature peer
#
# Every server is first checked to answer the benchmark request with HTTP 200, grpc-status 0 and
# byte-for-byte the expected SimpleResponse. Then: one warm-up run each, ROUNDS measured rounds
# (targets interleaved, so background load on a shared machine hits all three alike), and one
# unloaded-latency run each (1 connection, 1 stream). Prints a table and writes
# bench/results/h2load-<UTC date>.md (and the raw rows as .tsv, which summarize.py report reads).
# Stops every server it started on exit.
#
# Usage: bench/h2load/run.sh            (about 2.5 minutes once built)
# The warm-up is long on purpose: with 5 s, our server's first measured round often ran 10-20% slow
# (tiered JIT and dynamic PGO had not settled), the bare endpoint's did not.
# Knobs (environment): BENCH_PAYLOAD_SIZE=128 BENCH_CONNECTIONS=8 BENCH_STREAMS=16
#   BENCH_WARMUP_SECONDS=8 BENCH_DURATION_SECONDS=6 BENCH_ROUNDS=5 BENCH_IDLE_SECONDS=3
#   BENCH_PORT_BASE=55081 (uses 3 ports) BENCH_SKIP_BUILD=1 BENCH_RESULTS=path.md
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SIZE=${BENCH_PAYLOAD_SIZE:-128}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
STREAMS=${BENCH_STREAMS:-16}
WARMUP=${BENCH_WARMUP_SECONDS:-8}
DURATION=${BENCH_DURATION_SECONDS:-6}
ROUNDS=${BENCH_ROUNDS:-5}
IDLE=${BENCH_IDLE_SECONDS:-3}
PORT_BASE=${BENCH_PORT_BASE:-55081}
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
RESULTS=${BENCH_RESULTS:-$ROOT/bench/results/h2load-$STAMP.md}
PYTHON=/usr/bin/python3
CERTS=$ROOT/certs-dev/out
METHOD_PATH=/grpc.testing.TestService/UnaryCall
# Pinned so the three servers (two on OpenSSL, grpcio on BoringSSL) run the same TLS 1.3 suite.
CIPHER=TLS_AES_128_GCM_SHA256

TARGETS=(ceiling ours python)
declare -A PORT=([ceiling]=$PORT_BASE [ours]=$((PORT_BASE + 1)) [python]=$((PORT_BASE + 2)))
declare -A PID=()

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }

for tool in h2load curl dotnet "$PYTHON"; do
    command -v "$tool" >/dev/null || die "$tool is required (h2load: apt-get install nghttp2-client)"
done

WORK=$(mktemp -d /tmp/coordinationhub-bench.XXXXXX)
stop_servers() {
    local pid
    for pid in "${PID[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PID[@]}"; do
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        # The interop server ignores SIGTERM and SIGINT (it never waits on the host's lifetime);
        # none of the three holds state worth more than a 5 s grace period.
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# --- build and inputs -------------------------------------------------------------------------
"$ROOT/certs-dev/generate.sh"
OURS_DLL=$ROOT/tests/interop/CoordinationHub.Interop/bin/Release/net10.0/CoordinationHub.Interop.dll
CEILING_DLL=$ROOT/bench/CoordinationHub.Bench.KestrelCeiling/bin/Release/net10.0/CoordinationHub.Bench.KestrelCeiling.dll
PROBE_DLL=$ROOT/bench/CoordinationHub.Bench.AllocationProbe/bin/Release/net10.0/CoordinationHub.Bench.AllocationProbe.dll
if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
    log "building Release"
    for project in tests/interop/CoordinationHub.Interop bench/CoordinationHub.Bench.KestrelCeiling \
        bench/CoordinationHub.Bench.AllocationProbe; do
        dotnet build "$ROOT/$project" -c Release -nologo -v q -clp:ErrorsOnly >&2
    done
fi
"$PYTHON" "$HERE/make_payload.py" "$WORK" "$SIZE"
RESPONSE_BYTES=$(stat -c %s "$WORK/response.bin")

# --- servers ----------------------------------------------------------------------------------
for name in "${TARGETS[@]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/${PORT[$name]}") 2>/dev/null; then
        die "port ${PORT[$name]} is already in use; set BENCH_PORT_BASE"
    fi
done

start() {
    local name=$1; shift
    "$@" >"$WORK/$name.log" 2>&1 &
    PID[$name]=$!
}
# The .NET servers load the allocation probe (bench/CoordinationHub.Bench.AllocationProbe).
start ceiling env DOTNET_STARTUP_HOOKS="$PROBE_DLL" BENCH_ALLOC_FILE="$WORK/ceiling.alloc" dotnet "$CEILING_DLL" --port="${PORT[ceiling]}" --tls_cert_file="$CERTS/server.pem" \
    --tls_key_file="$CERTS/server.key" --response_file="$WORK/response.bin"
start ours env DOTNET_STARTUP_HOOKS="$PROBE_DLL" BENCH_ALLOC_FILE="$WORK/ours.alloc" dotnet "$OURS_DLL" server --port="${PORT[ours]}" --use_tls=true \
    --tls_cert_file="$CERTS/server.pem" --tls_key_file="$CERTS/server.key"
start python "$PYTHON" "$ROOT/tests/interop/python/interop_server.py" --port="${PORT[python]}" --use_tls=true \
    --tls_cert_file="$CERTS/server.pem" --tls_key_file="$CERTS/server.key"

url() { echo "https://127.0.0.1:${PORT[$1]}$METHOD_PATH"; }

# One real call: HTTP 200, grpc-status 0 in the trailers, and exactly the expected message bytes.
check_call() {
    local name=$1 headers=$WORK/$1.headers body=$WORK/$1.body
    curl -sk --http2 --max-time 5 -D "$headers" -o "$body" -H 'content-type: application/grpc' \
        -H 'te: trailers' --data-binary @"$WORK/request.bin" "$(url "$name")" || return 1
    head -1 "$headers" | grep -q '^HTTP/2 200' && tr -d '\r' <"$headers" | grep -qx 'grpc-status: 0' \
        && cmp -s "$body" "$WORK/response.bin"
}

for name in "${TARGETS[@]}"; do
    for _ in $(seq 60); do
        check_call "$name" && break
        kill -0 "${PID[$name]}" 2>/dev/null || { cat "$WORK/$name.log" >&2; die "$name server exited"; }
        sleep 0.5
    done
    check_call "$name" || { cat "$WORK/$name.headers" "$WORK/$name.log" >&2 2>/dev/null; die "$name: wrong answer"; }
    log "$name ready on port ${PORT[$name]}: HTTP 200, grpc-status 0, ${RESPONSE_BYTES}-byte body as expected"
done

# --- runs -------------------------------------------------------------------------------------
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Bytes the server has allocated so far, from the probe; "-" for the python server.
allocated() {
    local file=$WORK/$1.alloc
    [[ $1 == python ]] && { echo -; return; }
    rm -f "$file"
    kill -USR1 "${PID[$1]}"
    for _ in $(seq 40); do
        [[ -s $file ]] && { cat "$file"; return; }
        sleep 0.05
    done
    die "$1: the allocation probe did not answer"
}

# run NAME LABEL SECONDS CONNECTIONS STREAMS: appends one row to runs.tsv
H2LOAD_ARGS=(-t 1 --tls13-ciphers="$CIPHER" -H 'content-type: application/grpc' -H 'te: trailers')
run() {
    local name=$1 label=$2 seconds=$3 c=$4 m=$5 out=$WORK/$1-$2.out logfile=$WORK/$1-$2.log
    local before after client alloc_before alloc_after
    alloc_before=$(allocated "$name")
    before=$(cpu_ticks "${PID[$name]}")
    client=$( { TIMEFORMAT='%U %S'; time h2load -D "$seconds" -c "$c" -m "$m" "${H2LOAD_ARGS[@]}" \
        -d "$WORK/request.bin" --log-file="$logfile" "$(url "$name")" >"$out" 2>"$out.err"; } 2>&1 )
    after=$(cpu_ticks "${PID[$name]}")
    alloc_after=$(allocated "$name")
    "$PYTHON" "$HERE/summarize.py" row "$name" "$label" "$out" "$logfile" "$RESPONSE_BYTES" \
        "$(( after - before ))" "$CLK_TCK" "$client" "$alloc_before" "$alloc_after" >>"$WORK/runs.tsv"
    tail -1 "$WORK/runs.tsv" | cut -f1-6 | tr '\t' ' ' | sed 's/^/bench:   /' >&2
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "warm-up: ${WARMUP}s each"
for name in "${TARGETS[@]}"; do run "$name" warmup "$WARMUP" "$CONNECTIONS" "$STREAMS"; done
for round in $(seq "$ROUNDS"); do
    log "round $round/$ROUNDS: ${DURATION}s each, -c $CONNECTIONS -m $STREAMS"
    for name in "${TARGETS[@]}"; do run "$name" "round$round" "$DURATION" "$CONNECTIONS" "$STREAMS"; done
done
log "unloaded latency: ${IDLE}s each, -c 1 -m 1"
for name in "${TARGETS[@]}"; do run "$name" idle "$IDLE" 1 1; done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report -----------------------------------------------------------------------------------
mkdir -p "$(dirname "$RESULTS")"
QUOTED_ARGS=()
for arg in "${H2LOAD_ARGS[@]}"; do
    [[ $arg == *' '* ]] && arg="'$arg'"
    QUOTED_ARGS+=("$arg")
done
COMMAND="h2load -D $DURATION -c $CONNECTIONS -m $STREAMS ${QUOTED_ARGS[*]} -d request.bin --log-file=LOG https://127.0.0.1:PORT$METHOD_PATH"
"$PYTHON" "$HERE/summarize.py" report "$WORK/runs.tsv" \
    --stamp "$STAMP" --commit "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src tests bench || echo '+dirty')" \
    --machine "$(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ { print $2 }') GiB" \
    --load "$LOAD_BEFORE -> $LOAD_AFTER" --size "$SIZE" --request-bytes "$(stat -c %s "$WORK/request.bin")" \
    --response-bytes "$RESPONSE_BYTES" --command "$COMMAND" \
    --schedule "warm-up ${WARMUP}s per server, then $ROUNDS rounds of ${DURATION}s per server, then ${IDLE}s at -c 1 -m 1" \
    >"$RESULTS"
cp "$WORK/runs.tsv" "${RESULTS%.md}.tsv"
sed -n '/^## Summary/,/^## Rounds/p' "$RESULTS" | sed '$d'
log "wrote ${RESULTS#"$ROOT"/}"
