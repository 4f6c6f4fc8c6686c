#!/usr/bin/env bash
# Undoes installer/install.sh: unregisters the host from every browser (`objector uninstall`,
# which removes exactly the files and keys it wrote), then removes the binaries and the built
# extension. The history database stays unless --purge is given.
# Usage: installer/uninstall.sh [--system] [--purge]
set -euo pipefail
system=0
purge=()
while [ $# -gt 0 ]; do
  case "$1" in
    --system) system=1 ;;
    --purge) purge=(--purge) ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
if [ "$system" = 1 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "uninstall.sh: --system needs root (sudo)" >&2; exit 1; }
  bindir=/usr/local/bin
  extdir=/usr/local/share/objector/extension
  scope=(--system)
else
  bindir="$HOME/.local/bin"
  extdir="${XDG_DATA_HOME:-$HOME/.local/share}/objector-extension"
  scope=()
fi

status=0
if [ -x "$bindir/objector" ]; then
  "$bindir/objector" uninstall "${scope[@]}" ${purge[@]+"${purge[@]}"} || status=$?
else
  echo "uninstall.sh: $bindir/objector not found; nothing to unregister" >&2
fi
if [ "$status" -ne 0 ]; then
  echo "uninstall.sh: 'objector uninstall' reported problems; binaries kept so you can retry" >&2
  exit "$status"
fi
rm -f "$bindir/objector" "$bindir/objector-host"
rm -rf "$extdir"
[ "$system" = 1 ] && rmdir /usr/local/share/objector 2>/dev/null || true
for d in "$bindir" "$(dirname "$extdir")"; do rmdir "$d" 2>/dev/null || true; done
echo "Objector removed."
