// The one table of where each browser looks for native messaging host
// manifests, per operating system, per user and system-wide, and how to tell
// that a browser is installed. Pure data plus a resolver that turns a row into
// concrete paths for an injected Env.
#ifndef OBJECTOR_INSTALL_BROWSERS_H_
#define OBJECTOR_INSTALL_BROWSERS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "scope.h"

namespace objector::install {

enum class Family { kChromium, kFirefox };
// kNative: an ordinary package; kFlatpak: manifest and a copy of the host
// inside the sandbox's own folder; kSnap: nothing can be written that works,
// the install explains the portal instead.
enum class Packaging { kNative, kFlatpak, kSnap };

const char* FamilyName(Family family);  // "chromium" | "firefox"

// One row: one browser on one OS. Paths may start with "~/" (home), "$CONFIG/"
// ($XDG_CONFIG_HOME or ~/.config), "$APPSUPPORT/" (~/Library/Application
// Support), "$LOCALAPPDATA/",
// "$PROGRAMDATA/", or "/" (system-wide, under Env::root). Lists are
// ';'-separated. nullptr = none.
struct BrowserRow {
  const char* name;  // what --browser takes: "chrome", "flatpak-firefox", ...
  const char* display;  // "Google Chrome"
  Family family;
  Packaging packaging;
  Os os;
  const char* user_dir;    // per-user manifest folder
  const char* system_dir;  // system-wide manifest folder
  const char*
      detect_dirs;  // per-user folders whose existence means "installed"
  const char*
      binaries;  // files whose existence means "installed" (user and system)
  const char*
      registry_key;    // Windows: key under HKCU / HKLM (without the host name)
  const char* app_id;  // Flatpak / Snap application id
};

const std::vector<BrowserRow>& BrowserTable();
// Distinct browser names in table order (for --help and error messages).
std::vector<std::string> BrowserNames();

// A row resolved for one Env and scope.
struct Target {
  const BrowserRow* row = nullptr;
  Scope scope = Scope::kUser;
  bool found = false;                   // config folder or binary exists
  std::string found_by;                 // the path that proved it
  std::filesystem::path manifest_dir;   // empty: no location for this scope
  std::filesystem::path manifest_path;  // manifest_dir / "<host name>.json"
  std::string registry_root;            // "HKCU" / "HKLM" (Windows only)
  std::string registry_key;  // full key including the host name (Windows only)
  std::filesystem::path
      host_copy;  // Flatpak: where the host is copied inside the sandbox
};

// Expand one table path for `env`; "" for nullptr.
std::filesystem::path ExpandPath(const Env& env, const char* path);
// Every row for env.os, resolved for `scope` (rows without a location for the
// scope keep an empty manifest_dir). Detection reads the filesystem under
// env.home / env.root.
std::vector<Target> ResolveTargets(const Env& env, Scope scope,
                                   const std::string& host_name);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_BROWSERS_H_
