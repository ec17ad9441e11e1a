#!/usr/bin/env bash
# Installs what building Koers needs, idempotently: the WASM target,
# cargo-leptos and the wasm-bindgen CLI matching Cargo.lock. With --tests it
# also installs what the test suite needs: Debian's Chromium, aiosmtpd (a
# real SMTP server the tests send mail to), moto (a real S3-compatible
# server, from PyPI), PostgreSQL's
# server binaries when no server answers on 127.0.0.1:5432, and the npm
# packages of end2end/. Everything comes from the package registries (crates,
# npm, PyPI, Debian) and the Rust toolchain server: nothing is downloaded from
# anywhere else, so `npx playwright install` is never run.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10 # 0.3.11 needs rustc 1.96
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

step() { printf '\n==> %s\n' "$*"; }

# A quicker release build of the tools: they orchestrate the build, their
# own speed hardly matters, and a cold CI machine saves several minutes.
quick_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=0 \
    cargo install "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  step "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 20 minutes, once per machine)"
  quick_install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 8 minutes, once per machine)"
  # Without --locked: its lock file names a webpki-roots release the registry no longer serves.
  quick_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

[ "${1:-}" = "--tests" ] || exit 0

apt_packages=()
command -v chromium >/dev/null || apt_packages+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || apt_packages+=(python3-aiosmtpd)
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_packages+=(postgresql postgresql-client)
elif ! command -v pg_dump >/dev/null; then
  # The backup tests dump and restore a PostgreSQL schema.
  apt_packages+=(postgresql-client)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  step "installing ${apt_packages[*]} from Debian"
  sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq "${apt_packages[@]}"
fi

# moto's S3-compatible server, which the storage tests run as a real
# process, in the project's own Python environment (from PyPI).
MOTO_VERSION=5.2.1
if [ "$(target/tools/moto/bin/python -c 'import moto; print(moto.__version__)' 2>/dev/null)" != "$MOTO_VERSION" ]; then
  step "installing moto $MOTO_VERSION (an S3-compatible server for the tests) from PyPI"
  python3 -m venv target/tools/moto
  target/tools/moto/bin/pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi

if [ ! -d end2end/node_modules ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  step "installing the end-to-end test packages"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
