#!/usr/bin/env bash
# Objector's one test command: installs what is missing (Debian packages, npm dev tools),
# configures, builds, and runs every test through CTest (C++ units, host integration,
# Node/jsdom tests of the extension, and real headless Chromium and Firefox ESR).
# Usage: tests/run.sh [extra ctest arguments, e.g. -R host]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/.." && pwd)"
build="${OBJECTOR_BUILD_DIR:-$top/build}"

# shellcheck source=../installer/deps.sh
source "$top/installer/deps.sh"
objector_install_deps test

echo "== npm dev tools (tests/package-lock.json)"
if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "== configure and build ($build)"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"

echo "== tests"
cd "$build"
exec ctest --output-on-failure --timeout 600 "$@"
