#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback in a temporary data directory.
#   source deploy/postgres.sh && pg_start   -> exports PG_PORT, PG_DATA and PG_CONNECTION
#   pg_stop                                 -> stops it and removes the data directory
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local bin; bin="$(pg_bin)"
  if [ -z "$bin" ]; then echo "PostgreSQL is not installed: run deploy/install.sh" >&2; return 1; fi
  PG_DATA="$(mktemp -d /tmp/cluster-pg.XXXXXX)"
  PG_PORT="${PG_PORT:-$(free_port)}"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DATA"; fi
  as_postgres "$bin/initdb" -D "$PG_DATA/data" -U postgres -A trust >/dev/null
  as_postgres "$bin/pg_ctl" -D "$PG_DATA/data" -l "$PG_DATA/server.log" -w \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400" start >/dev/null
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"
  export PG_DATA PG_PORT PG_CONNECTION
}

pg_stop() {
  local bin; bin="$(pg_bin)"
  if [ -n "${PG_DATA:-}" ] && [ -d "$PG_DATA/data" ]; then
    as_postgres "$bin/pg_ctl" -D "$PG_DATA/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA"
  fi
}
