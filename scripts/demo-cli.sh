#!/usr/bin/env bash
# Sets up a demo shop and walks through a morning at the till with the command line.
# Everything lands in ./demo-shop/ (delete it to start again).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked -p counterpart-cli --bin counterpart -p counterpart-cloud --bin counterpart-cloud
C="target/debug/counterpart"
S="target/debug/counterpart-cloud"
mkdir -p demo-shop
export COUNTERPART_DB="demo-shop/shop.db"
if [ ! -f "$COUNTERPART_DB" ]; then
  $C init --shop "Demo Café" --currency USD --timezone America/New_York --day-starts-at 4
  $C program publish examples/programs/points-cafe.toml
  $C demo-data --customers 2000 --events 20000
fi
echo "--- a new customer enrols"
card=$($C --json enrol --name "Demo Customer" --phone "+1 555 010 0000" --tag student \
  | grep -o '"cards":\["[0-9a-f]*' | grep -o '[0-9a-f]\{32\}')
echo "card $card"
echo "--- two visits (the second sent twice with the same key: recorded once)"
$C visit --card "$card" --amount 4.50 --item latte:coffee
$C visit --card "$card" --amount 96.00 --key "demo-visit-2-$card"
$C visit --card "$card" --amount 96.00 --key "demo-visit-2-$card"
echo "--- a drink for 100 points"
$C redeem --card "$card" drink
echo "--- bad input is refused and changes nothing"
$C visit --card "$card" --amount -5 || echo "(exit $?)"
$C redeem --card "$card" caviar || echo "(exit $?)"
$C visit --card "CP1.NOTACARD" --amount 4.50 || echo "(exit $?)"
echo "--- the card, held up to a (replayed) camera, finds the customer"
rm -rf demo-shop/frames && mkdir -p demo-shop/frames
$C card qr --card "$card" --out demo-shop/frames/f1-card.png
cp ../shared/corpus/qr/webcam-dev-640x480/m000.jpg demo-shop/frames/f0-other-qr.jpg 2>/dev/null || true
$C scan --replay demo-shop/frames --fps 30
echo "--- a sheet of new cards to print: demo-shop/sheets/cards-01.svg"
$C card sheet --count 10 --out demo-shop/sheets
echo "--- the ledger and the projections agree"
$C rebuild

echo "--- the cloud: a sync server for the shop (demo-shop/cloud.db, http://127.0.0.1:8780)"
export COUNTERPART_CLOUD_DB="sqlite:demo-shop/cloud.db"
URL="http://127.0.0.1:8780"
$S serve --listen 127.0.0.1:8780 > demo-shop/cloud.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/8780) 2>/dev/null && break; sleep 0.1; done
if [ ! -f demo-shop/merchant.txt ]; then
  $S --json merchant create --name "Demo Café" --currency USD --timezone America/New_York --day-starts-at 4 \
    | grep -o '"merchant":"[^"]*' | cut -d'"' -f4 > demo-shop/merchant.txt
fi
merchant=$(cat demo-shop/merchant.txt)
code() { $S --json pairing-code --merchant "$merchant" --server-url "$URL" | grep -o '"code":"[^"]*' | cut -d'"' -f4; }
if ! $C --json sync --status | grep -q '"paired":true'; then
  echo "--- pair this till (it sends the shop's history up)"
  $C pair "$(code)" --server "$URL" --name "Till 1"
fi
T2="demo-shop/till2.db"
if [ ! -f "$T2" ]; then
  echo "--- a second till is paired: it gets the program, the tills' keys and every customer"
  $C --db "$T2" pair "$(code)" --server "$URL" --name "Till 2"
fi
$C sync --once
$C --db "$T2" sync --once
echo "--- a customer with points for one drink, seen by both tills"
card2=$($C --json enrol --name "Two Tills" | grep -o '"cards":\["[0-9a-f]*' | grep -o '[0-9a-f]\{32\}')
# (an adjustment, not a visit: no early-bird or tier multiplier, so exactly one drink at any hour)
$C adjust --card "$card2" --account points --amount 130 --reason "demo: points for one drink" >/dev/null
$C sync --once >/dev/null && $C --db "$T2" sync --once >/dev/null
echo "--- before either till syncs again (as if the network were down), each serves that last drink"
$C redeem --card "$card2" drink
$C --db "$T2" redeem --card "$card2" drink
echo "--- back online: both drinks stand, the server flags the overdraw once, both tills agree"
$C sync --once && $C --db "$T2" sync --once && $C sync --once
$C --db "$T2" customer show --card "$card2"
$C sync --status

echo "--- staff and roles (demo-shop/staffed.db): a manager sets up, a barista serves"
rm -f demo-shop/staffed.db demo-shop/staffed.db-wal demo-shop/staffed.db-shm
S1="demo-shop/staffed.db"
COUNTERPART_NEW_PIN=246813 $C --db "$S1" init --shop "Staffed Café" --currency USD \
  --timezone America/New_York --manager Mia
export COUNTERPART_STAFF=Mia COUNTERPART_PIN=246813
$C --db "$S1" program publish examples/programs/points-cafe.toml >/dev/null
COUNTERPART_NEW_PIN=1357 $C --db "$S1" staff add Bo --role barista
$C --db "$S1" staff list
export COUNTERPART_STAFF=Bo COUNTERPART_PIN=1357
card3=$($C --db "$S1" --json enrol --name "Ola" | grep -o '"cards":\["[0-9a-f]*' | grep -o '[0-9a-f]\{32\}')
echo "--- Bo records a visit, told in Polish"
$C --db "$S1" --lang pl visit --card "$card3" --amount 12.00
echo "--- Bo may not adjust a balance (auth.forbidden, nothing changed)"
$C --db "$S1" adjust --card "$card3" --account points --amount 500 --reason "a friend" || echo "(exit $?)"
echo "--- the manager's audit"
COUNTERPART_STAFF=Mia COUNTERPART_PIN=246813 $C --db "$S1" audit
