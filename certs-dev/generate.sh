#!/usr/bin/env bash
# Development PKI for CoordinationHub: a private root CA, a localhost server certificate and
# per-adapter client certificates for mutual TLS. Everything lands in certs-dev/out/, which is
# git-ignored: private keys are made on each machine and never committed.
#
# Usage:
#   certs-dev/generate.sh                      CA + server cert: ca.{pem,key}, server.{pem,key,pfx};
#                                              audit checkpoint key: audit-checkpoint.{key,pub.pem}
#   certs-dev/generate.sh client NAME          client-NAME.{pem,key,pfx} (CN=NAME), signed by the CA
#   certs-dev/generate.sh foreign-client NAME  foreign-client-NAME.{pem,key,pfx}, signed by a separate
#                                              throwaway CA (foreign-ca.pem): must be refused by the hub
#
# Idempotent: existing files are kept as long as they are still valid (signed by the current CA
# and not about to expire); only missing or stale pieces are (re)made.
set -euo pipefail

command -v openssl >/dev/null || { echo "generate.sh: openssl is required (apt-get install openssl)" >&2; exit 1; }

OUT="${CERTS_DEV_OUT:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/out}"
DAYS=3650
mkdir -p "$OUT"
# Keys must not be world-readable, even on a dev box.
umask 077
# Test suites may call this in parallel: serialise so two runs never write the same CA at once.
exec 9>"$OUT/.lock"
flock 9

log() { echo "certs-dev: $*" >&2; }

# EC P-256 keys in PKCS#8 PEM ("BEGIN PRIVATE KEY"): what .NET CreateFromPemFile, BoringSSL
# (grpcio) and Node all read without conversion.
new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# Random positive 128-bit serial: avoids an .srl file and serial collisions between re-runs.
serial() { echo "0x$(openssl rand -hex 16)"; }

# True when cert $1 exists, chains to CA $2, matches key $3 and is valid for at least 30 more days.
still_good() {
  local cert=$1 ca=$2 key=$3
  [[ -s $cert && -s $key && -s $ca ]] || return 1
  openssl x509 -in "$cert" -noout -checkend $((30 * 86400)) >/dev/null 2>&1 || return 1
  if [[ $cert != "$ca" ]]; then
    openssl verify -CAfile "$ca" "$cert" >/dev/null 2>&1 || return 1
  fi
  [[ "$(openssl x509 -in "$cert" -noout -pubkey 2>/dev/null)" == "$(openssl pkey -in "$key" -pubout 2>/dev/null)" ]]
}

# make_ca NAME SUBJECT: self-signed root (NAME.pem / NAME.key).
make_ca() {
  local name=$1 subj=$2
  if still_good "$OUT/$name.pem" "$OUT/$name.pem" "$OUT/$name.key"; then return 0; fi
  log "creating $name.pem"
  new_key "$OUT/$name.key"
  # Root constraints browsers/SslStream/BoringSSL insist on: CA:TRUE, keyCertSign, SKI.
  openssl req -x509 -new -sha256 -days "$DAYS" -key "$OUT/$name.key" -subj "$subj" \
    -set_serial "$(serial)" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
    -addext "subjectKeyIdentifier=hash" \
    -out "$OUT/$name.pem" 2>/dev/null
  chmod 644 "$OUT/$name.pem"
  # A new CA invalidates every leaf it signed; still_good() notices and remakes them.
}

# make_leaf BASENAME CA_NAME SUBJECT EXTENSIONS: BASENAME.{pem,key,pfx} signed by CA_NAME.
make_leaf() {
  local base=$1 ca=$2 subj=$3 ext=$4
  if still_good "$OUT/$base.pem" "$OUT/$ca.pem" "$OUT/$base.key" && [[ -s $OUT/$base.pfx ]]; then return 0; fi
  log "creating $base.pem (signed by $ca)"
  new_key "$OUT/$base.key"
  local tmp; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' RETURN
  printf '%s\n' "[ext]" "$ext" \
    "authorityKeyIdentifier=keyid:always" "subjectKeyIdentifier=hash" >"$tmp/ext.cnf"
  openssl req -new -sha256 -key "$OUT/$base.key" -subj "$subj" -out "$tmp/req.csr" 2>/dev/null
  openssl x509 -req -sha256 -days "$DAYS" -in "$tmp/req.csr" \
    -CA "$OUT/$ca.pem" -CAkey "$OUT/$ca.key" -set_serial "$(serial)" \
    -extfile "$tmp/ext.cnf" -extensions ext -out "$OUT/$base.pem" 2>/dev/null
  chmod 644 "$OUT/$base.pem"
  # PKCS#12 with an empty password (Kestrel / HttpClient load it directly); the CA is included so
  # the chain travels with the leaf. OpenSSL 3 defaults (AES-256, PBKDF2) are read by .NET.
  openssl pkcs12 -export -inkey "$OUT/$base.key" -in "$OUT/$base.pem" -certfile "$OUT/$ca.pem" \
    -name "$base" -passout pass: -out "$OUT/$base.pfx"
}

# NAME ends up in file names and the CN: keep it to a safe alphabet.
check_name() {
  [[ ${1:-} =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$ ]] || { echo "generate.sh: NAME must match [A-Za-z0-9][A-Za-z0-9._-]* (got '${1:-}')" >&2; exit 2; }
}

CLIENT_EXT=$'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth'

make_ca ca "/O=CoordinationHub Dev/CN=CoordinationHub Dev Root CA"

# The hub's audit checkpoint key (docs/adr/0006): a bare P-256 key, no certificate. Never
# regenerated once made: checkpoints already signed would no longer verify with a new key.
if [[ ! -s $OUT/audit-checkpoint.key ]]; then
  log "creating audit-checkpoint.key"
  new_key "$OUT/audit-checkpoint.key"
  openssl pkey -in "$OUT/audit-checkpoint.key" -pubout -out "$OUT/audit-checkpoint.pub.pem" 2>/dev/null
  chmod 644 "$OUT/audit-checkpoint.pub.pem"
fi

case "${1:-}" in
  "")
    # SANs cover every way tests reach a loopback server; clients verify SAN, never CN.
    make_leaf server ca "/O=CoordinationHub Dev/CN=localhost" \
      $'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1'
    ;;
  client)
    check_name "${2:-}"
    make_leaf "client-$2" ca "/O=CoordinationHub Dev/CN=$2" "$CLIENT_EXT"
    ;;
  foreign-client)
    check_name "${2:-}"
    make_ca foreign-ca "/O=Untrusted Elsewhere/CN=Foreign Throwaway CA"
    make_leaf "foreign-client-$2" foreign-ca "/O=Untrusted Elsewhere/CN=$2" "$CLIENT_EXT"
    ;;
  *)
    sed -n '6,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
