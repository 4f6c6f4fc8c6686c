#include "browsers.h"

#include <set>
#include <sstream>
#include <system_error>

namespace objector::install {
namespace fs = std::filesystem;

namespace {

constexpr Family C = Family::kChromium;
constexpr Family F = Family::kFirefox;
constexpr Packaging N = Packaging::kNative;
constexpr Packaging FP = Packaging::kFlatpak;
constexpr Packaging SN = Packaging::kSnap;
constexpr Os L = Os::kLinux;
constexpr Os M = Os::kMacOS;
constexpr Os W = Os::kWindows;

#define TOR_LINUX "~/.local/share/torbrowser/tbb/x86_64/tor-browser/Browser"
#define APPS "$APPSUPPORT/"
#define WIN_CR "$LOCALAPPDATA/Objector/NativeMessagingHosts/chromium"
#define WIN_CR_SYS "$PROGRAMDATA/Objector/NativeMessagingHosts/chromium"
#define WIN_FF "$LOCALAPPDATA/Objector/NativeMessagingHosts/firefox"
#define WIN_FF_SYS "$PROGRAMDATA/Objector/NativeMessagingHosts/firefox"

// clang-format off
const std::vector<BrowserRow> kTable = {
  // ---- Linux, ordinary packages -------------------------------------------------------------
  {"chrome", "Google Chrome", C, N, L, "$CONFIG/google-chrome/NativeMessagingHosts",
   "/etc/opt/chrome/native-messaging-hosts", "$CONFIG/google-chrome",
   "/usr/bin/google-chrome-stable;/opt/google/chrome/chrome", nullptr, nullptr},
  {"chrome-beta", "Google Chrome Beta", C, N, L, "$CONFIG/google-chrome-beta/NativeMessagingHosts",
   "/etc/opt/chrome/native-messaging-hosts", "$CONFIG/google-chrome-beta",
   "/usr/bin/google-chrome-beta;/opt/google/chrome-beta/chrome", nullptr, nullptr},
  {"chrome-unstable", "Google Chrome Unstable", C, N, L,
   "$CONFIG/google-chrome-unstable/NativeMessagingHosts", "/etc/opt/chrome/native-messaging-hosts",
   "$CONFIG/google-chrome-unstable", "/usr/bin/google-chrome-unstable;/opt/google/chrome-unstable/chrome",
   nullptr, nullptr},
  {"chromium", "Chromium", C, N, L, "$CONFIG/chromium/NativeMessagingHosts",
   "/etc/chromium/native-messaging-hosts", "$CONFIG/chromium",
   "/usr/bin/chromium;/usr/bin/chromium-browser", nullptr, nullptr},
  {"brave", "Brave", C, N, L, "$CONFIG/BraveSoftware/Brave-Browser/NativeMessagingHosts", nullptr,
   "$CONFIG/BraveSoftware/Brave-Browser", "/usr/bin/brave-browser;/opt/brave.com/brave/brave",
   nullptr, nullptr},
  {"edge", "Microsoft Edge", C, N, L, "$CONFIG/microsoft-edge/NativeMessagingHosts",
   "/etc/opt/edge/native-messaging-hosts", "$CONFIG/microsoft-edge",
   "/usr/bin/microsoft-edge;/usr/bin/microsoft-edge-stable;/opt/microsoft/msedge/msedge", nullptr, nullptr},
  {"vivaldi", "Vivaldi", C, N, L, "$CONFIG/vivaldi/NativeMessagingHosts", nullptr, "$CONFIG/vivaldi",
   "/usr/bin/vivaldi;/opt/vivaldi/vivaldi", nullptr, nullptr},
  {"opera", "Opera", C, N, L, "$CONFIG/opera/NativeMessagingHosts", nullptr, "$CONFIG/opera",
   "/usr/bin/opera", nullptr, nullptr},
  {"firefox", "Firefox", F, N, L, "~/.mozilla/native-messaging-hosts",
   "/usr/lib/mozilla/native-messaging-hosts", "~/.mozilla/firefox",
   "/usr/bin/firefox;/usr/bin/firefox-esr;/usr/lib/firefox/firefox;/usr/lib/firefox-esr/firefox-esr",
   nullptr, nullptr},
  {"librewolf", "LibreWolf", F, N, L, "~/.librewolf/native-messaging-hosts",
   "/usr/lib/librewolf/native-messaging-hosts", "~/.librewolf", "/usr/bin/librewolf", nullptr, nullptr},
  // Tor Browser (torbrowser-launcher) sets HOME to its Browser folder, so "~/.mozilla" is in there.
  {"tor-browser", "Tor Browser", F, N, L,
   TOR_LINUX "/TorBrowser/Data/Browser/.mozilla/native-messaging-hosts", nullptr, TOR_LINUX, nullptr,
   nullptr, nullptr},
  // ---- Linux, Flatpak: the sandbox sees ~/.var/app/<id> at the same path -----------------------
  {"flatpak-chromium", "Chromium (Flatpak)", C, FP, L,
   "~/.var/app/org.chromium.Chromium/config/chromium/NativeMessagingHosts", nullptr,
   "~/.var/app/org.chromium.Chromium", "/var/lib/flatpak/app/org.chromium.Chromium", nullptr,
   "org.chromium.Chromium"},
  {"flatpak-chrome", "Google Chrome (Flatpak)", C, FP, L,
   "~/.var/app/com.google.Chrome/config/google-chrome/NativeMessagingHosts", nullptr,
   "~/.var/app/com.google.Chrome", "/var/lib/flatpak/app/com.google.Chrome", nullptr, "com.google.Chrome"},
  {"flatpak-brave", "Brave (Flatpak)", C, FP, L,
   "~/.var/app/com.brave.Browser/config/BraveSoftware/Brave-Browser/NativeMessagingHosts", nullptr,
   "~/.var/app/com.brave.Browser", "/var/lib/flatpak/app/com.brave.Browser", nullptr, "com.brave.Browser"},
  {"flatpak-firefox", "Firefox (Flatpak)", F, FP, L,
   "~/.var/app/org.mozilla.firefox/.mozilla/native-messaging-hosts", nullptr,
   "~/.var/app/org.mozilla.firefox", "/var/lib/flatpak/app/org.mozilla.firefox", nullptr,
   "org.mozilla.firefox"},
  // ---- Linux, Snap: confined, cannot start a host outside the snap (see SnapAdvice) -------------
  {"snap-chromium", "Chromium (Snap)", C, SN, L, nullptr, nullptr, "~/snap/chromium",
   "/snap/bin/chromium", nullptr, "chromium"},
  {"snap-firefox", "Firefox (Snap)", F, SN, L, nullptr, nullptr, "~/snap/firefox", "/snap/bin/firefox",
   nullptr, "firefox"},
  // ---- macOS ------------------------------------------------------------------------------
  {"chrome", "Google Chrome", C, N, M, APPS "Google/Chrome/NativeMessagingHosts",
   "/Library/Google/Chrome/NativeMessagingHosts", APPS "Google/Chrome",
   "/Applications/Google Chrome.app", nullptr, nullptr},
  {"chrome-beta", "Google Chrome Beta", C, N, M, APPS "Google/Chrome Beta/NativeMessagingHosts",
   "/Library/Google/Chrome/NativeMessagingHosts", APPS "Google/Chrome Beta",
   "/Applications/Google Chrome Beta.app", nullptr, nullptr},
  {"chrome-unstable", "Google Chrome Dev", C, N, M, APPS "Google/Chrome Dev/NativeMessagingHosts",
   "/Library/Google/Chrome/NativeMessagingHosts", APPS "Google/Chrome Dev",
   "/Applications/Google Chrome Dev.app", nullptr, nullptr},
  {"chromium", "Chromium", C, N, M, APPS "Chromium/NativeMessagingHosts",
   "/Library/Application Support/Chromium/NativeMessagingHosts", APPS "Chromium",
   "/Applications/Chromium.app", nullptr, nullptr},
  {"brave", "Brave", C, N, M, APPS "BraveSoftware/Brave-Browser/NativeMessagingHosts", nullptr,
   APPS "BraveSoftware/Brave-Browser", "/Applications/Brave Browser.app", nullptr, nullptr},
  {"edge", "Microsoft Edge", C, N, M, APPS "Microsoft Edge/NativeMessagingHosts",
   "/Library/Microsoft/Edge/NativeMessagingHosts", APPS "Microsoft Edge",
   "/Applications/Microsoft Edge.app", nullptr, nullptr},
  {"vivaldi", "Vivaldi", C, N, M, APPS "Vivaldi/NativeMessagingHosts", nullptr, APPS "Vivaldi",
   "/Applications/Vivaldi.app", nullptr, nullptr},
  {"opera", "Opera", C, N, M, APPS "com.operasoftware.Opera/NativeMessagingHosts", nullptr,
   APPS "com.operasoftware.Opera", "/Applications/Opera.app", nullptr, nullptr},
  {"firefox", "Firefox", F, N, M, APPS "Mozilla/NativeMessagingHosts",
   "/Library/Application Support/Mozilla/NativeMessagingHosts", APPS "Firefox",
   "/Applications/Firefox.app", nullptr, nullptr},
  {"librewolf", "LibreWolf", F, N, M, APPS "LibreWolf/NativeMessagingHosts",
   "/Library/Application Support/LibreWolf/NativeMessagingHosts", APPS "librewolf",
   "/Applications/LibreWolf.app", nullptr, nullptr},
  {"tor-browser", "Tor Browser", F, N, M, APPS "TorBrowser-Data/Browser/Mozilla/NativeMessagingHosts",
   nullptr, APPS "TorBrowser-Data", "/Applications/Tor Browser.app", nullptr, nullptr},
  // ---- Windows: manifest files in our own folder, found through a registry key ---------------
  {"chrome", "Google Chrome", C, N, W, WIN_CR, WIN_CR_SYS, "$LOCALAPPDATA/Google/Chrome",
   nullptr, "Software\\Google\\Chrome\\NativeMessagingHosts", nullptr},
  {"chrome-beta", "Google Chrome Beta", C, N, W, WIN_CR, WIN_CR_SYS, "$LOCALAPPDATA/Google/Chrome Beta",
   nullptr, "Software\\Google\\Chrome\\NativeMessagingHosts", nullptr},
  {"chrome-unstable", "Google Chrome Dev", C, N, W, WIN_CR, WIN_CR_SYS, "$LOCALAPPDATA/Google/Chrome Dev",
   nullptr, "Software\\Google\\Chrome\\NativeMessagingHosts", nullptr},
  {"chromium", "Chromium", C, N, W, WIN_CR, WIN_CR_SYS, "$LOCALAPPDATA/Chromium", nullptr,
   "Software\\Chromium\\NativeMessagingHosts", nullptr},
  {"brave", "Brave", C, N, W, WIN_CR, WIN_CR_SYS, "$LOCALAPPDATA/BraveSoftware/Brave-Browser", nullptr,
   "Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts", nullptr},
  {"edge", "Microsoft Edge", C, N, W, WIN_CR, WIN_CR_SYS, "$LOCALAPPDATA/Microsoft/Edge", nullptr,
   "Software\\Microsoft\\Edge\\NativeMessagingHosts", nullptr},
  // Vivaldi and Opera read Chrome's key on Windows.
  {"vivaldi", "Vivaldi", C, N, W, WIN_CR, WIN_CR_SYS, "$LOCALAPPDATA/Vivaldi", nullptr,
   "Software\\Google\\Chrome\\NativeMessagingHosts", nullptr},
  {"opera", "Opera", C, N, W, WIN_CR, WIN_CR_SYS, "$APPDATA/Opera Software/Opera Stable", nullptr,
   "Software\\Google\\Chrome\\NativeMessagingHosts", nullptr},
  {"firefox", "Firefox", F, N, W, WIN_FF, WIN_FF_SYS, "$APPDATA/Mozilla/Firefox", nullptr,
   "Software\\Mozilla\\NativeMessagingHosts", nullptr},
  {"librewolf", "LibreWolf", F, N, W, WIN_FF, WIN_FF_SYS, "$APPDATA/librewolf", nullptr,
   "Software\\LibreWolf\\NativeMessagingHosts", nullptr},
  {"tor-browser", "Tor Browser", F, N, W, WIN_FF, WIN_FF_SYS, "~/Desktop/Tor Browser", nullptr,
   "Software\\Mozilla\\NativeMessagingHosts", nullptr},
};
// clang-format on

std::vector<std::string> Split(const char* list) {
  std::vector<std::string> parts;
  if (list == nullptr) return parts;
  std::stringstream in(list);
  std::string part;
  while (std::getline(in, part, ';')) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

bool Exists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

fs::path VarOr(const Env& env, const char* name, const fs::path& fallback) {
  std::string v = env.Var(name);
  if (!v.empty() && fs::path(v).is_absolute()) return v;
  return fallback;
}

}  // namespace

const char* FamilyName(Family family) {
  return family == Family::kChromium ? "chromium" : "firefox";
}

const std::vector<BrowserRow>& BrowserTable() { return kTable; }

std::vector<std::string> BrowserNames() {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const BrowserRow& row : kTable) {
    if (seen.insert(row.name).second) names.push_back(row.name);
  }
  return names;
}

fs::path ExpandPath(const Env& env, const char* path) {
  if (path == nullptr) return {};
  std::string p = path;
  auto rest = [&p](size_t n) {
    return p.size() > n ? p.substr(n) : std::string();
  };
  if (p.rfind("~/", 0) == 0) return env.home / rest(2);
  if (p.rfind("$CONFIG/", 0) == 0)
    return VarOr(env, "XDG_CONFIG_HOME", env.home / ".config") / rest(8);
  if (p.rfind("$APPSUPPORT/", 0) == 0)
    return env.home / "Library/Application Support" / rest(12);
  if (p.rfind("$LOCALAPPDATA/", 0) == 0)
    return VarOr(env, "LOCALAPPDATA", env.home / "AppData/Local") / rest(14);
  if (p.rfind("$APPDATA/", 0) == 0)
    return VarOr(env, "APPDATA", env.home / "AppData/Roaming") / rest(9);
  if (p.rfind("$PROGRAMDATA/", 0) == 0)
    return VarOr(env, "PROGRAMDATA", env.System("/ProgramData")) / rest(13);
  return env.System(p);
}

namespace {

void Detect(const Env& env, const BrowserRow& row, Scope scope, Target* t) {
  std::vector<std::string> candidates;
  if (scope == Scope::kUser) candidates = Split(row.detect_dirs);
  for (const std::string& b : Split(row.binaries)) candidates.push_back(b);
  for (const std::string& c : candidates) {
    fs::path p = ExpandPath(env, c.c_str());
    if (Exists(p)) {
      t->found = true;
      t->found_by = p.string();
      return;
    }
  }
}

}  // namespace

std::vector<Target> ResolveTargets(const Env& env, Scope scope,
                                   const std::string& host_name) {
  std::vector<Target> targets;
  for (const BrowserRow& row : kTable) {
    if (row.os != env.os) continue;
    Target t;
    t.row = &row;
    t.scope = scope;
    Detect(env, row, scope, &t);
    const char* dir = scope == Scope::kUser ? row.user_dir : row.system_dir;
    if (dir != nullptr) {
      t.manifest_dir = ExpandPath(env, dir);
      t.manifest_path = t.manifest_dir / (host_name + ".json");
    }
    if (row.registry_key != nullptr && !t.manifest_dir.empty()) {
      t.registry_root = scope == Scope::kUser ? "HKCU" : "HKLM";
      t.registry_key = std::string(row.registry_key) + "\\" + host_name;
    }
    if (row.packaging == Packaging::kFlatpak && scope == Scope::kUser) {
      t.host_copy =
          env.home / ".var/app" / row.app_id / "data/objector/objector-host";
    }
    targets.push_back(std::move(t));
  }
  return targets;
}

}  // namespace objector::install
