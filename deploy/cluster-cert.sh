#!/usr/bin/env bash
# Creates the cluster certificate: one self-signed certificate that every silo and cluster client presents, and the
# only one they accept from a peer (mutual TLS on silo and gateway ports).
#   source deploy/cluster-cert.sh && cluster_cert_create DIR   -> writes DIR/cluster.crt and DIR/cluster.key (mode 600),
#                                                                 exports CLUSTER_TLS_CERT and CLUSTER_TLS_KEY
# An existing pair in DIR is kept, so members started earlier keep trusting members started later.
# CLUSTER_CERT_DAYS overrides the validity (825 days).

cluster_cert_create() {
  local dir="${1:?usage: cluster_cert_create DIR}"
  if ! command -v openssl >/dev/null 2>&1; then echo "openssl is not installed: run deploy/install.sh" >&2; return 1; fi
  mkdir -p "$dir" || return 1
  local crt="$dir/cluster.crt" key="$dir/cluster.key"
  if [ ! -s "$crt" ] || [ ! -s "$key" ]; then
    # Members open and accept connections alike, so the certificate must allow both server and client authentication.
    (umask 077 && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -noenc \
      -keyout "$key" -out "$crt" -days "${CLUSTER_CERT_DAYS:-825}" -subj "/CN=cluster" \
      -addext "basicConstraints=critical,CA:FALSE" \
      -addext "keyUsage=critical,digitalSignature" \
      -addext "extendedKeyUsage=serverAuth,clientAuth") || {
      echo "openssl could not create the cluster certificate in $dir" >&2
      rm -f "$crt" "$key"
      return 1
    }
  fi
  chmod 600 "$key" && chmod 644 "$crt" || return 1
  CLUSTER_TLS_CERT="$(cd "$dir" && pwd)/cluster.crt"
  CLUSTER_TLS_KEY="$(cd "$dir" && pwd)/cluster.key"
  export CLUSTER_TLS_CERT CLUSTER_TLS_KEY
}
