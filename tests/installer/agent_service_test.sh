#!/usr/bin/env bash
# Proves: installer/agent-service.sh finds a Snap or Flatpak Chromium by its folders; writes the
# agent's systemd user unit with this objector and data folder (systemd-analyze accepts it); the
# unit's own ExecStart and Environment start a real agent that writes agent.json and removes it on
# SIGTERM; objector_agent_remove takes the unit away. The systemctl calls themselves are not run
# (a test must not enable services in the person's session): objector_user_systemd answers no.
# Usage: agent_service_test.sh OBJECTOR_BIN
set -euo pipefail
bin="$1"
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
agent_pid=""
cleanup() { [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

export HOME="$tmp/home"
unset XDG_CONFIG_HOME
mkdir -p "$HOME"
# shellcheck source=../../installer/agent-service.sh
source "$top/installer/agent-service.sh"
objector_user_systemd() { return 1; }

if [ ! -d /snap/chromium ] && [ ! -d /var/lib/flatpak/app/org.chromium.Chromium ]; then
  objector_sandboxed_chromium && fail "an empty HOME has no sandboxed Chromium"
fi
mkdir -p "$HOME/snap/chromium"
objector_sandboxed_chromium || fail "Snap Chromium (~/snap/chromium) not found"
rm -rf "$HOME/snap"
mkdir -p "$HOME/.var/app/org.chromium.Chromium"
objector_sandboxed_chromium || fail "Flatpak Chromium (~/.var/app/org.chromium.Chromium) not found"

data="$tmp/data dir"
out="$(objector_agent_install "$bin" "$data" "$top")"
echo "$out"
unit="$HOME/.config/systemd/user/objector-agent.service"
[ -f "$unit" ] || fail "no unit at $unit"
grep -qx "ExecStart=\"$bin\" serve" "$unit" || fail "ExecStart is not \"$bin\" serve"
grep -qx "Environment=\"OBJECTOR_DATA_DIR=$data\"" "$unit" || fail "Environment does not name $data"
[ "$(stat -c %a "$data")" = 700 ] || fail "the data folder is not 0700"
[[ "$out" == *"no user systemd"* ]] || fail "no line saying that no user systemd runs"
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$tmp/run" && chmod 0700 "$tmp/run"
  XDG_RUNTIME_DIR="$tmp/run" systemd-analyze --user verify "$unit" || fail "systemd-analyze rejects the unit"
fi

# Start the agent exactly as the unit says (systemd splits ExecStart the same way: a quoted path, then words).
env_line="$(sed -n 's/^Environment="\(.*\)"$/\1/p' "$unit")"
env "$env_line" "$bin" serve --idle-exit 60 2>"$tmp/serve.err" &
agent_pid=$!
for _ in $(seq 100); do [ -f "$data/agent.json" ] && break; sleep 0.1; done
[ -f "$data/agent.json" ] || { cat "$tmp/serve.err" >&2; fail "the unit's command wrote no agent.json in $data"; }
grep -q "\"pid\": *$agent_pid" "$data/agent.json" || fail "agent.json names another pid"
kill -TERM "$agent_pid"
wait "$agent_pid" || fail "the agent did not exit 0 on SIGTERM"
agent_pid=""
[ ! -f "$data/agent.json" ] || fail "agent.json is left after SIGTERM"

out="$(objector_agent_remove)"
echo "$out"
[ ! -f "$unit" ] || fail "the unit is still there"
[[ "$out" == *"removed"* ]] || fail "no line saying the unit was removed"
[ -z "$(objector_agent_remove)" ] || fail "removing twice says something"
echo "agent service: ok"
