#!/usr/bin/env bash
# Runs every test of pamyatka on a fresh Debian machine with rustup; installs what it needs.
# This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== toolchain: components and the wasm32 target (the browser checks are built by build.rs)"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add wasm32-unknown-unknown
need_apt=()
command -v node >/dev/null || need_apt+=(nodejs npm)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== apt-get install ${need_apt[*]} (Debian's Chromium: the browser tests never download one)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
echo "== npm packages for the browser tests and the script checks"
npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
npm ci --prefix tests/js --no-audit --no-fund --loglevel=error

echo "== the site's scripts: type check (tsc --checkJs) and lint (ESLint)"
# Fast, and before the slow steps: tests/js/package.json runs both.
npm run --prefix tests/js --silent check

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy --package pamyatka-checks --lib --target wasm32-unknown-unknown --all-features --locked -- -D warnings

echo "== cargo test"
# Snapshots are never written here: a changed diagnostic fails the run.
INSTA_UPDATE=no cargo test --workspace --locked

echo "== build the real site and check it"
cargo run --locked --quiet -- --root . build
cargo run --locked --quiet -- --root . check

echo "== the release program for Linux: static, and it builds, checks and serves a site"
# A quick build (see scripts/dist.sh); the Windows one and its Wine test are not run here.
bash scripts/dist.sh --linux-only --smoke

echo "== the WASM module gives the native answers (Node)"
node --test tests/wasm/

echo "== browser tests in Chromium (playwright-core, /usr/bin/chromium)"
node --test --test-concurrency=1 tests/e2e/
