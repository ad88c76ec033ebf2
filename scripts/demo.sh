#!/usr/bin/env bash
# Installs what is missing, builds the till app and starts it on the demo shop:
# a café with the points example, a few hundred customers with history and a
# replayed camera that holds the regulars' cards up every few seconds. The
# shop is kept in the app's data folder (~/.local/share/app.counterpart.till/);
# `--fresh` starts it again from nothing. The command-line walk-through of the
# same engine is scripts/demo-cli.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
(
  cd ui
  npm ci --no-audit --no-fund --loglevel=error
  npx vite build --logLevel warn
)
cargo build --locked -p counterpart-till
data="${XDG_DATA_HOME:-$HOME/.local/share}/app.counterpart.till"
if [ "${1:-}" = "--fresh" ]; then
  rm -f "$data"/demo-shop.db "$data"/demo-shop.db-wal "$data"/demo-shop.db-shm
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'TXT'
There is no display here. Run the app under Xvfb (installed by scripts/setup.sh):
  Xvfb :99 -screen 0 1024x768x24 -nolisten tcp &
  DISPLAY=:99 target/debug/counterpart-till --demo &
and, after a few seconds (a demo card is held up every few seconds), look at it
with a screenshot (`import` is ImageMagick's: apt-get install -y imagemagick):
  DISPLAY=:99 import -window root demo.png
or run the end-to-end tests, which save every screen under target/e2e/:
  cargo test -p counterpart-till --test e2e
TXT
  exit 1
fi
exec target/debug/counterpart-till --demo
