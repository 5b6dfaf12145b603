#!/usr/bin/env bash
# Creates the secrets a deployment needs, outside git: fresh random passwords and admin key, and the cluster
# certificate (deploy/cluster-cert.sh). Existing files are kept, so running it again changes nothing.
#
#   deploy/secrets.sh compose
#       .env (PostgreSQL and Redis passwords, admin key) and deploy/secrets/cluster.{crt,key} for docker-compose.yml
#   deploy/secrets.sh k8s --postgres CONNECTION_STRING --redis CONNECTION_STRING
#       deploy/k8s/secrets/: the connection strings of your PostgreSQL and Redis, an admin key and the certificate,
#       which deploy/k8s/kustomization.yaml turns into Secrets
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/cluster-cert.sh

token() { python3 -c 'import secrets; print(secrets.token_hex(24))'; }

# The containers run as uid 1654 and read the bind-mounted files, so the files are world-readable and the
# directory, which keeps other users of this machine out, is not.
certificate() {
  local dir="$1"
  cluster_cert_create "$dir"
  chmod 700 "$dir"
  chmod 644 "$dir/cluster.crt" "$dir/cluster.key"
}

compose() {
  certificate deploy/secrets
  if [ ! -f .env ]; then
    (umask 077 && sed -e "s/^POSTGRES_PASSWORD=.*/POSTGRES_PASSWORD=$(token)/" \
      -e "s/^REDIS_PASSWORD=.*/REDIS_PASSWORD=$(token)/" \
      -e "s/^ADMIN_KEY=.*/ADMIN_KEY=$(token)/" .env.example >.env)
    echo "wrote .env with fresh passwords and admin key"
  fi
  echo "compose secrets ready: .env, deploy/secrets/"
}

k8s() {
  local postgres="" redis=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --postgres) postgres="$2"; shift 2 ;;
      --redis) redis="$2"; shift 2 ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  local dir=deploy/k8s/secrets
  mkdir -p "$dir" && chmod 700 "$dir"
  [ -n "$postgres" ] && printf '%s' "$postgres" >"$dir/postgres-connection"
  [ -n "$redis" ] && printf '%s' "$redis" >"$dir/redis-connection"
  for needed in postgres-connection redis-connection; do
    [ -s "$dir/$needed" ] || { echo "$dir/$needed is missing: pass --${needed%-connection} CONNECTION_STRING" >&2; exit 2; }
  done
  [ -s "$dir/admin-key" ] || (umask 077 && printf '%s' "$(token)" >"$dir/admin-key")
  cluster_cert_create "$dir"
  echo "kubernetes secrets ready in $dir; kubectl apply -k deploy/k8s"
}

case "${1:-}" in
  compose) compose ;;
  k8s) shift; k8s "$@" ;;
  *) echo "usage: $0 compose | k8s --postgres CONNECTION_STRING --redis CONNECTION_STRING" >&2; exit 2 ;;
esac
