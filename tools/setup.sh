#!/usr/bin/env bash
# One command for a fresh machine: install what building NoTrain needs, build the host and the extension,
# install them for this user (~/.local/bin/notrain-host and ~/.local/share/notrain-extension), register
# that host with every browser installed, check the result, and say how to load the extension.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="$HOME/.local"
host="$prefix/bin/notrain-host"
extension="$prefix/share/notrain-extension"
log=build/setup.log

# Quiet steps: their output goes to the log, shown only when a step fails.
step() {
  local title=$1
  shift
  echo "== $title"
  if ! "$@" >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "Failed: $title (the whole output is in $log)" >&2
    exit 1
  fi
}

mkdir -p build
: >"$log"
step "Installing the packages NoTrain needs to build" tools/install-deps.sh
step "Building the host and the extension" \
  bash -c 'cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOTRAIN_BUILD_TESTS=OFF -DNOTRAIN_BUILD_BENCH=OFF &&
           cmake --build build -j"$(nproc)"'
step "Installing them for you in $prefix" \
  bash -c "cmake --install build --prefix '$prefix' --component host &&
           cmake --install build --prefix '$prefix' --component extension"

echo "== Registering $host with your browsers"
registered=true
"$host" install || registered=false
echo
"$host" doctor >>"$log" 2>&1 || registered=false

echo
if $registered; then
  echo "NoTrain's host is installed as $host and registered with your browsers (details: $host doctor)."
else
  echo "Some browsers could not be registered (see above; details: $host doctor). Once fixed: $host install"
fi
echo "Load the extension: chrome://extensions (Developer mode, Load unpacked) with $extension/chromium,"
echo "or in Firefox about:debugging#/runtime/this-firefox (Load Temporary Add-on) with $extension/firefox/manifest.json."

if [ "${1:-}" = "--open" ] && command -v chromium >/dev/null 2>&1 && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  profile="${XDG_CONFIG_HOME:-$HOME/.config}/notrain-chromium-profile"
  mkdir -p "$profile"
  "$host" install --browser chromium --manifest-dir "$profile/NativeMessagingHosts" >/dev/null
  echo "Opening Chromium with NoTrain loaded, in its own profile ($profile)"
  chromium --user-data-dir="$profile" --load-extension="$extension/chromium" \
    "https://www.facebook.com/privacy/genai" >/dev/null 2>&1 &
fi
