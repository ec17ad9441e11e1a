#!/usr/bin/env bash
# Starts the built server for the end-to-end tests on the given port, with a
# database and data directory of its own (holding the demo data) that
# disappear when it stops.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-env.sh
port=${1:?usage: e2e-server.sh PORT}
# A fixed place per port, so the tests can read the mail that arrives;
# e2e-env.sh names it ($data) and the ports beside the app's.
source scripts/e2e-env.sh "$port"
rm -rf "$data"
mkdir -p "$data"

# A real SMTP server (Debian's aiosmtpd) that keeps what it receives in
# $data/maildir, on the app's port plus 1000.
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$data/maildir" &
smtp=$!
# A stand-in SMS provider that appends each message to $data/sms.jsonl, on
# the app's port plus 2000.
python3 scripts/sms-receiver.py "$sms_port" "$data/sms.jsonl" &
sms=$!
trap 'kill "$smtp" "$sms" 2>/dev/null; rm -rf "$data"' EXIT

"$KOERS_TARGET_DIR/debug/koers" seed-demo >/dev/null
# Compressing the large debug WASM takes the CPU for a while: do it before
# the browsers start, not while they wait for the page to come alive.
"$KOERS_TARGET_DIR/debug/koers" precompress
"$KOERS_TARGET_DIR/debug/koers" serve &
server=$!
trap 'kill "$server" "$smtp" "$sms" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT TERM INT
wait "$server"
