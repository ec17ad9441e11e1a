#!/usr/bin/env bash
# `make run`: builds Koers, prepares the SQLite database under ./data with
# demo data (only when it is empty), prints the demo sign-ins and serves
# http://127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-env.sh

scripts/setup.sh
cargo leptos build
koers="$KOERS_TARGET_DIR/debug/koers"
"$koers" seed-demo

cat <<TXT

  Koers runs at http://127.0.0.1:3000  (stop with Ctrl+C)

TXT
exec "$koers" serve
