# Shared by the scripts: builds a project quietly (Release) and prints the path of its dll.
# Sourced, not run.

# build_dll PROJECT_DIR ASSEMBLY_NAME -> path of the built dll on stdout; build output only on failure.
build_dll() {
  local project=$1 name=$2 log
  log=$(mktemp)
  if ! dotnet build "$project" -c Release -nologo -v q -clp:NoSummary >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "build of $project failed" >&2
    return 1
  fi
  rm -f "$log"
  echo "$project/bin/Release/net10.0/$name.dll"
}
