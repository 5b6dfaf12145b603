#!/usr/bin/env bash
# A whole Orleans cluster on this machine, on loopback: Redis (membership), PostgreSQL (grain state and reminders),
# N silos (plus M with the gpu role) and a gateway joined as an Orleans client, all talking mutual TLS with a
# cluster certificate generated here.
#
#   deploy/local-cluster.sh up [--silos N] [--gpu-silos M]   start; writes .cluster/local.env
#   deploy/local-cluster.sh add-silo [--gpu]                 start one more silo (scale out)
#   deploy/local-cluster.sh remove-silo N                    stop silo-N gracefully and wait until it has left
#   deploy/local-cluster.sh down                             stop everything it started
#
# .cluster/local.env holds GATEWAY_URL, ADMIN_KEY and one SILO_<n>_PID line per silo (plus the servers, the cluster
# id and the certificate used).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
STATE="${CLUSTER_STATE_DIR:-$ROOT/.cluster}"
ENV_FILE="$STATE/local.env"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export PATH="$HOME/.dotnet:$PATH"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

silo_dll="$ROOT/silo/bin/Release/net10.0/Cluster.Silo.dll"
gateway_dll="$ROOT/client-gateway/bin/Release/net10.0/Cluster.Gateway.dll"

# Progress lines, so that the minutes of a first build and start are not silent.
say() { echo "[$(date -u +%H:%M:%S)] $*"; }

build() {
  if [ "${CLUSTER_SKIP_BUILD:-}" != "1" ] || [ ! -f "$silo_dll" ] || [ ! -f "$gateway_dll" ]; then
    say "building the gateway (a first build takes a few minutes)"
    dotnet build "$ROOT/client-gateway" -c Release -v q -nologo >/dev/null
    say "building the silo"
    dotnet build "$ROOT/silo" -c Release -v q -nologo >/dev/null
  fi
}

start_silo() { # index, gpu(0|1)
  local n="$1" gpu="$2" roles=()
  [ "$gpu" = "1" ] && roles=(--Cluster:Roles:0=gpu)
  cluster_env Cluster__SiloId="silo-$n" Cluster__ListenEndpoint="127.0.0.1:0" \
    Cluster__Storage__Provider=PostgreSQL Cluster__Storage__ConnectionString="$PG_CONNECTION" \
    nohup dotnet "$silo_dll" "${roles[@]}" >"$STATE/silo-$n.log" 2>&1 &
  echo "SILO_${n}_PID=$!" >>"$ENV_FILE"
}

# Runs a command with the settings every member of the cluster shares: membership, identity and the certificate.
# Called in a background subshell, which it replaces, so that $! is the member's own pid.
cluster_env() {
  exec env Cluster__Redis="$REDIS_CONNECTION" Cluster__ClusterId="$CLUSTER_ID" Cluster__ServiceId="$CLUSTER_ID" \
    Cluster__Tls__CertificatePath="$CLUSTER_TLS_CERT" Cluster__Tls__KeyPath="$CLUSTER_TLS_KEY" "$@"
}

wait_ready() {
  for _ in $(seq 120); do
    if curl -fs "$GATEWAY_URL/readyz" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "the gateway did not become ready; see $STATE/*.log" >&2
  return 1
}

# Reports each silo as the membership table marks it active, until all of them are (or 60 s have passed).
report_silos() {
  local expected="$1" seen=""
  for _ in $(seq 120); do
    local active
    active="$(curl -fs -H "X-API-Key: $ADMIN_KEY" "$GATEWAY_URL/api/v1/cluster/silos" 2>/dev/null |
      python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)["silos"] if s["status"] == "Active"))' 2>/dev/null || true)"
    for id in $active; do
      case " $seen " in *" $id "*) ;; *) say "$id up"; seen="$seen $id" ;; esac
    done
    [ "$(echo $seen | wc -w)" -ge "$expected" ] && return 0
    sleep 0.5
  done
  say "only$seen of $expected silos are up after 60 s; see $STATE/silo-*.log"
}

