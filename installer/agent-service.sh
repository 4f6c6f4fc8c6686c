# Sourced by installer/install.sh and installer/uninstall.sh: the loopback agent's systemd user unit
# (installer/objector-agent.service.in). Per user only. Each function prints one line saying what it did.

objector_agent_unit_path() {
  echo "${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user/objector-agent.service"
}

# True when a Chromium that cannot start a native host is installed: Snap or Flatpak.
objector_sandboxed_chromium() {
  [ -d /snap/chromium ] || [ -d "$HOME/snap/chromium" ] ||
    [ -d /var/lib/flatpak/app/org.chromium.Chromium ] || [ -d "$HOME/.local/share/flatpak/app/org.chromium.Chromium" ] ||
    [ -d "$HOME/.var/app/org.chromium.Chromium" ]
}

# True when this user's systemd manager answers.
objector_user_systemd() {
  command -v systemctl >/dev/null 2>&1 && systemctl --user show-environment >/dev/null 2>&1
}

# A path as a unit file value inside "…" (systemd: % → %%, \ and " escaped), then escaped for sed's
# replacement (\, & and the | delimiter).
objector_unit_value() {
  local v="$1"
  v="${v//\\/\\\\}"; v="${v//\"/\\\"}"; v="${v//%/%%}"
  v="${v//\\/\\\\}"; v="${v//&/\\&}"; v="${v//|/\\|}"
  printf '%s' "$v"
}

# objector_agent_install OBJECTOR_BIN DATA_DIR SOURCE_TOP: writes the unit, enables and starts it
# when a user systemd runs.
objector_agent_install() {
  local bin="$1" data="$2" top="$3" unit
  unit="$(objector_agent_unit_path)"
  mkdir -p "$(dirname "$unit")" "$data"
  chmod 0700 "$data"
  sed -e "s|@OBJECTOR_BIN@|$(objector_unit_value "$bin")|g" -e "s|@OBJECTOR_DATA_DIR@|$(objector_unit_value "$data")|g" \
      "$top/installer/objector-agent.service.in" > "$unit.tmp"
  mv -f "$unit.tmp" "$unit"
  if objector_user_systemd; then
    systemctl --user daemon-reload
    systemctl --user enable --now objector-agent.service >/dev/null 2>&1 &&
      echo "Agent: objector-agent.service enabled and started (systemd --user); pair the extension with 'objector pair'." ||
      echo "Agent: $unit written, but 'systemctl --user enable --now objector-agent.service' failed: see 'systemctl --user status objector-agent'."
  else
    echo "Agent: no user systemd answers here: $unit is written; start the agent with '$bin serve' (or 'objector open' and 'objector pair' start it on demand)."
  fi
}

# Stops, disables and removes the unit when it is there.
objector_agent_remove() {
  local unit
  unit="$(objector_agent_unit_path)"
  [ -f "$unit" ] || return 0
  if objector_user_systemd; then
    systemctl --user disable --now objector-agent.service >/dev/null 2>&1 || true
  fi
  rm -f "$unit"
  objector_user_systemd && systemctl --user daemon-reload || true
  echo "Agent: objector-agent.service removed."
}
