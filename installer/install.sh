#!/usr/bin/env bash
# Objector installer for Linux and macOS: installs the build dependencies when missing, builds the
# native host and CLI, installs them (per user in ~/.local/bin, or system-wide in /usr/local/bin
# with --system), builds the extension, signs a .crx with a key made on this machine (0600, in
# the data folder) and zips an .xpi, then `objector install` registers the host and puts the
# extension into every browser found, for good (installer/README.md: which route, which browser).
#
# Usage: installer/install.sh [--system] [--browser NAME]... [--build-dir DIR] [--skip-deps] [--no-open] [--agent]
#   --build-dir DIR  build here (default: build/release in the source tree); an already
#                    configured build folder is reused as it is.
#   --no-open        do not start the browsers afterwards (they show Objector's first-run page)
#   --host-only      register the host only, put no extension into the browsers (for developers
#                    and tests that load the extension themselves)
#   --agent          also run the loopback agent as a systemd user service (automatic when a Snap
#                    or Flatpak Chromium is found: those cannot start the host; per user only)
# Everything goes under $HOME (per user), so HOME may point at any folder (the tests do that).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

system=0
skip_deps=0
open_browsers=1
host_only=0
agent=0
build="$top/build/release"
browsers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --system) system=1 ;;
    --skip-deps) skip_deps=1 ;;
    --no-open) open_browsers=0 ;;
    --host-only) host_only=1; open_browsers=0 ;;
    --agent) agent=1 ;;
    --build-dir) build="$2"; shift ;;
    --build-dir=*) build="${1#*=}" ;;
    --browser) browsers+=(--browser "$2"); shift ;;
    --browser=*) browsers+=(--browser "${1#*=}") ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$system" = 1 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "install.sh: --system needs root (sudo)" >&2; exit 1; }
  bindir=/usr/local/bin
  extdir=/usr/local/share/objector/extension
  keydir=/var/lib/objector
  scope=(--system)
else
  [ -n "${HOME:-}" ] || { echo "install.sh: HOME is not set" >&2; exit 1; }
  bindir="$HOME/.local/bin"
  extdir="${XDG_DATA_HOME:-$HOME/.local/share}/objector-extension"
  # The host's data-folder rule (host/base/paths_posix.cc): the key lives beside the history.
  case "${XDG_DATA_HOME:-}" in /*) keydir="$XDG_DATA_HOME/objector" ;; *) keydir="$HOME/.local/share/objector" ;; esac
  keydir="${OBJECTOR_DATA_DIR:-$keydir}"
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

# The loopback agent, for browsers that cannot start the host (installer/agent-service.sh).
# shellcheck source=agent-service.sh
source "$top/installer/agent-service.sh"
if [ "$system" = 0 ] && { [ "$agent" = 1 ] || objector_sandboxed_chromium; }; then
  echo "== loopback agent (systemd user service)"
  objector_agent_install "$bindir/objector" "$keydir" "$top"
elif [ "$agent" = 1 ]; then
  echo "Note: --agent is per user: run installer/install.sh --agent (without --system) as each user who needs it."
fi

echo "== build the extension ($extdir)"
rm -rf "$extdir"
mkdir -p "$extdir"
node "$top/extension/build.mjs" --out "$extdir" >/dev/null
if [ "$host_only" = 1 ]; then
  echo "== register the host (--host-only: no extension put into the browsers)"
  "$bindir/objector" install "${scope[@]}" ${browsers[@]+"${browsers[@]}"} --host "$bindir/objector-host"
  exit 0
fi
id="$(node "$top/installer/pack.mjs" crx3 --source "$extdir/chromium" --key "$keydir/extension-key.pem" \
      --out "$extdir/objector.crx")"
node "$top/installer/pack.mjs" xpi --source "$extdir/firefox" --out "$extdir/objector.xpi"

# Firefox keeps add-ons per profile. A Firefox never started has none yet: start it once,
# headless, so that it makes the profile it will use (as its first start would).
firefox=""
if [ "$system" = 0 ]; then
  for ff in firefox-esr firefox; do command -v "$ff" >/dev/null && { firefox="$ff"; break; }; done
fi
firefox_start() {  # one headless start and clean exit on this HOME's default profile
  local shot
  shot="$(mktemp)"
  timeout 60 "$firefox" --headless --screenshot "$shot" about:blank >/dev/null 2>&1 || true
  rm -f "$shot"
}
firefox_running() {  # a live process holds the lock of one of this HOME's profiles
  local lock target
  for lock in "$HOME"/.mozilla/firefox/*/lock "${XDG_CONFIG_HOME:-$HOME/.config}"/mozilla/firefox/*/lock; do
    [ -L "$lock" ] || continue
    target="$(readlink "$lock")"
    kill -0 "${target##*+}" 2>/dev/null && return 0
  done
  return 1
}
if [ -n "$firefox" ] && [ ! -f "$HOME/.mozilla/firefox/profiles.ini" ] &&
   [ ! -f "${XDG_CONFIG_HOME:-$HOME/.config}/mozilla/firefox/profiles.ini" ]; then
  echo "== first start of $firefox (headless) to make its profile"
  firefox_start
fi

echo "== register the host and add the extension"
"$bindir/objector" install "${scope[@]}" ${browsers[@]+"${browsers[@]}"} --host "$bindir/objector-host" \
  --extension "$extdir" --extension-id "$id"

if [ -n "$firefox" ] && firefox_running; then
  echo "Note: $firefox is running: it takes in the add-on at its next start and runs it from the one after."
fi

echo
echo "Objector is installed. Chromium runs it from its next start and opens the first-run page (email,"
echo "country, language); Firefox takes it in at its next start and runs it from the one after."
echo "Check: $bindir/objector doctor   Remove: $top/installer/uninstall.sh${scope[0]:+ --system}"
case ":${PATH}:" in
  *":$bindir:"*) ;;
  *) echo "Note: $bindir is not on your PATH; add it to run 'objector' by name." ;;
esac
if [ "$open_browsers" = 1 ] && [ "$system" = 0 ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  for b in chromium firefox-esr; do
    command -v "$b" >/dev/null && { setsid "$b" >/dev/null 2>&1 < /dev/null & }
  done
fi
