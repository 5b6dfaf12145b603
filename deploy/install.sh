#!/usr/bin/env bash
# Installs what the cluster and its tests need on a Debian machine: the .NET 10 SDK (when missing),
# PostgreSQL 15, Redis, OpenSSL (the cluster certificate), Chromium (the dashboard's browser test drives it), and the
# checkers of the deployment files: docker-compose, yamllint and kubectl (Kustomize).
# Safe to run again.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

need_apt=()
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need_apt+=(postgresql); fi
if ! command -v redis-server >/dev/null 2>&1; then need_apt+=(redis-server); fi
if [ ! -x /usr/bin/chromium ]; then need_apt+=(chromium); fi
if ! command -v openssl >/dev/null 2>&1; then need_apt+=(openssl); fi
if ! command -v python3 >/dev/null 2>&1; then need_apt+=(python3); fi
if ! command -v docker-compose >/dev/null 2>&1; then need_apt+=(docker-compose); fi
if ! command -v yamllint >/dev/null 2>&1; then need_apt+=(yamllint); fi
if ! command -v kubectl >/dev/null 2>&1; then need_apt+=(kubernetes-client); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  # The packages start system-wide services; the cluster and tests start their own on loopback.
  $SUDO service postgresql stop >/dev/null 2>&1 || true
  $SUDO service redis-server stop >/dev/null 2>&1 || true
fi

if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
  if apt-cache show dotnet-sdk-10.0 >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq dotnet-sdk-10.0 >/dev/null
  else
    $SUDO apt-get install -y -qq curl ca-certificates >/dev/null
    curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 10.0 --install-dir "$HOME/.dotnet"
    export PATH="$HOME/.dotnet:$PATH"
    echo "Installed the .NET SDK in $HOME/.dotnet; add it to PATH in your shell profile."
  fi
fi
