#!/usr/bin/env bash
# Start a throw-away PostgreSQL on 127.0.0.1 for the tests (from Debian's packages, installed when absent)
# and print the URL to export as BRIEFBOT_TEST_POSTGRES_URL. Needs root (CI runs as root).
#   usage: eval "$(.ci/postgres.sh start)"   ...   .ci/postgres.sh stop "$BRIEFBOT_TEST_PGDATA"
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

start() {
    if [ -z "$(pg_bin)" ]; then
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    fi
    local bin data port
    bin="$(pg_bin)"
    data="$(mktemp -d /tmp/briefbot-pg.XXXXXX)"
    chown postgres:postgres "$data"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    runuser -u postgres -- "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c fsync=off" start >&2
    runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres briefbot_test
    echo "export BRIEFBOT_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$port/briefbot_test"
    echo "export BRIEFBOT_TEST_PGDATA=$data"
}

stop() {
    local data="$1"
    runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$data"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:?data directory}" ;;
    *) echo "usage: $0 start | stop DATADIR" >&2; exit 2 ;;
esac
