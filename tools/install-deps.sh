#!/usr/bin/env bash
# Installs what NoTrain needs on Debian 12 (or newer): the compiler, CMake and libraries for the host,
# Node.js packages for the extension's build and tests, and with --tests the browsers and tools the
# test suite drives. Safe to run again: apt and npm skip what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

for_tests=false
[ "${1:-}" = "--tests" ] && for_tests=true

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

packages=(cmake g++ make pkg-config nlohmann-json3-dev libboost1.81-dev libsqlitecpp-dev libsqlite3-dev
          libminizip-dev nettle-dev libcli11-dev libhowardhinnant-date-dev doctest-dev sqlite3 ca-certificates)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
if $for_tests; then
  # Real browsers for the end-to-end tests (chromium-l10n: its interface in fr/nl/de), openssl for the
  # test site's certificate, clang for fuzzing (and clang-format, clang-tidy for the C++ lint), python3 for the benchmark's reference host.
  packages+=(chromium chromium-l10n firefox-esr openssl fonts-liberation libnss3-tools clang libclang-rt-14-dev
            clang-format clang-tidy python3)
fi

echo "Installing Debian packages: ${packages[*]}"
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"

# Build and test tooling only; the extension itself has no npm dependency at run time. Playwright must never
# download a browser: the tests drive Debian's chromium. Skipped when node_modules already holds exactly what
# package-lock.json names (the copy kept beside it after the last install).
stamp=node_modules/.notrain-package-lock.json
if cmp -s package-lock.json "$stamp"; then
  echo "npm packages: up to date"
else
  echo "Installing npm packages (package-lock.json)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --no-update-notifier --loglevel=error
  cp package-lock.json "$stamp"
fi
