#!/usr/bin/env bash
# Builds the .deb with CPack and checks its contents: both binaries and the three system-wide
# manifests, each naming /usr/bin/objector-host with the extension's ids. Then, only as root with
# CI=true (it changes the machine), installs it with dpkg -i, runs `objector doctor` on a
# temporary HOME (the host must answer; the only problems named are the extension's, which the
# .deb does not carry), and removes the package again.
# Usage: deb_test.sh BUILD_DIR
set -euo pipefail
build="$1"
top="$(cd "$(dirname "$0")/../.." && pwd)"
ids="$top/manifests/ids.json"
json_get() { sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p" "$ids"; }
chromium_id="$(json_get chromium_id)"
gecko_id="$(json_get gecko_id)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb="$(ls "$work"/pkg/*.deb)"
echo "built $(basename "$deb")"
dpkg-deb -x "$deb" "$work/root"
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }
check "objector-host is in /usr/bin" "[ -x '$work/root/usr/bin/objector-host' ]"
check "objector is in /usr/bin" "[ -x '$work/root/usr/bin/objector' ]"
for m in etc/chromium/native-messaging-hosts etc/opt/chrome/native-messaging-hosts; do
  f="$work/root/$m/org.objector.host.json"
  check "$m manifest names /usr/bin/objector-host" "grep -q '\"path\": \"/usr/bin/objector-host\"' '$f'"
  check "$m manifest allows chrome-extension://$chromium_id/" "grep -q 'chrome-extension://$chromium_id/\"' '$f'"
done
f="$work/root/usr/lib/mozilla/native-messaging-hosts/org.objector.host.json"
check "Firefox manifest names /usr/bin/objector-host" "grep -q '\"path\": \"/usr/bin/objector-host\"' '$f'"
check "Firefox manifest allows $gecko_id" "grep -q '\"$gecko_id\"' '$f'"
check "package depends on the shared libraries it links" "dpkg-deb -f '$deb' Depends | grep -q libsqlite3"
[ "$fail" = 0 ] || exit 1

if [ "$(id -u)" -ne 0 ] || [ "${CI:-}" != true ]; then
  echo "dpkg -i step not run: it needs root and CI=true (it installs the package on this machine)"
  exit 0
fi
if dpkg-query -W -f='${Status}' objector 2>/dev/null | grep -q 'install ok installed'; then
  echo "FAIL: a package named objector is already installed; not touching it"
  exit 1
fi
dpkg -i "$deb"
trap 'dpkg -r objector >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir -p "$work/home"
rc=0
out="$(HOME="$work/home" /usr/bin/objector doctor --browser chromium --browser firefox 2>&1)" || rc=$?
echo "$out"
problems="$(printf '%s\n' "$out" | grep -c 'PROBLEM \[' || true)"
missing="$(printf '%s\n' "$out" | grep -c 'PROBLEM \[extension not installed\]' || true)"
answered="$(printf '%s\n' "$out" | grep -c 'ok: host answered hello' || true)"
if [ "$rc" -ne 1 ] || [ "$answered" -ne 2 ] || [ "$problems" -ne "$missing" ]; then
  echo "FAIL: after dpkg -i, doctor should find the host answering for both browsers and name only the missing extension"
  exit 1
fi
echo "ok: after dpkg -i the host answers both browsers; doctor names only the extension, which the .deb does not carry"
