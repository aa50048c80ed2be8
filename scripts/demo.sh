#!/usr/bin/env bash
# The end-to-end demo, on the private PostgreSQL under .data/postgres, narrated step by step:
#   trust    migrate, bootstrap the administrator (once; key under .data/admin/), start the hub with
#            the dev certificates; the admin registers the agencies and enrolls a key made here for
#            each (.data/agencies/); one is suspended and refused at once, then reinstated; buf curl,
#            a gRPC stack nobody here wrote, calls the hub with an agency's certificate and token;
#   cases    the ministry's adapter fills the hub with 200 generated persons; the interior ministry
#            reports a man in Arabic script, a family association the same man in Latin script with
#            his mother's reference sample; the hub flags the duplicate, the association refers its
#            case to the ministry, which merges the two;
#   consent  the ministry refers the case to the DNA laboratory, the prosecutor's office and the
#            foreign ministry; the lab sees no genetic data until the mother's consent is recorded,
#            the foreign ministry sees identity only;
#   identify the ministry's and the association's adapters listen live; the lab reports a DNA match,
#            cannot confirm it itself, the prosecutor confirms it, the association records the family
#            informed; both adapters hear every step, each with its own view; the foreign ministry's
#            adapter, offline all along, catches up from its last acknowledgement; an agency without
#            claims is refused; the mother withdraws her consent and the lab's very next read is cut;
#   audit    an auditor lists every access to the case and every disclosure of its genetic data,
#            verifies the hash chains, and catches an audit row a superuser edited (then restored).
# Every step that proves something fails the demo when it does not hold. Re-runnable: it reuses
# .data/, skips what is already done. Stops the hub it started, however it ends.
#
#   scripts/demo.sh [--port=P]      (HUB_PG_PORT moves the database, default 55432)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib-hub.sh"
PORT=7443
for arg in "$@"; do
  case $arg in
    --port=*) PORT=${arg#--port=} ;;
    *) echo "usage: scripts/demo.sh [--port=P]" >&2; exit 2 ;;
  esac
done

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

"$ROOT/scripts/interop-peers-setup.sh"
BUF="$ROOT/.tools/node_modules/.bin/buf"
CA="$ROOT/certs-dev/out/ca.pem"
ADMIN_DIR="$ROOT/.data/admin"
AGENCY_DIR="$ROOT/.data/agencies"
HUB="https://localhost:$PORT"

say "private PostgreSQL under .data/postgres, dev certificates, building the hub"
hub_prepare

say "building hubctl, our command-line client"
build_dll "$ROOT/src/CoordinationHub.Cli" hubctl >/dev/null
# Built once above; scripts/hubctl.sh adds the database, the dev CA and the admin's certificate as defaults.
hubctl() { HUBCTL_NO_BUILD=1 HUBCTL_HUB="$HUB" "$ROOT/scripts/hubctl.sh" "$@"; }
# hubctl as one agency: its certificate and key from .data/agencies/.
as_agency() { local id=$1; shift; hubctl --cert "$AGENCY_DIR/$id.pem" --key "$AGENCY_DIR/$id.key" "$@"; }

say "hubctl db migrate: the hub's schema on $(hub_connection_string)"
hubctl db migrate

if [[ -s $ADMIN_DIR/hub-admin.pem ]]; then
  say "hub administrator already bootstrapped: $ADMIN_DIR/hub-admin.pem"
else
  say "hubctl admin bootstrap: the one way into a fresh hub (on the hub host, straight on the database)"
  set +e
  hubctl admin bootstrap --officer demo-operator
  status=$?
  set -e
  if ((status == 5)); then
    echo "the database has an administrator but $ADMIN_DIR has lost its key: remove .data/ to start over" >&2
  fi
  ((status == 0)) || exit "$status"
fi

say "starting the hub on $HUB (dev CA, mutual TLS, HTTP/2 only)"
LOG=$(mktemp)
mapfile -t HUB_ENVIRONMENT < <(hub_environment "$PORT")
(cd "$(dirname "$HUB_DLL")" && exec env "${HUB_ENVIRONMENT[@]}" dotnet "$HUB_DLL") >"$LOG" 2>&1 &
HUB_PID=$!
trap 'kill "$HUB_PID" 2>/dev/null || true; wait "$HUB_PID" 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 150); do
  hubctl health --timeout 1 >/dev/null 2>&1 && break
  kill -0 "$HUB_PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done

