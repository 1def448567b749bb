#!/usr/bin/env bash
# Renders demo-seal.html to demo-seal.png (400×400, transparent) with Chromium and the WenQuanYi Zen Hei font.
# Run once by hand; the PNG is committed and the product never runs this.
set -euo pipefail
cd "$(dirname "$0")"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size=400,400 --screenshot="$PWD/demo-seal.png" "file://$PWD/demo-seal.html"
