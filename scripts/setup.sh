#!/usr/bin/env bash
# Installs what building and testing need beyond Rust, idempotently and quietly
# when everything is there already:
# - WebKitGTK 4.1 and GTK 3 (the desktop app, Tauri 2), Xvfb and WebKitWebDriver
#   (the app's end-to-end tests), libclang (the webcam binding's bindgen),
#   e2fsprogs (chattr: the recovery tests make a folder read-only even for root),
#   poppler-utils (pdftotext, pdffonts, pdftoppm: the reports' PDF tests read
#   what a PDF says and which fonts it embeds);
# - tauri-driver 2 (a cargo install: without `^2` cargo takes the 3.0 alpha);
# - a PostgreSQL server on 127.0.0.1:5432 (user postgres, trust auth, database
#   `test`) for the sync server's PostgreSQL tests, installed and started from
#   Debian's package only when nothing answers there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "this needs root: $*" >&2; exit 1; fi; }
apt_install() {
  as_root apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 \
    || { as_root apt-get update >/dev/null && as_root apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

missing=()
for pkg in build-essential pkg-config file libwebkit2gtk-4.1-dev libclang-dev xvfb xauth webkit2gtk-driver e2fsprogs poppler-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  apt_install "${missing[@]}"
fi

if ! command -v tauri-driver >/dev/null && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "== installing tauri-driver 2 (for the app's end-to-end tests)"
  cargo install tauri-driver --locked --version '^2' --quiet
fi

pg_answers() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if ! pg_answers; then
  echo "== starting PostgreSQL for the sync server's tests"
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    apt_install postgresql
  fi
  version=$(ls /etc/postgresql | sort -V | tail -1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # Tests connect over TCP as postgres without a password: trust loopback only.
  if ! as_root grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    as_root sed -i -e '1i host all all ::1/128 trust' -e '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
    || as_root pg_ctlcluster --skip-systemctl-redirect "$version" main restart
  for _ in $(seq 1 30); do pg_answers && break; sleep 1; done
  pg_answers || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
fi
# The tests' own databases are created from `test`; make sure it is there.
if command -v psql >/dev/null; then
  if ! psql -h 127.0.0.1 -U postgres -d test -Atc 'SELECT 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -c 'CREATE DATABASE test' >/dev/null
  fi
fi

# The screens' tests run on Node 20 or newer (vitest 4) with npm.
if ! command -v npm >/dev/null || ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  echo "Node.js 20 or newer with npm is needed for the screens' tests (ui/); install it first" >&2
  exit 1
fi