say "hubctl health, as the administrator (exit 0 = SERVING)"
hubctl health

say "hubctl services --methods: reflection through our client"
hubctl services --methods

say "hubctl info: GetHubInfo with a token fetched for the admin's certificate"
hubctl info

say "the admin registers the demo's agencies (a re-run only resets their claims)"
# agency ID NAME KIND CLAIM-OPTIONS...: registers, or sets exactly these claims when already there.
agency() {
  local id=$1 name=$2 kind=$3; shift 3
  if hubctl admin agencies get "$id" >/dev/null 2>&1; then
    hubctl --officer demo-operator admin agencies update-claims "$id" "$@" >/dev/null
    echo "$id: already registered; claims reset"
  else
    hubctl --officer demo-operator admin agencies register "$id" --name "$name" --kind "$kind" "$@"
  fi
}
agency interior-cid "Ministry of Interior, Criminal Investigation Department" interior \
  --scope cases.read --scope cases.write --scope referrals.read --scope referrals.write \
  --scope identifications.read --scope notifications.subscribe \
  --category identity,circumstances,contact,investigation --purpose search,identification,criminal_investigation
agency dna-lab "National Forensic DNA Laboratory" forensic_laboratory \
  --scope cases.read --scope referrals.read --scope referrals.write --scope identifications.read --scope identifications.report \
  --scope identifications.confirm --scope notifications.subscribe --category identity,antemortem,genetic --purpose identification
agency family-assoc "Association of Families of the Missing" family_association \
  --scope cases.read --scope cases.write --scope referrals.read --scope referrals.write --scope consent.read --scope consent.write \
  --scope identifications.read --scope identifications.inform --scope notifications.subscribe \
  --category identity,circumstances,contact,antemortem,genetic --purpose search,identification,family_rights
agency foreign-ministry "Ministry of Foreign Affairs, consular department" foreign_affairs \
  --scope cases.read --scope referrals.read --scope referrals.write --scope identifications.read --scope notifications.subscribe \
  --category identity,circumstances --purpose search
agency justice-prosecutor "Public Prosecutor's Office, missing persons unit" justice \
  --scope cases.read --scope referrals.read --scope referrals.write --scope identifications.read --scope identifications.confirm \
  --scope notifications.subscribe --category identity,circumstances --purpose identification,criminal_investigation
agency health-registry "Ministry of Health, hospital admissions registry" health
agency hub-auditor "Data Protection Authority, audit office" oversight --scope audit.read
hubctl admin agencies list

say "the admin enrolls a certificate for each: key and CSR made here, signed by the hub CA"
for id in interior-cid dna-lab family-assoc foreign-ministry justice-prosecutor health-registry hub-auditor; do
  if [[ -s $AGENCY_DIR/$id.pem ]]; then
    echo "$id: certificate already enrolled: $AGENCY_DIR/$id.pem"
  else
    hubctl --officer demo-operator admin certificates enroll "$id" --new-key-out "$AGENCY_DIR"
  fi
done

# A run interrupted after the suspension leaves it suspended; start from an active agency.
if hubctl admin agencies get interior-cid --output json | grep -q AGENCY_STATUS_SUSPENDED; then
  hubctl admin agencies reinstate interior-cid --reason "demo restart" >/dev/null
  sleep 1.1
fi

say "interior-cid calls the hub: hubctl info with its own certificate and token, officer inspector-42"
as_agency interior-cid --officer inspector-42 info

say "the admin suspends interior-cid"
hubctl --officer demo-operator admin agencies suspend interior-cid --reason "demo: adapter under review"

say "the same call, right after (a grant is cached for at most 1 s on each replica)"
sleep 1.1
set +e
as_agency interior-cid --officer inspector-42 info
status=$?
set -e
echo "exit code $status (2 = the hub answered with an error: PERMISSION_DENIED, as expected)"
((status == 2)) || { echo "demo: the suspended agency was not refused" >&2; exit 1; }

say "the admin reinstates interior-cid, so the next run starts the same way"
hubctl --officer demo-operator admin agencies reinstate interior-cid --reason "demo: review done" --output json | grep -E '"(agencyId|status)"'

