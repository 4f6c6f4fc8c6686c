#!/usr/bin/env bash
# Refreshes the committed screenshots (tests/e2e/screenshots/, used by the README) from a run of
# the objection and outbox flows in both browsers. Usage: tests/e2e/update-screenshots.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-${OBJECTOR_BUILD_DIR:-$here/../../build}}"
cd "$build"
OBJECTOR_E2E_SCREENSHOTS="$here/screenshots" ctest --output-on-failure -R 'e2e\.(objection|outbox)\.'
ls -1 "$here/screenshots"
