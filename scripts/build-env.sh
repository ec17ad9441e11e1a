# Sourced by the other scripts. cargo-leptos compiles the server with these
# variables (leptos reads LEPTOS_OUTPUT_NAME at compile time, and debug builds
# get `--cfg erase_components`); setting them for cargo test and clippy too
# lets every command reuse the same compiled dependencies instead of
# rebuilding them each time.
export LEPTOS_OUTPUT_NAME=koers
export RUSTFLAGS="--cfg erase_components"
# CI starts from a fresh clone: a target directory outside it survives
# between runs on the same machine.
if [ "${CI:-}" = "true" ] && [ -z "${CARGO_TARGET_DIR:-}" ]; then
  export CARGO_TARGET_DIR="$HOME/.cache/koers/target"
fi
export KOERS_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
