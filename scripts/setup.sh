#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine with Node 20: system packages, npm dependencies,
# and code-server (the real VS Code the tests run in). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium ripgrep git libkrb5-dev libsecret-1-dev build-essential python3 pkg-config)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
node scripts/installCodeServer.mjs
echo "Set-up done. Run the tests with: npm test    Try the extension with: npm start"
