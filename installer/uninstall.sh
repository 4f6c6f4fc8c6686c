#!/usr/bin/env bash
# Undoes installer/install.sh: unregisters the host from every browser (`objector uninstall`,
# which removes exactly the files, prefs and keys it wrote: host manifests, external-extension
# files, the add-on in each Firefox profile and its user.js block), then the signing key, the
# binaries and the built extension, and the loopback agent's user service (stopped first). The
# history database stays unless --purge is given.
# Usage: installer/uninstall.sh [--system] [--purge]
set -euo pipefail
system=0
purge=()
while [ $# -gt 0 ]; do
  case "$1" in
    --system) system=1 ;;
    --purge) purge=(--purge) ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
if [ "$system" = 1 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "uninstall.sh: --system needs root (sudo)" >&2; exit 1; }
  bindir=/usr/local/bin
  extdir=/usr/local/share/objector/extension
  keydir=/var/lib/objector
  scope=(--system)
else
  bindir="$HOME/.local/bin"
  extdir="${XDG_DATA_HOME:-$HOME/.local/share}/objector-extension"
  case "${XDG_DATA_HOME:-}" in /*) keydir="$XDG_DATA_HOME/objector" ;; *) keydir="$HOME/.local/share/objector" ;; esac
  keydir="${OBJECTOR_DATA_DIR:-$keydir}"
  scope=()
fi

status=0
if [ "$system" = 0 ]; then
  # shellcheck source=agent-service.sh
  source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/agent-service.sh"
  objector_agent_remove
fi
# The key goes first: `objector uninstall` removes the data folder when nothing but it is left.
key_kept="$(mktemp)"
[ -f "$keydir/extension-key.pem" ] && mv "$keydir/extension-key.pem" "$key_kept"
if [ -x "$bindir/objector" ]; then
  "$bindir/objector" uninstall "${scope[@]}" ${purge[@]+"${purge[@]}"} || status=$?
else
  echo "uninstall.sh: $bindir/objector not found; nothing to unregister" >&2
fi
if [ "$status" -ne 0 ]; then
  [ -s "$key_kept" ] && mv "$key_kept" "$keydir/extension-key.pem"
  rm -f "$key_kept"
  echo "uninstall.sh: 'objector uninstall' reported problems; binaries kept so you can retry" >&2
  exit "$status"
fi
rm -f "$key_kept"
[ "$system" = 1 ] && rmdir "$keydir" 2>/dev/null || true
rm -f "$bindir/objector" "$bindir/objector-host"
rm -rf "$extdir"
[ "$system" = 1 ] && rmdir /usr/local/share/objector 2>/dev/null || true
for d in "$bindir" "$(dirname "$extdir")"; do rmdir "$d" 2>/dev/null || true; done
echo "Objector removed."
