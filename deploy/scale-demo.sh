#!/usr/bin/env bash
# Scale-out in practice on the local cluster (deploy/local-cluster.sh): two silos and the gateway on PostgreSQL,
# a steady write load over HTTP, then a silo joins and later one leaves gracefully. Prints, before, during and after,
# the writes, errors and p99/max latency, how many activations the leaving silo handed over, and whether any
# acknowledged write was lost; the last line is the JSON of bench's scale-out mode.
#   deploy/scale-demo.sh [--actors N] [--callers N] [--seconds N]
# A cluster that is already up (.cluster/local.env) is used as it is; otherwise one is started and stopped again.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export PATH="$HOME/.dotnet:$PATH"
ENV_FILE="${CLUSTER_STATE_DIR:-.cluster}/local.env"

dotnet build bench -c Release -v q -nologo >/dev/null
started=0
if [ ! -f "$ENV_FILE" ]; then
  deploy/local-cluster.sh up --silos 2
  started=1
  trap 'deploy/local-cluster.sh down' EXIT
fi
set -a; source "$ENV_FILE"; set +a

# The silo that leaves is the oldest one after the first: it has held grains since the load began.
leaving="$(grep -E '^SILO_[0-9]+_PID=' "$ENV_FILE" | sed -E 's/^SILO_([0-9]+)_PID=.*/\1/' | sort -n | sed -n 2p)"
[ -n "$leaving" ] || { echo "the local cluster needs at least two silos" >&2; exit 1; }

dotnet bench/bin/Release/net10.0/Cluster.Bench.dll scale-out --gateway "$GATEWAY_URL" --admin-key "$ADMIN_KEY" \
  --join "CLUSTER_SKIP_BUILD=1 deploy/local-cluster.sh add-silo" --leave "deploy/local-cluster.sh remove-silo $leaving" \
  --leaving "silo-$leaving" "$@"
[ "$started" = 1 ] || echo "the cluster stays up; deploy/local-cluster.sh down stops it"
