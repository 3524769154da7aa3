#!/usr/bin/env bash
# Installs what the browser and notebook checks need: Debian's chromium, and fonts with Arabic and
# Persian glyphs for charts. Prints the browser's path. Needs root (or sudo) the first time only.
set -euo pipefail
packages=(chromium fonts-dejavu-core fonts-noto-core)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..." >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi
command -v chromium
