#!/usr/bin/env bash
# Set-up on a fresh Debian machine with Node 20: system packages, npm dependencies, and
# code-server (the real VS Code the tests run in). Safe to run again.
#   bash scripts/setup.sh              everything (npm ci always runs)
#   bash scripts/setup.sh --if-needed  only what is missing (npm start and npm test call this,
#                                      so each works on a fresh clone as the first command)
set -euo pipefail
cd "$(dirname "$0")/.."
IF_NEEDED=false
[ "${1:-}" = "--if-needed" ] && IF_NEEDED=true

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

# npm leaves node_modules/.package-lock.json behind; newer than the lock file means installed.
if ! $IF_NEEDED || [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
node scripts/installCodeServer.mjs
$IF_NEEDED || echo "Set-up done. Run the tests with: npm test    Try the extension with: npm start"
