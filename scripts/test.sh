#!/usr/bin/env bash
# Runs every test of the repository on a fresh Debian machine or this one, as root:
#   1. installs what is missing (Debian and npm packages for the interop peers and buf, PostgreSQL
#      server binaries for the tests' private clusters, dev certificates),
#   2. self-checks the private PostgreSQL scripts (scripts/pg-selftest.sh),
#   3. lints the protos with buf,
#   4. builds the solution (warnings are errors) and runs every test project.
# Prints one closing line "tests: N passed, N failed, N skipped" and exits non-zero on any failure.
#
#   scripts/test.sh            # everything
#   scripts/test.sh --filter X # passes extra arguments to dotnet test
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { echo "== $*"; }

step "installing what is missing"
"$ROOT/scripts/interop-peers-setup.sh"
# shellcheck source-path=SCRIPTDIR source=lib-postgres.sh
source "$ROOT/scripts/lib-postgres.sh"
pg_ensure_installed

step "private PostgreSQL self-check"
"$ROOT/scripts/pg-selftest.sh"

step "buf lint"
"$ROOT/.tools/node_modules/.bin/buf" lint

step "build"
dotnet build CoordinationHub.sln -c Release -nologo -v q -clp:NoSummary

step "test"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
set +e
dotnet test CoordinationHub.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
set -e

# One summary line over all test assemblies, in the form CI runners read.
awk '
  /^(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
    runs++
  }
  END {
    if (runs == 0) { print "tests: no test assembly reported results"; exit 1 }
    printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped
  }' "$LOG" || status=1
exit "$status"
