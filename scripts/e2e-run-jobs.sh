#!/usr/bin/env bash
# Runs the background jobs once against the end-to-end server's data on
# PORT, as if it were TIME (RFC 3339): the injected clock with which a test
# sees what happens on a reminder date. With JOB, only that job runs (a
# test that moves the clock far must not run the others' reminders). The
# mail goes to the real SMTP server of that port.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-env.sh
port=${1:?usage: e2e-run-jobs.sh PORT TIME [JOB]}
at=${2:?usage: e2e-run-jobs.sh PORT TIME [JOB]}
only=(${3:+--only "$3"})
source scripts/e2e-env.sh "$port"
exec "$KOERS_TARGET_DIR/debug/koers" run-jobs --at "$at" "${only[@]}"
