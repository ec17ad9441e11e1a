#!/usr/bin/env bash
# `make test`: formatting, lints, unit and service tests on SQLite and
# PostgreSQL, then the Playwright suite against the built server in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-env.sh

step() { printf '\n==> %s\n' "$*"; }

scripts/setup.sh --tests

step "formatting"
cargo fmt --all -- --check

step "clippy (server and browser builds)"
cargo_as_leptos clippy --workspace --all-targets --features ssr -- -D warnings
cargo clippy --lib --features hydrate --target wasm32-unknown-unknown -- -D warnings

step "PostgreSQL for the service tests"
source scripts/postgres.sh
start_test_database
trap stop_test_database EXIT

step "unit and service tests (SQLite and PostgreSQL)"
# Compiling comes first and has no time limit: on a fresh clone it alone
# can take most of a quarter of an hour on two cores. Running is limited, so
# a test that hangs fails the run within minutes instead of using up CI's
# time; the harness names any test running for over 60 seconds.
cargo_as_leptos test --workspace --features ssr --no-run
timeout --kill-after=10s 15m bash -c "$(declare -f cargo_as_leptos); cargo_as_leptos test --workspace --features ssr"

step "building the app"
cargo leptos build

step "end-to-end tests in Chromium"
# A failure's test, error and line are repeated last, so a log that keeps
# only its tail (as CI's summary does) still says what failed and where.
e2e_log=$(mktemp)
if ! (cd end2end && npx playwright test 2>&1 | tee "$e2e_log"); then
  step "end-to-end failures"
  grep -v "pid=" "$e2e_log" | grep -E '^ +[0-9]+\) |Error:|Expected|Received|^ +> +[0-9]+ \|' | head -40
  exit 1
fi
