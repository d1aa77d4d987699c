#!/usr/bin/env bash
# Runs every test of pamyatka on a fresh Debian machine with rustup; installs what it needs.
# This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== toolchain: components and the wasm32 target (the browser checks are built by build.rs)"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add wasm32-unknown-unknown
command -v node >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs; }

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy --package pamyatka-checks --lib --target wasm32-unknown-unknown --locked -- -D warnings

echo "== cargo test"
# Snapshots are never written here: a changed diagnostic fails the run.
INSTA_UPDATE=no cargo test --workspace --locked

echo "== build the real site and check it"
cargo run --locked --quiet -- --root . build
cargo run --locked --quiet -- --root . check

echo "== the WASM module gives the native answers (Node)"
node --test tests/wasm/
