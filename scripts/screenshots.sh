#!/usr/bin/env bash
# Regenerates screenshots/*.png from real renders of the app: the example
# draws each screen with the app's own code into a 120x40 buffer and writes
# it as SVG with its colours; headless Chromium turns each into a PNG (it
# draws colour emoji, which SVG converters do not).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! fc-list | grep -qi "noto color emoji" || ! fc-list | grep -qi "dejavu sans mono"; then
  apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core fonts-noto-color-emoji >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run -q --release --example screenshots -- "$tmp" >/dev/null
for svg in "$tmp"/*.svg; do
  name=$(basename "$svg" .svg)
  size=$(sed -n 's/^<svg [^>]*width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p' "$svg")
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --hide-scrollbars --window-size="$size" \
    --screenshot="screenshots/$name.png" "file://$svg" >/dev/null 2>&1
  echo "screenshots/$name.png"
done
