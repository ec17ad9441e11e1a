#!/usr/bin/env bash
# `make run`: builds Koers, prepares the SQLite database under ./data with
# demo data (only when it is empty) and serves http://127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-env.sh

scripts/setup.sh
cargo leptos build
koers="$KOERS_TARGET_DIR/debug/koers"
"$koers" seed-demo

cat <<TXT

  Koers runs at http://127.0.0.1:3000  (stop with Ctrl+C)
  Demo organisation: Zorggroep De Linde. Sign-in accounts arrive with
  identity (issue 3); the README lists them once they exist.

TXT
exec "$koers" serve
