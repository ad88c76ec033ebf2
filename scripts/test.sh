#!/usr/bin/env bash
# Runs every test of the workspace: unit tests, the engine's integration tests
# (scenarios, property tests, the kill test, golden fixtures, the QR corpus, the
# scanner end to end) and doc tests, then the webcam code's own tests (with the
# `camera` feature; scripts/setup.sh installs the libclang it needs), the
# check that the app's TypeScript bindings (ui/src/lib/bindings.ts) are current,
# and the screens' own tests: the TypeScript type-checked strictly, and vitest
# (the engine's messages rendered by @fluent/bundle exactly as the engine does).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cargo test --workspace --locked "$@"
cargo test --locked -p counterpart-engine --features camera,ts --lib -- scan::camera command::bindings
(
  cd ui
  npm ci --no-audit --no-fund --loglevel=error
  npx tsc --noEmit
  npx vitest run
)
