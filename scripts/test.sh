#!/usr/bin/env bash
# Runs every test of the workspace: unit tests, the engine's integration tests
# (scenarios, property tests, the kill test, golden fixtures) and doc tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked "$@"
