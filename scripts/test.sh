#!/usr/bin/env bash
# Runs every test: the screens first (npm ci, svelte-check and tsc --strict,
# vitest, then the production build that the app embeds), then every Rust test
# of the workspace (unit tests, the engine's scenarios, property tests, the kill
# test, golden fixtures, the QR corpus, the sync server against a real process,
# and the app's end-to-end tests: the real window under Xvfb through
# tauri-driver), then the webcam code's own tests (the `camera` feature) and
# the check that ui/src/lib/bindings.ts is current, and that the cloud server
# builds on its own.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
(
  cd ui
  npm ci --no-audit --no-fund --loglevel=error
  npm run --silent check
  npx vitest run
  # The app embeds ui/dist when it is compiled: build it before any cargo step.
  npx vite build --logLevel warn
)
cargo test --workspace --locked "$@"
cargo test --locked -p counterpart-engine --features camera,ts --lib -- scan::camera command::bindings
# The cloud server as it is deployed (`cargo build --release -p counterpart-cloud`)
# takes the engine without the till's features: it must build on its own,
# which the workspace build above cannot show (it unifies the features).
cargo check --locked -p counterpart-cloud
