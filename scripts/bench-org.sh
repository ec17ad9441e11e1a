#!/usr/bin/env bash
# Builds the server in release mode and runs `koers bench-org` and then, in
# a process of its own, `koers bench-export` against a fresh SQLite
# database, and against PostgreSQL when a URL is given:
#   scripts/bench-org.sh [PEOPLE] [postgres://user@host/database]
# The PostgreSQL database gets one organisation added; use a scratch one.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-env.sh
people=${1:-10000}
postgres=${2:-}
cargo build --release --no-default-features --features ssr --bin koers
binary="$KOERS_TARGET_DIR/release/koers"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
run() {
  for command in "bench-org $people" bench-export; do
    # shellcheck disable=SC2086 # the command and its argument are two words
    KOERS_DATABASE_URL="$1" KOERS_SITE_DATA_DIRECTORY="$scratch" \
      KOERS_SECURITY_KEY_STORE_DIRECTORY="$scratch/keys" KOERS_LOG_FILTER=error \
      "$binary" $command
  done
}
run "sqlite://$scratch/bench.db?mode=rwc"
if [ -n "$postgres" ]; then
  run "$postgres"
fi
