#!/usr/bin/env bash
# Starts a throw-away Redis server on loopback, without persistence, in a temporary directory.
#   source deploy/redis.sh && redis_start   -> exports REDIS_PORT, REDIS_DIR and REDIS_ENDPOINT (host:port)
#   redis_stop                              -> stops it and removes the directory
# free_port comes from deploy/postgres.sh; it is sourced here when the caller has not done so.
declare -F free_port >/dev/null || source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

redis_start() {
  if ! command -v redis-server >/dev/null 2>&1; then echo "Redis is not installed: run deploy/install.sh" >&2; return 1; fi
  REDIS_DIR="$(mktemp -d /tmp/cluster-redis.XXXXXX)"
  REDIS_PORT="${REDIS_PORT:-$(free_port)}"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" || return 1
  local i
  for i in $(seq 50); do
    if [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; then
      REDIS_ENDPOINT="127.0.0.1:$REDIS_PORT"
      export REDIS_DIR REDIS_PORT REDIS_ENDPOINT
      return 0
    fi
    sleep 0.1
  done
  echo "redis-server did not answer on port $REDIS_PORT; see $REDIS_DIR/redis.log" >&2
  return 1
}

redis_stop() {
  if [ -n "${REDIS_DIR:-}" ] && [ -d "$REDIS_DIR" ]; then
    if [ -f "$REDIS_DIR/redis.pid" ]; then
      local pid i; pid="$(cat "$REDIS_DIR/redis.pid")"
      kill "$pid" 2>/dev/null
      for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$REDIS_DIR"
  fi
}
