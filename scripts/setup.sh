#!/usr/bin/env bash
# Installs what building every feature needs beyond Rust: libclang, for the
# webcam binding's bindgen (the `camera` feature). Idempotent and quiet when
# everything is there already.
set -euo pipefail
if ls /usr/lib/llvm-*/lib/libclang.so* >/dev/null 2>&1; then
  exit 0
fi
echo "== installing libclang-dev (for the webcam binding)"
export DEBIAN_FRONTEND=noninteractive
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "libclang-dev is missing: install it as root (apt-get install libclang-dev)" >&2; exit 1; fi; }
as_root apt-get install -y --no-install-recommends libclang-dev >/dev/null 2>&1 \
  || { as_root apt-get update >/dev/null && as_root apt-get install -y --no-install-recommends libclang-dev >/dev/null; }
