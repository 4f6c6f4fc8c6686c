#!/usr/bin/env bash
# Watch Objector object for a made-up person, without a Meta account and without the network:
# builds what is needed, starts the local fixture server that answers as www.facebook.com and
# help.instagram.com (test certificate made on the spot), installs the host into a throwaway HOME,
# and drives Chromium with the extension through the one-click objection.
#
# Usage: tests/e2e/demo.sh [--headless] [--browser chromium|firefox] [--out DIR]
#   A visible window when a display is available (stays open until Ctrl-C), otherwise headless;
#   screenshots go to DIR (default ./objector-demo).
# Nothing is left behind except the screenshots: the temporary HOME and certificates are removed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../.." && pwd)"
build="${OBJECTOR_BUILD_DIR:-$top/build}"

if [ ! -d "$top/tests/node_modules/puppeteer-core" ]; then
  echo "== npm dev tools (tests/package-lock.json)"
  (cd "$top/tests" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "== build ($build)"
[ -f "$build/CMakeCache.txt" ] || cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target objector-host objector objector-fixture-server -j "$(nproc)" >/dev/null

export OBJECTOR_BUILD_DIR="$build"
export OBJECTOR_E2E_SERVER="$build/tests/e2e/objector-fixture-server"
export OBJECTOR_BIN_DIR="$build/host"
export OBJECTOR_E2E_TMP="$build/tests/e2e/tmp"
export OBJECTOR_E2E_ARTIFACTS="$build/tests/e2e/artifacts"
exec node "$here/demo.mjs" "$@"
