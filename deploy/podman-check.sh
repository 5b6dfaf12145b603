#!/usr/bin/env bash
# Builds the silo and gateway images with Podman and runs them as a cluster, on a machine that cannot reach the
# images' registries: their base image is assembled here from this machine's .NET installation (its SDK builds, its
# ASP.NET Core runtime runs) instead of mcr.microsoft.com/dotnet/{sdk,aspnet}, and restore uses this machine's NuGet
# feed and package cache. Redis and PostgreSQL run on loopback (deploy/redis.sh, deploy/postgres.sh) and the
# containers share the host's network. Checks: two silos and the gateway join over mutual TLS, a write is stored,
# the dashboard answers, every probe passes, and a silo stopped with SIGTERM leaves within its limit with exit code 0.
#   deploy/podman-check.sh        (root; a few minutes: each image build restores and publishes)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
WORK="$(mktemp -d /tmp/cluster-podman.XXXXXX)"
BASE=localhost/cluster-dotnet-base:host
# Podman's default open-file and process limits exceed what an unprivileged container host may set.
LIMITS=(--ulimit nofile=1024:1024 --ulimit nproc=4096:4096)
containers=()

cleanup() {
  for c in "${containers[@]}"; do podman rm -f "$c" >/dev/null 2>&1 || true; done
  pg_stop 2>/dev/null || true
  redis_stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# A root file system with the .NET installation, the shells the Dockerfiles' RUN steps use, and the libraries they link.
base_image() {
  local dotnet rootfs="$WORK/rootfs" lib
  dotnet="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  mkdir -p "$rootfs"/{usr/bin,usr/lib/x86_64-linux-gnu,usr/lib64,usr/share,etc,tmp,root,app}
  chmod 1777 "$rootfs/tmp"
  ln -s usr/bin "$rootfs/bin"; ln -s usr/lib "$rootfs/lib"; ln -s usr/lib64 "$rootfs/lib64"
  cp -a "$dotnet" "$rootfs/usr/share/dotnet"
  ln -s ../share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
  cp /usr/bin/bash /usr/bin/dash /usr/bin/env /usr/bin/cat "$rootfs/usr/bin/"
  ln -s dash "$rootfs/usr/bin/sh"
  for lib in $( (find "$rootfs/usr/share/dotnet" -name '*.so' -exec ldd {} \; 2>/dev/null; ldd /usr/bin/bash /usr/bin/dash "$dotnet/dotnet") \
      | grep -o '/[^ ]*\.so[^ ]*' | sort -u) \
      /usr/lib/x86_64-linux-gnu/{libssl.so.3,libcrypto.so.3,libz.so.1,libnss_files.so.2,libresolv.so.2}; do
    cp -L "$lib" "$rootfs/usr/lib/x86_64-linux-gnu/"
  done
  cp -L /lib64/ld-linux-x86-64.so.2 "$rootfs/usr/lib64/"
  printf 'root:x:0:0:root:/root:/bin/bash\napp:x:1654:1654:app:/app:/bin/bash\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\n' >"$rootfs/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  cp -a /etc/ssl "$rootfs/etc/"
  tar -C "$rootfs" -cf "$WORK/rootfs.tar" .
  podman import --change 'ENV APP_UID=1654' --change 'ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1' \
    --change 'ENV PATH=/usr/local/bin:/usr/bin' "$WORK/rootfs.tar" "$BASE" >/dev/null
}

build() { # image, Dockerfile
  podman build --format docker "${LIMITS[@]}" -v "$HOME/.nuget/packages:/root/.nuget/packages" \
    --build-arg SDK_IMAGE="$BASE" --build-arg RUNTIME_IMAGE="$BASE" -f "$2" -t "$1" . >"$WORK/build-${1##*/}.log" 2>&1 \
    || { tail -30 "$WORK/build-${1##*/}.log" >&2; exit 1; }
}

check() { # what, command...
  if "${@:2}" >/dev/null 2>&1; then echo "ok   $1"; else echo "FAIL $1" >&2; exit 1; fi
}

echo "building the base image from $(command -v dotnet) and the images"
base_image
build localhost/cluster-silo:check deploy/docker/silo.Dockerfile
build localhost/cluster-gateway:check deploy/docker/gateway.Dockerfile

source deploy/postgres.sh; source deploy/redis.sh; source deploy/cluster-cert.sh
unset REDIS_PORT REDIS_DIR PG_PORT PG_DATA
pg_start; redis_start
cluster_cert_create "$WORK/tls" >/dev/null 2>&1
chmod 755 "$WORK/tls"; chmod 644 "$WORK/tls/cluster.key"
member=("${LIMITS[@]}" --network host -v "$WORK/tls:/run/secrets/cluster:ro"
  -e Cluster__Redis="$REDIS_ENDPOINT" -e Cluster__ClusterId=podman-check -e Cluster__ServiceId=podman-check
  -e Cluster__Tls__CertificatePath=/run/secrets/cluster/cluster.crt -e Cluster__Tls__KeyPath=/run/secrets/cluster/cluster.key)
# On the host's network the silos take free loopback ports, as on deploy/local-cluster.sh.
for n in 1 2; do
  health="$(free_port)"
  podman run -d --name "cluster-check-silo-$n" "${member[@]}" -e Cluster__SiloId="silo-$n" \
    -e Cluster__ListenEndpoint=127.0.0.1:0 -e Cluster__GatewayPort=0 -e ASPNETCORE_URLS="http://127.0.0.1:$health" \
    -e Cluster__Storage__Provider=PostgreSQL -e Cluster__Storage__ConnectionString="$PG_CONNECTION" \
    localhost/cluster-silo:check >/dev/null
  containers+=("cluster-check-silo-$n")
  eval "SILO_${n}_HEALTH=$health"
done
gateway="http://127.0.0.1:$(free_port)"
podman run -d --name cluster-check-gateway "${member[@]}" -e Cluster__AdminKey=podman-check \
  -e ASPNETCORE_URLS="$gateway" localhost/cluster-gateway:check >/dev/null
containers+=(cluster-check-gateway)

for _ in $(seq 120); do curl -fs "$gateway/readyz" >/dev/null 2>&1 && break; sleep 1; done
check "gateway ready" curl -fs "$gateway/readyz"
check "two active silos" bash -c "curl -fs -H 'X-API-Key: podman-check' $gateway/api/v1/cluster/silos | grep -o '\"status\":\"Active\"' | wc -l | grep -qx 2"
check "a write is stored" curl -fs -X PUT -H 'X-API-Key: podman-check' -H 'Content-Type: application/json' \
  -d '{"name":"check","race":"human","lifespan":80,"age":30}' "$gateway/api/v1/actors/podman-check"
check "the dashboard answers" curl -fs -H 'X-API-Key: podman-check' "$gateway/dashboard/"
check "silo probes pass (the image's healthcheck script)" podman exec cluster-check-silo-1 /usr/local/bin/cluster-healthcheck "$SILO_1_HEALTH" /readyz
check "gateway probe passes" podman exec cluster-check-gateway /usr/local/bin/cluster-healthcheck "${gateway##*:}" /healthz
check "members run as uid 1654" bash -c "podman exec cluster-check-silo-1 cat /proc/1/status | grep -q '^Uid:[[:space:]]*1654'"
started=$(date +%s)
podman stop -t 60 cluster-check-silo-2 >/dev/null
check "silo-2 left on SIGTERM with exit code 0 in $(( $(date +%s) - started )) s" \
  bash -c "[ \"\$(podman inspect cluster-check-silo-2 --format '{{.State.ExitCode}}')\" = 0 ]"
check "the write survives silo-2's leave" curl -fs -H 'X-API-Key: podman-check' "$gateway/api/v1/actors/podman-check"
echo "podman check passed"
