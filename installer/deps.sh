# Sourced by installer/install.sh and tests/run.sh: installs the Debian/Ubuntu packages a
# purpose needs, only when some are missing. objector_install_deps build|test
objector_install_deps() {
  local purpose="$1"
  local pkgs=(build-essential cmake pkg-config libboost-dev nlohmann-json3-dev libsqlitecpp-dev
              libsqlite3-dev libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev catch2 nodejs npm)
  if [ "$purpose" = test ]; then
    pkgs+=(chromium firefox-esr libnss3-tools openssl sqlite3 dpkg-dev file fonts-dejavu-core)
  fi
  if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "objector: not a Debian/Ubuntu system; install these yourself: ${pkgs[*]}" >&2
    return 0
  fi
  local missing=()
  local p
  for p in "${pkgs[@]}"; do
    # node/npm may come from elsewhere (nodesource, nvm): accept the commands themselves.
    if [ "$p" = nodejs ] && command -v node >/dev/null 2>&1; then continue; fi
    if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
