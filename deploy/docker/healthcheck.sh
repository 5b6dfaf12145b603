#!/usr/bin/env bash
# The images' HEALTHCHECK: GET http://127.0.0.1:<port><path> and succeed on a 2xx answer. Plain bash (/dev/tcp), so
# the runtime images need no HTTP client installed.
#   cluster-healthcheck PORT PATH
set -euo pipefail
port="$1" path="$2"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
read -r -t 5 _ status _ <&3
[[ "$status" == 2* ]]