up() {
  local silos=2 gpu=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --silos) silos="$2"; shift 2 ;;
      --gpu-silos) gpu="$2"; shift 2 ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  if [ -f "$ENV_FILE" ]; then echo "a local cluster is already up ($ENV_FILE); run 'down' first" >&2; exit 1; fi
  # Fresh servers on free ports, whatever servers the calling shell may have started.
  unset REDIS_PORT REDIS_DIR PG_PORT PG_DATA
  mkdir -p "$STATE"
  build
  say "starting Redis"
  source "$ROOT/deploy/redis.sh"; redis_start; REDIS_CONNECTION="$REDIS_ENDPOINT"
  say "starting PostgreSQL"
  source "$ROOT/deploy/postgres.sh"; pg_start
  say "creating the cluster certificate"
  source "$ROOT/deploy/cluster-cert.sh"; cluster_cert_create "$STATE/tls"
  CLUSTER_ID="local-$(date +%s)"
  ADMIN_KEY="$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
  GATEWAY_PORT="$(free_port)"
  GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"
  cat >"$ENV_FILE" <<ENV
GATEWAY_URL=$GATEWAY_URL
ADMIN_KEY=$ADMIN_KEY
CLUSTER_ID=$CLUSTER_ID
CLUSTER_TLS_CERT=$CLUSTER_TLS_CERT
CLUSTER_TLS_KEY=$CLUSTER_TLS_KEY
REDIS_CONNECTION=$REDIS_CONNECTION
REDIS_DIR=$REDIS_DIR
PG_CONNECTION='$PG_CONNECTION'
PG_DATA=$PG_DATA
ENV
  local n=0
  say "starting $((silos + gpu)) silos"
  for _ in $(seq "$silos"); do n=$((n + 1)); start_silo "$n" 0; done
  for _ in $(seq "$gpu"); do n=$((n + 1)); start_silo "$n" 1; done
  echo "SILO_COUNT=$n" >>"$ENV_FILE"
  say "starting the gateway"
  cluster_env Cluster__AdminKey="$ADMIN_KEY" \
    nohup dotnet "$gateway_dll" --urls "$GATEWAY_URL" >"$STATE/gateway.log" 2>&1 &
  echo "GATEWAY_PID=$!" >>"$ENV_FILE"
  wait_ready
  report_silos "$n"
  echo "cluster up: $n silos, gateway at $GATEWAY_URL, API reference at $GATEWAY_URL/docs (settings in $ENV_FILE)"
}

add_silo() {
  [ -f "$ENV_FILE" ] || { echo "no local cluster is up" >&2; exit 1; }
  local gpu=0
  [ "${1:-}" = "--gpu" ] && gpu=1
  set -a; source "$ENV_FILE"; set +a
  local n=$((SILO_COUNT + 1))
  build
  start_silo "$n" "$gpu"
  sed -i "s/^SILO_COUNT=.*/SILO_COUNT=$n/" "$ENV_FILE"
  echo "silo-$n started"
}

remove_silo() {
  [ -f "$ENV_FILE" ] || { echo "no local cluster is up" >&2; exit 1; }
  local n="${1:?usage: $0 remove-silo N}" pid
  pid="$(grep -E "^SILO_${n}_PID=" "$ENV_FILE" | cut -d= -f2)"
  [ -n "$pid" ] || { echo "silo-$n is not part of the local cluster" >&2; exit 1; }
  # SIGTERM is a graceful leave: the silo deactivates its grains, which save their state, and hands them over.
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then echo "silo-$n did not stop within 60 s" >&2; exit 1; fi
  sed -i "/^SILO_${n}_PID=/d" "$ENV_FILE"
  echo "silo-$n left"
}

down() {
  [ -f "$ENV_FILE" ] || { echo "no local cluster is up"; return 0; }
  set -a; source "$ENV_FILE"; set +a
  local pids
  pids="$(grep -E '^(GATEWAY|SILO_[0-9]+)_PID=' "$ENV_FILE" | cut -d= -f2)"
  for pid in $pids; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 100); do
    alive=0
    for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in $pids; do kill -KILL "$pid" 2>/dev/null || true; done
  source "$ROOT/deploy/redis.sh"; redis_stop
  source "$ROOT/deploy/postgres.sh"; pg_stop
  rm -f "$ENV_FILE"
  echo "cluster down"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  add-silo) shift; add_silo "$@" ;;
  remove-silo) shift; remove_silo "$@" ;;
  down) down ;;
  *) echo "usage: $0 up [--silos N] [--gpu-silos M] | add-silo [--gpu] | remove-silo N | down" >&2; exit 2 ;;
esac
