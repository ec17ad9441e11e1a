#!/usr/bin/env bash
# Starts the built server for the end-to-end tests on the given port, with a
# database and data directory of its own (holding the demo data) that
# disappear when it stops.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-env.sh
port=${1:?usage: e2e-server.sh PORT}
data=$(mktemp -d /tmp/koers-e2e.XXXXXX)
trap 'rm -rf "$data"' EXIT

export KOERS_SITE_ADDRESS="127.0.0.1:$port"
export KOERS_SITE_PUBLIC_URL="http://127.0.0.1:$port"
export KOERS_SITE_DATA_DIRECTORY="$data"
export KOERS_DATABASE_URL="sqlite://$data/koers.db?mode=rwc"
export KOERS_STORAGE_DIRECTORY="$data/files"
export KOERS_MAIL_OUTBOX_DIRECTORY="$data/outbox/mail"
export KOERS_SMS_OUTBOX_DIRECTORY="$data/outbox/sms"
export KOERS_LOG_FILTER="${KOERS_LOG_FILTER:-warn}"

"$KOERS_TARGET_DIR/debug/koers" seed-demo >/dev/null
"$KOERS_TARGET_DIR/debug/koers" serve &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT TERM INT
wait "$server"
