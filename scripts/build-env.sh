# Sourced by the other scripts.
#
# cargo-leptos compiles the server with LEPTOS_OUTPUT_NAME set (leptos reads
# it at compile time) and, in debug builds, RUSTFLAGS="--cfg erase_components"
# (added to whatever RUSTFLAGS already holds). `cargo_as_leptos` runs cargo
# test and clippy with the same flags, so every command reuses the same
# compiled dependencies instead of rebuilding them.
export LEPTOS_OUTPUT_NAME=koers
cargo_as_leptos() {
  RUSTFLAGS="--cfg erase_components" cargo "$@"
}

# CI starts from a fresh clone: a target directory outside it survives
# between runs on the same machine.
if [ "${CI:-}" = "true" ] && [ -z "${CARGO_TARGET_DIR:-}" ]; then
  export CARGO_TARGET_DIR="$HOME/.cache/koers/target"
fi
export KOERS_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
