#!/usr/bin/env bash
# Sets up a demo shop and walks through a morning at the till with the command line.
# Everything lands in ./demo-shop/ (delete it to start again).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked -p counterpart-engine --bin counterpart
C="target/debug/counterpart"
mkdir -p demo-shop
export COUNTERPART_DB="demo-shop/shop.db"
if [ ! -f "$COUNTERPART_DB" ]; then
  $C init --shop "Demo Café" --currency USD --timezone America/New_York --day-starts-at 4
  $C program publish examples/programs/points-cafe.toml
  $C demo-data --customers 2000 --events 20000
fi
echo "--- a new customer enrols"
card=$($C --json enroll --name "Demo Customer" --phone "+1 555 010 0000" --tag student \
  | grep -o '"cards":\["[0-9a-f]*' | grep -o '[0-9a-f]\{32\}')
echo "card $card"
echo "--- two visits (the second sent twice with the same key: recorded once)"
$C visit --card "$card" --amount 4.50 --item latte:coffee
$C visit --card "$card" --amount 96.00 --key demo-visit-2
$C visit --card "$card" --amount 96.00 --key demo-visit-2
echo "--- a drink for 100 points"
$C redeem --card "$card" drink
echo "--- bad input is refused and changes nothing"
$C visit --card "$card" --amount -5 || echo "(exit $?)"
$C redeem --card "$card" drink || echo "(exit $?)"
echo "--- the card, held up to a (replayed) camera, finds the customer"
rm -rf demo-shop/frames && mkdir -p demo-shop/frames
$C card qr --card "$card" --out demo-shop/frames/f1-card.png
cp ../shared/corpus/qr/webcam-dev-640x480/m000.jpg demo-shop/frames/f0-other-qr.jpg 2>/dev/null || true
$C scan --replay demo-shop/frames --fps 30
echo "--- a sheet of new cards to print: demo-shop/sheets/cards-01.svg"
$C card sheet --count 10 --out demo-shop/sheets
echo "--- the ledger and the projections agree"
$C rebuild
