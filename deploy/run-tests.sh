#!/usr/bin/env bash
# Runs every test project against real servers started here (PostgreSQL and Redis on loopback, temp
# data dirs, stopped afterwards) and prints one closing line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

bash deploy/install.sh || { echo "0 passed, 1 failed"; exit 1; }
export PATH="$HOME/.dotnet:$PATH"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source deploy/postgres.sh
source deploy/redis.sh
trap 'pg_stop; redis_stop' EXIT
pg_start || { echo "0 passed, 1 failed"; exit 1; }
export CLUSTER_TEST_POSTGRES="$PG_CONNECTION"
redis_start || { echo "0 passed, 1 failed"; exit 1; }
export CLUSTER_TEST_REDIS="$REDIS_ENDPOINT"

results="$(mktemp -d /tmp/cluster-tests.XXXXXX)"
status=0
dotnet build Cluster.sln -c Release -v q -nologo || { echo "0 passed, 1 failed"; exit 1; }
for project in tests/*/*.csproj; do
  dotnet test "$project" -c Release --no-build --logger "trx;LogFilePrefix=$(basename "$project" .csproj)" \
    --results-directory "$results" || status=1
done

read -r passed failed total < <(python3 - "$results" <<'PY'
import glob, re, sys
p = f = t = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<Counters [^>]*total="(\d+)"[^>]*passed="(\d+)"[^>]*failed="(\d+)"', text)
    if m:
        t += int(m.group(1)); p += int(m.group(2)); f += int(m.group(3))
print(p, f, t)
PY
)
[ -n "${CLUSTER_KEEP_RESULTS:-}" ] && cp "$results"/*.trx "$CLUSTER_KEEP_RESULTS"/ 2>/dev/null
rm -rf "$results"
# A crashed or aborted test run fails the suite even when no single test reported a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=$((total - passed)); [ "$failed" -eq 0 ] && failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
