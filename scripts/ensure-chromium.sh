#!/usr/bin/env bash
# The browser tests drive Debian's chromium package (never a browser download, which fails offline).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
echo "Chromium is not installed at $browser; installing Debian's chromium package."
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
elif command -v sudo >/dev/null; then
  sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
else
  echo "Cannot install chromium without root. Install Debian's 'chromium' package, or set CHROMIUM_PATH." >&2
  exit 1
fi
