#!/usr/bin/env bash
# BenchmarkDotNet run of the transport micro-benchmarks (bench/CoordinationHub.Benchmarks): gRPC
# message framing encode/decode, plain and gzip, with allocations. Uses BenchmarkDotNet's short job
# (3 warm-up + 3 measured iterations) so it finishes in a few minutes on 2 cores; numbers are
# indicative, not publication grade. Copies the GitHub-markdown report to docs/benchmarks/.
#
# Usage: bench/run-bdn.sh [extra BenchmarkDotNet arguments, e.g. --filter '*Read*']
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/bench/CoordinationHub.Benchmarks
ARTIFACTS=$ROOT/bench/BenchmarkDotNet.Artifacts

dotnet build "$PROJECT" -c Release -nologo -v q -clp:ErrorsOnly
dotnet "$PROJECT/bin/Release/net10.0/CoordinationHub.Benchmarks.dll" \
    --filter '*' --job short --artifacts "$ARTIFACTS" "$@"

mkdir -p "$ROOT/docs/benchmarks"
for report in "$ARTIFACTS"/results/*-report-github.md; do
    name=$(basename "$report" -report-github.md)
    cp "$report" "$ROOT/docs/benchmarks/${name##*.}.md"
    echo "bdn: copied ${report#"$ROOT"/} -> docs/benchmarks/${name##*.}.md"
done
