#!/usr/bin/env bash
# Packages the extension for distribution: a Chrome Web Store zip and a Firefox .xpi, both made by
# `web-ext build` (tests/node_modules/.bin/web-ext) from the per-browser folders of the extension's
# build script (or from extension/ itself when it has no build step).
# Usage: installer/package-extension.sh [OUTDIR]   (default: build/packages)
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "${1:-$top/build/packages}" && cd "${1:-$top/build/packages}" && pwd)"
webext="$top/tests/node_modules/.bin/web-ext"
[ -x "$webext" ] || { echo "package-extension.sh: run 'npm ci' in tests/ first (web-ext missing)" >&2; exit 1; }
version="$(sed -n 's/^project(objector VERSION \([0-9.]*\).*/\1/p' "$top/CMakeLists.txt")"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
if [ -f "$top/extension/build.mjs" ]; then
  node "$top/extension/build.mjs" --out "$stage" >/dev/null
elif [ -f "$top/extension/manifest.json" ]; then
  cp -R "$top/extension" "$stage/chromium"
  cp -R "$top/extension" "$stage/firefox"
else
  echo "package-extension.sh: no extension sources in $top/extension" >&2
  exit 1
fi
"$webext" build --source-dir "$stage/chromium" --artifacts-dir "$out" \
  --filename "objector-chromium-$version.zip" --overwrite-dest >/dev/null
"$webext" build --source-dir "$stage/firefox" --artifacts-dir "$out" \
  --filename "objector-firefox-$version.xpi" --overwrite-dest >/dev/null
echo "$out/objector-chromium-$version.zip"
echo "$out/objector-firefox-$version.xpi"
