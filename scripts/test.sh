#!/usr/bin/env bash
# Runs every test of the workspace: unit tests, the engine's integration tests
# (scenarios, property tests, the kill test, golden fixtures, the QR corpus, the
# scanner end to end) and doc tests, then the webcam code's own tests (with the
# `camera` feature; scripts/setup.sh installs the libclang it needs), and the
# check that the app's TypeScript bindings (ui/src/lib/bindings.ts) are current.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cargo test --workspace --locked "$@"
cargo test --locked -p counterpart-engine --features camera,ts --lib -- scan::camera command::bindings
