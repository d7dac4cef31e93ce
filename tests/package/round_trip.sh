#!/usr/bin/env bash
# Usage: round_trip.sh BUILD_DIR. Exit 77 (skipped) when it cannot run here: not root, no dpkg, or a
# notrain-host package already installed (a user's own installation is never touched).
set -euo pipefail
build=$(cd "$1" && pwd)

if [ "$(id -u)" -ne 0 ] || ! command -v dpkg >/dev/null; then
  echo "skipped: needs root and dpkg"
  exit 77
fi
if dpkg-query -W -f='${Status}' notrain-host 2>/dev/null | grep -q installed; then
  echo "skipped: a notrain-host package is already installed on this machine"
  exit 77
fi

work=$(mktemp -d)
trap 'dpkg --purge notrain-host >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# Every path the package could add, as it is before: the system-wide manifest folders of the browsers
# (read from the host's own table, written under an empty root), the program and the extension.
"$build/host/notrain-host" install --system --package-root "$work/layout" --host-path /usr/bin/notrain-host >/dev/null
mapfile -t watched < <(cd "$work/layout" && find . -type f -printf '/%P\n' | xargs -n1 dirname | sort -u)
watched+=(/usr/bin/notrain-host /usr/share/notrain-extension)
# What must be as it was after the purge: each watched path with everything under it, and each of its
# parents that held something (dpkg removes an empty folder it shared with nobody, such as a bare /etc/opt).
state() {
  for path in "${watched[@]}"; do
    if [ -e "$path" ]; then find "$path" -printf '%p %M %s\n'; else echo "$path absent"; fi
    while path=$(dirname "$path"); [ "$path" != / ]; do
      [ ! -e "$path" ] || find "$path" -maxdepth 0 -not -empty -printf '%p %M\n'
    done
  done | sort -u
}
state > "$work/before"

echo "== Building the package"
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work" >/dev/null)
deb=$(ls "$work"/notrain-host_*_amd64.deb)
echo "$deb"

echo "== Installing it"
dpkg -i "$deb"
for manifest in "$work"/layout/etc/chromium/native-messaging-hosts/*.json "$work"/layout/usr/lib/mozilla/native-messaging-hosts/*.json; do
  installed=${manifest#"$work/layout"}
  cmp "$manifest" "$installed"
done
test -x /usr/bin/notrain-host
test -f /usr/share/notrain-extension/chromium/manifest.json
test -f /usr/share/notrain-extension/notrain-firefox.zip

echo "== The installed host's doctor, for the system-wide registration"
/usr/bin/notrain-host doctor --system --browser chromium --browser firefox

echo "== Purging it"
dpkg --purge notrain-host
state > "$work/after"
if ! diff -u "$work/before" "$work/after"; then
  echo "FAIL: the system differs after the purge (above)"
  exit 1
fi
echo "The package installed, registered and left nothing behind."
