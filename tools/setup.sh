#!/usr/bin/env bash
# One command for a fresh machine: install what NoTrain needs, build the host and the extension,
# register the host with every browser found, and say how to load the extension.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOTRAIN_BUILD_TESTS=OFF
cmake --build build -j"$(nproc)"

echo
echo "== Registering the NoTrain host with your browsers"
if ! build/host/notrain-host install; then
  echo "Some browsers could not be registered (see above). Once a browser is installed, or the problem is"
  echo "fixed, run: $root/build/host/notrain-host install"
fi
echo
echo "== Checking the registration"
build/host/notrain-host doctor || true

cat <<TEXT

== Loading the extension
Chrome, Chromium, Edge, Brave, Vivaldi, Opera:
  1. open chrome://extensions (edge://extensions, brave://extensions, ...)
  2. switch on "Developer mode"
  3. click "Load unpacked" and choose: $root/build/extension/chromium
Firefox:
  1. open about:debugging#/runtime/this-firefox
  2. click "Load Temporary Add-on..." and choose: $root/build/extension/firefox/manifest.json
  (or install the signed package from the store once it is published)

Then click the NoTrain icon: it shows what to do on each Meta page.
Your stored confirmations: build/host/notrain-host list   (and: export --format csv --output proof.csv)
TEXT

if [ "${1:-}" = "--open" ] && command -v chromium >/dev/null 2>&1 && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  profile="${XDG_CONFIG_HOME:-$HOME/.config}/notrain-chromium-profile"
  mkdir -p "$profile"
  build/host/notrain-host install --browser chromium --manifest-dir "$profile/NativeMessagingHosts"
  echo "Opening Chromium with NoTrain loaded, in its own profile ($profile)"
  chromium --user-data-dir="$profile" --load-extension="$root/build/extension/chromium" \
    "https://www.facebook.com/privacy/genai" >/dev/null 2>&1 &
fi