# buf curl needs a registered agency's certificate for every call, and a token for coordination.v1.
BUF_TLS=(--protocol grpc --cacert "$CA" --cert "$AGENCY_DIR/dna-lab.pem" --key "$AGENCY_DIR/dna-lab.key")
call() { "$BUF" curl "${BUF_TLS[@]}" "$@"; }

say "buf curl, as dna-lab: the hub's services through server reflection"
call --list-services "$HUB"

say "buf curl: grpc.health.v1.Health/Check (certificate only, no token)"
call -d '{}' "$HUB/grpc.health.v1.Health/Check"

say "buf curl: coordination.v1.HubInfoService/GetHubInfo with a token from hubctl token (bound to dna-lab's certificate)"
TOKEN=$(as_agency dna-lab token)
call -H "authorization: Bearer $TOKEN" -H "x-officer-id: analyst-7" -d '{}' "$HUB/coordination.v1.HubInfoService/GetHubInfo"

say "buf curl: the same call without the token is refused"
call -d '{}' "$HUB/coordination.v1.HubInfoService/GetHubInfo" || echo "exit code $? (UNAUTHENTICATED, as expected)"

# --- The case record: one person, two agencies, two scripts -----------------------------------
# json FIELD.PATH: reads one value from hubctl's --output json on stdin ('' when absent).
json() { /usr/bin/python3 -c '
import json, sys
value = json.load(sys.stdin)
for key in sys.argv[1].split("."):
    value = value[int(key)] if isinstance(value, list) else value.get(key, "") if isinstance(value, dict) else ""
print(json.dumps(value, ensure_ascii=False, indent=1) if isinstance(value, (list, dict)) else str(value).lower() if isinstance(value, bool) else value)' "$1"; }

say "the ministry's adapter fills the hub with 200 generated missing persons (re-runs create nothing twice)"
as_agency interior-cid --officer registry-clerk-3 cases generate --count 200 --seed 2026

say "the interior ministry reports a missing migrant, in Arabic script"
MINISTRY_REPORT=$(as_agency interior-cid --officer inspector-42 cases report --reference MOI-2016-0417 \
  --name "محمد عبد الله الحسن" --sex male --born 1994-03-12 --nationality SY \
  --place "Zuwara" --country LY --seen 2016-08 --context migration-route \
  --narrative "left Zuwara by boat towards Lampedusa; the boat was not seen again" --output json)
MINISTRY_CASE=$(json case.caseId <<<"$MINISTRY_REPORT")
as_agency interior-cid cases get "$MINISTRY_CASE" --purpose search

say "a family association reports the same man, in Latin script, with his mother's reference DNA sample"
FAMILY_SECTIONS=$(mktemp --suffix=.json)
cat >"$FAMILY_SECTIONS" <<'JSON'
{"contacts": [{"name": "Fatima Al-Hassan", "relation": "mother", "phone": "+963 944 000 000"}],
 "antemortem": {"heightCm": 176, "physicalDescription": "scar above the left eyebrow", "dentalNotes": "crown on upper right 6"},
 "genetic": {"samples": [{"sampleReference": "REF-2016-0093-M", "laboratoryAgencyId": "dna-lab", "donorRelation": "mother"}]}}
JSON
FAMILY_REPORT=$(as_agency family-assoc --officer volunteer-11 cases report --reference FAM-A-0094 \
  --name "Mohamed Abdallah Al-Hassan" --sex male --born 1994-03-12 --nationality SY \
  --place "Zuwarah" --country LY --context migration-route --sections "$FAMILY_SECTIONS" --output json)
rm -f "$FAMILY_SECTIONS"
FAMILY_CASE=$(json case.caseId <<<"$FAMILY_REPORT")
echo "case $FAMILY_CASE; possible duplicates flagged by the hub (never merged silently):"
json possibleDuplicates <<<"$FAMILY_REPORT"
echo "the association is not told which case: it cannot see the ministry's case, so it learns only that a flag exists."

# open_flag: the first open duplicate flag of the case JSON on stdin ('' when none).
open_flag() { /usr/bin/python3 -c '
import json, sys
print(next((f["flagId"] for f in json.load(sys.stdin).get("duplicateFlags", []) if f.get("state") == "DUPLICATE_FLAG_STATE_OPEN"), ""))'; }
FLAG_ID=$(as_agency interior-cid cases get "$MINISTRY_CASE" --purpose search --output json | open_flag)
if [[ -z $FLAG_ID && $(as_agency family-assoc cases get "$FAMILY_CASE" --purpose search --output json | json mergedIntoCaseId) == "$MINISTRY_CASE" ]]; then
  say "the two reports were merged by a previous run of the demo"
else
  say "the association refers its case to the ministry, to review the possible duplicate"
  REFERRAL=$(as_agency family-assoc --officer volunteer-11 referrals create --case "$FAMILY_CASE" --to interior-cid \
    --purpose search --category identity,circumstances --reason "possibly the same man as your case; please review" --output json)
  REFERRAL_ID=$(json referralId <<<"$REFERRAL")
  as_agency interior-cid referrals list --box inbox --case "$FAMILY_CASE"
  as_agency interior-cid --officer inspector-42 referrals accept "$REFERRAL_ID" >/dev/null
  echo "interior-cid accepted referral $REFERRAL_ID"

  say "the ministry now sees both cases, and the flag with the hub's reasons"
  as_agency interior-cid cases get "$MINISTRY_CASE" --purpose search
  FLAG_ID=$(as_agency interior-cid cases get "$MINISTRY_CASE" --purpose search --output json | open_flag)

  say "the ministry merges them: one case, both reports kept and traceable"
  as_agency interior-cid --officer inspector-42 cases resolve "$MINISTRY_CASE" --flag "$FLAG_ID" --merge \
    --reason "same name in two scripts, same date of birth and departure point" >/dev/null
  echo "merged $FAMILY_CASE into $MINISTRY_CASE (flag $FLAG_ID)"
fi
as_agency interior-cid cases history "$MINISTRY_CASE"
echo "the association's case now points to the surviving one: merged into $(as_agency interior-cid cases get "$FAMILY_CASE" --purpose search --output json | json mergedIntoCaseId)"

# --- Consent-scoped sharing ------------------------------------------------------------------
# assert_view AGENCY PURPOSE CATEGORY yes|no: fails the demo unless AGENCY's view discloses CATEGORY (or not).
assert_view() {
  local shown
  shown=$(as_agency "$1" cases get "$MINISTRY_CASE" --purpose "$2" --output json | json disclosure.disclosed)
  if [[ $4 == yes ]]; then [[ $shown == *"DATA_CATEGORY_${3^^}"* ]]; else [[ $shown != *"DATA_CATEGORY_${3^^}"* ]]; fi ||
    { echo "demo: $1's view for $2 should $([[ $4 == yes ]] || echo 'not ')disclose $3: $shown" >&2; exit 1; }
}
# refer_once TO PURPOSE CATEGORIES: the ministry refers its case to TO unless an accepted referral already exists.
refer_once() {
  if ! as_agency "$1" referrals list --box inbox --case "$MINISTRY_CASE" --state accepted --output json | grep -q referralId; then
    local id
    id=$(as_agency interior-cid --officer inspector-42 referrals create --case "$MINISTRY_CASE" --to "$1" --purpose "$2" --category "$3" \
      --reason "$4" --output json | json referralId)
    as_agency "$1" referrals accept "$id" >/dev/null
    echo "interior-cid referred $MINISTRY_CASE to $1 for $2 [$3]; $1 accepted"
  fi
}

say "the ministry refers the case to the DNA laboratory for identification, to the prosecutor to review any identification, and to the foreign ministry for the search abroad"
refer_once dna-lab identification identity "compare with the remains recovered off Lampedusa in 2016"
refer_once justice-prosecutor identification identity "review the laboratory's findings, as the second authority"
refer_once foreign-ministry search identity "ask the Italian authorities about survivors' lists"

say "without the family's consent the laboratory sees identity only: not the ante-mortem data, not the genetic reference"
as_agency dna-lab --officer analyst-7 cases get "$MINISTRY_CASE" --purpose identification
assert_view dna-lab identification genetic no

say "the mother consents: her reference sample and his ante-mortem data may serve identification by forensic laboratories"
CONSENT=$(as_agency family-assoc --officer volunteer-11 consent record --case "$MINISTRY_CASE" --giver family-member --relation mother \
  --purpose identification --category genetic,antemortem --to-kind forensic_laboratory --form "FORM-$(date -u +%Y%m%d%H%M%S)" --output json)
CONSENT_ID=$(json consentId <<<"$CONSENT")
as_agency family-assoc consent list "$MINISTRY_CASE"

say "the laboratory reads the case again: ante-mortem data and the genetic reference are now disclosed, on the consent's basis"
as_agency dna-lab --officer analyst-7 cases get "$MINISTRY_CASE" --purpose identification
assert_view dna-lab identification genetic yes

say "the foreign ministry reads the same case: identity only"
as_agency foreign-ministry --officer consul-2 cases get "$MINISTRY_CASE" --purpose search
assert_view foreign-ministry search genetic no
assert_view foreign-ministry search identity yes

# --- Identification, live notifications, an adapter catching up -------------------------------
LIVE=$(mktemp -d)
LISTENERS=()
trap 'kill "${LISTENERS[@]}" "$HUB_PID" 2>/dev/null || true; wait "$HUB_PID" 2>/dev/null || true; rm -rf "$LOG" "$LIVE"' EXIT
# listen AGENCY COUNT: AGENCY's adapter, subscribed live in the background until COUNT notifications arrived.
listen() {
  HUBCTL_NO_BUILD=1 HUBCTL_HUB="$HUB" timeout 120 "$ROOT/scripts/hubctl.sh" --cert "$AGENCY_DIR/$1.pem" --key "$AGENCY_DIR/$1.key" \
    notifications subscribe --follow --ack --count "$2" >"$LIVE/$1.log" 2>&1 &
  LISTENERS+=($!)
}
# expect_heard AGENCY KIND: fails the demo unless AGENCY's adapter printed a notification of KIND.
expect_heard() { grep -q "Kind: $2 " "$LIVE/$1.log" || { echo "demo: $1 did not hear $2:" >&2; cat "$LIVE/$1.log" >&2; exit 1; }; }
show_heard() { echo "-- $1's adapter printed:"; sed 's/^/   /' "$LIVE/$1.log"; }

if [[ $(as_agency interior-cid cases get "$MINISTRY_CASE" --purpose search --output json | json status) != CASE_STATUS_OPEN ]]; then
  say "the case was identified by a previous run of the demo"
  as_agency interior-cid identifications list "$MINISTRY_CASE"
else
  say "the ministry's and the association's adapters catch up on what they missed, then stay subscribed; the foreign ministry's adapter is offline"
  as_agency interior-cid notifications subscribe --ack >/dev/null
  as_agency family-assoc notifications subscribe --ack >/dev/null
  # The ministry will hear the report, the confirmation and the family informed; the association, which informs, the first two.
  listen interior-cid 3
  listen family-assoc 2
  sleep 2

  say "the laboratory reports that remains recovered off Lampedusa match the case (DNA kinship with the mother's reference)"
  IDENTIFICATION=$(as_agency dna-lab --officer analyst-7 identifications report --case "$MINISTRY_CASE" \
    --site "Lampedusa, recovered at sea 2016-09-02, grave 31" --sample "LAB-2016-LMP-0031" --method dna-kinship --matched deceased \
    --likelihood-ratio 3.2e9 --posterior 0.999999 --output json)
  IDENTIFICATION_ID=$(json identificationId <<<"$IDENTIFICATION")
  as_agency dna-lab identifications get "$IDENTIFICATION_ID"
  sleep 1
  expect_heard interior-cid identification_reported
  expect_heard family-assoc identification_reported
  show_heard interior-cid
  show_heard family-assoc

  say "the laboratory may confirm other laboratories' matches, but not its own: a second authority must"
  set +e
  as_agency dna-lab --officer analyst-7 identifications confirm "$IDENTIFICATION_ID" --note "confirmed"
  status=$?
  set -e
  echo "exit code $status (2 = PERMISSION_DENIED: the reporter never reviews its own match, as expected)"
  ((status == 2)) || { echo "demo: the reporting laboratory confirmed its own identification" >&2; exit 1; }

  say "the prosecutor's office confirms the identification; the case is now identified deceased"
  as_agency justice-prosecutor --officer prosecutor-5 identifications confirm "$IDENTIFICATION_ID" --note "findings reviewed, file 2026/117"
  as_agency interior-cid cases get "$MINISTRY_CASE" --purpose search --output json | json status

  say "the association, which holds the family's contact, records that the mother was told in person"
  as_agency family-assoc --officer volunteer-11 identifications family-informed "$IDENTIFICATION_ID" >/dev/null
  echo "family informed of $IDENTIFICATION_ID by family-assoc"

  say "the ministry and the association heard every step live, each with its own view of the case"
  for listener in "${LISTENERS[@]}"; do
    wait "$listener" || { echo "demo: a live subscription ended without what it should have heard" >&2; show_heard interior-cid; show_heard family-assoc; exit 1; }
  done
  expect_heard interior-cid identification_confirmed
  expect_heard interior-cid family_informed
  expect_heard family-assoc identification_confirmed
  show_heard interior-cid
  show_heard family-assoc

  say "the foreign ministry's adapter comes back online and catches up from its last acknowledgement"
  as_agency foreign-ministry notifications subscribe --ack >"$LIVE/foreign-ministry.log"
  expect_heard foreign-ministry identification_confirmed
  show_heard foreign-ministry
  echo "-- and again: nothing is delivered twice once acknowledged"
  as_agency foreign-ministry notifications subscribe --ack
fi

say "an agency registered without claims is refused: the health registry asks for the case"
set +e
as_agency health-registry --officer clerk-1 cases get "$MINISTRY_CASE" --purpose search
status=$?
set -e
echo "exit code $status (2 = PERMISSION_DENIED, as expected)"
((status == 2)) || { echo "demo: an agency without claims read a case" >&2; exit 1; }

say "after the identification the mother withdraws her consent; the laboratory's very next read is cut"
as_agency family-assoc --officer volunteer-11 consent withdraw "$CONSENT_ID" --reason "identification done; the mother asks that her sample no longer be used" >/dev/null
as_agency dna-lab --officer analyst-7 cases get "$MINISTRY_CASE" --purpose identification
assert_view dna-lab identification genetic no

# --- The auditor ----------------------------------------------------------------------------
say "an auditor lists every access to the case: who, when, for what purpose, what was disclosed and withheld"
as_auditor() { as_agency hub-auditor --officer auditor-dpa-1 "$@"; }
as_auditor audit query --case "$MINISTRY_CASE" --limit 20

say "the auditor lists every access that disclosed the case's genetic data"
as_auditor audit query --case "$MINISTRY_CASE" --disclosed genetic --limit 20

say "the auditor has the hub verify every hash chain and checkpoint signature"
as_auditor audit verify

say "a database superuser switches off the append-only triggers and edits an audit row to hide who read the case"
PSQL=("$(pg_bin_dir)/psql" -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$HUB_PG_PORT" -U "$PG_SUPERUSER" -d "$HUB_DB")
read -r VICTIM_CHAIN VICTIM_SEQ VICTIM_OFFICER < <("${PSQL[@]}" -F ' ' -c \
  "SELECT chain, seq, officer FROM audit.entries WHERE case_id = '$MINISTRY_CASE' AND officer <> '' ORDER BY occurred_at DESC LIMIT 1")
"${PSQL[@]}" -c "SET session_replication_role = replica; UPDATE audit.entries SET officer = 'nobody' WHERE chain = $VICTIM_CHAIN AND seq = $VICTIM_SEQ"
echo "changed the officer of chain $VICTIM_CHAIN seq $VICTIM_SEQ from '$VICTIM_OFFICER' to 'nobody'"
set +e
as_auditor audit verify
status=$?
set -e
echo "exit code $status (7 = verification failed, naming the first bad entry, as expected)"
# Put the row back, so the demo's database stays a valid log for the next run.
"${PSQL[@]}" -c "SET session_replication_role = replica; UPDATE audit.entries SET officer = '$VICTIM_OFFICER' WHERE chain = $VICTIM_CHAIN AND seq = $VICTIM_SEQ"
((status == 7)) || { echo "demo: the tampered row was not detected" >&2; exit 1; }
as_auditor audit verify >/dev/null && echo "row restored: the chains verify again"

say "demo done"
