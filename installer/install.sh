#!/usr/bin/env bash
# Objector installer for Linux and macOS: installs the build dependencies when missing, builds the
# native host and CLI, installs them (per user in ~/.local/bin, or system-wide in /usr/local/bin
# with --system), registers the host with every browser found (`objector install`), builds the
# extension for Chromium and Firefox and prints how to load it.
#
# Usage: installer/install.sh [--system] [--browser NAME]... [--build-dir DIR] [--skip-deps]
#   --build-dir DIR  build here (default: build/release in the source tree); an already
#                    configured build folder is reused as it is.
# Everything goes under $HOME (per user), so HOME may point at any folder (the tests do that).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

system=0
skip_deps=0
build="$top/build/release"
browsers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --system) system=1 ;;
    --skip-deps) skip_deps=1 ;;
    --build-dir) build="$2"; shift ;;
    --build-dir=*) build="${1#*=}" ;;
    --browser) browsers+=(--browser "$2"); shift ;;
    --browser=*) browsers+=(--browser "${1#*=}") ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$system" = 1 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "install.sh: --system needs root (sudo)" >&2; exit 1; }
  bindir=/usr/local/bin
  extdir=/usr/local/share/objector/extension
  scope=(--system)
else
  [ -n "${HOME:-}" ] || { echo "install.sh: HOME is not set" >&2; exit 1; }
  bindir="$HOME/.local/bin"
  extdir="${XDG_DATA_HOME:-$HOME/.local/share}/objector-extension"
  scope=()
fi

if [ "$skip_deps" = 0 ]; then
  # shellcheck source=deps.sh
  source "$top/installer/deps.sh"
  objector_install_deps build
fi

echo "== build ($build)"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DOBJECTOR_BUILD_TESTS=OFF >/dev/null
fi
jobs="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)"
cmake --build "$build" --target objector-host objector -j "$jobs" >/dev/null

echo "== install binaries ($bindir)"
mkdir -p "$bindir"
for exe in objector-host objector; do
  install -m 0755 "$build/host/$exe" "$bindir/$exe.tmp"
  mv -f "$bindir/$exe.tmp" "$bindir/$exe"   # atomic: a running host keeps its old file
done

echo "== register the host with your browsers"
"$bindir/objector" install "${scope[@]}" ${browsers[@]+"${browsers[@]}"} --host "$bindir/objector-host"

echo "== build the extension ($extdir)"
rm -rf "$extdir"
mkdir -p "$extdir"
if [ -f "$top/extension/build.mjs" ]; then
  node "$top/extension/build.mjs" --out "$extdir" >/dev/null
elif [ -f "$top/extension/manifest.json" ]; then
  # No build step: the source folder is loadable as it is, in both browsers.
  cp -R "$top/extension" "$extdir/chromium"
  cp -R "$top/extension" "$extdir/firefox"
else
  echo "WARNING: no extension sources in $top/extension (incomplete checkout?); the host is" >&2
  echo "installed, but there is no extension to load yet." >&2
fi

cat <<MSG

Objector is installed. Load the extension:

  Chromium, Chrome, Brave, Edge, Vivaldi, Opera:
    1. open chrome://extensions
    2. switch on "Developer mode" (top right)
    3. click "Load unpacked" and choose  $extdir/chromium

  Firefox, LibreWolf:
    1. open about:debugging#/runtime/this-firefox
    2. click "Load Temporary Add-on..." and choose  $extdir/firefox/manifest.json
       (a temporary add-on is removed when Firefox closes; for a lasting install use the signed .xpi)

Check the set-up at any time with:  $bindir/objector doctor
Remove Objector with:  $top/installer/uninstall.sh${scope[0]:+ --system}
MSG
case ":${PATH}:" in
  *":$bindir:"*) ;;
  *) echo "Note: $bindir is not on your PATH; add it to run 'objector' by name." ;;
esac
