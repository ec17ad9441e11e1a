# Sourced by test.sh. Provides a fresh PostgreSQL database for one test run
# in KOERS_TEST_POSTGRES_URL: on the server at 127.0.0.1:5432 when one
# answers (trust authentication, user postgres), else on a private server
# started from Debian's binaries in a temporary directory.

start_test_database() {
  local name="koers_test_$(date +%s)_$$"
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    PG_ADMIN_URL="postgres://postgres@127.0.0.1:5432/postgres"
  else
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    PG_PRIVATE_DIR=$(mktemp -d /tmp/koers-pg.XXXXXX)
    local as_postgres=()
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres "$PG_PRIVATE_DIR"
      as_postgres=(runuser -u postgres --)
    fi
    "${as_postgres[@]}" "$bin/initdb" -D "$PG_PRIVATE_DIR/data" -U postgres -A trust >/dev/null
    "${as_postgres[@]}" "$bin/pg_ctl" -D "$PG_PRIVATE_DIR/data" -l "$PG_PRIVATE_DIR/log" -w \
      -o "-p 54329 -k $PG_PRIVATE_DIR -c listen_addresses=127.0.0.1" start >/dev/null
    PG_PRIVATE_STOP=("${as_postgres[@]}" "$bin/pg_ctl" -D "$PG_PRIVATE_DIR/data" -m fast stop)
    PG_ADMIN_URL="postgres://postgres@127.0.0.1:54329/postgres"
  fi
  psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE $name"
  PG_TEST_DATABASE=$name
  export KOERS_TEST_POSTGRES_URL="${PG_ADMIN_URL%/postgres}/$name"
  echo "test database: $KOERS_TEST_POSTGRES_URL"
}

stop_test_database() {
  if [ -n "${PG_TEST_DATABASE:-}" ]; then
    psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS $PG_TEST_DATABASE WITH (FORCE)" || true
  fi
  if [ -n "${PG_PRIVATE_DIR:-}" ]; then
    "${PG_PRIVATE_STOP[@]}" >/dev/null || true
    rm -rf "$PG_PRIVATE_DIR"
  fi
}
