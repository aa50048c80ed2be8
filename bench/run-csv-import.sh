#!/usr/bin/env bash
# The sample CSV importer on a large ministry file (issue 8, item 2): generates N rows with the
# sample generator (seeded), starts the real hub in-process on a private PostgreSQL with a
# registered ministry, runs samples/CoordinationHub.Samples.CsvImporter on the file twice, and prints
# each run's summary (created / attached / flagged / replayed / failed, rows/s) and what the hub's
# database then holds for the ministry: the re-run must add nothing.
#
# Usage: bench/run-csv-import.sh [rows=10000] [seed=2026] [concurrency=6]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/bench/CoordinationHub.Bench.CsvImport
source "$ROOT/scripts/lib-postgres.sh"
pg_ensure_installed
dotnet build "$PROJECT" -c Release -nologo -v q -clp:ErrorsOnly
dotnet "$PROJECT/bin/Release/net10.0/CoordinationHub.Bench.CsvImport.dll" "${1:-10000}" "${2:-2026}" "${3:-6}"
