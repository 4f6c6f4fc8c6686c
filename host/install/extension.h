// Putting the Objector extension itself into the browsers, for good, and
// reading back what each browser profile has. Linux routes, both tried with
// Debian's chromium 156 and firefox-esr 153:
// - Chromium family: an external-extension file `<id>.json` naming a local
//   .crx ({"external_crx", "external_version"}) in the browser's own
//   "External Extensions" folder (per user) or its /usr/share folder
//   (--system). The browser installs it, enabled, at its next start.
// - Firefox family: the unsigned .xpi in each profile's `extensions/` folder
//   plus a marked block in the profile's user.js that lets it run
//   (xpinstall.signatures.required=false, which ESR, Developer Edition,
//   Nightly and LibreWolf honour; extensions.autoDisableScopes=0).
#ifndef OBJECTOR_INSTALL_EXTENSION_H_
#define OBJECTOR_INSTALL_EXTENSION_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "browsers.h"
#include "scope.h"

namespace objector::install {

// File names inside the folder made by installer/install.sh.
constexpr char kCrxName[] = "objector.crx";
constexpr char kXpiName[] = "objector.xpi";

// The user.js prefs the Firefox route needs, in the order written.
const std::vector<std::pair<std::string, std::string>>& FirefoxPrefs();

// Chromium family: the folder where this browser reads external-extension
// files for `scope`; empty when the route is not known for it.
std::filesystem::path ExternalExtensionsDir(const Env& env,
                                            const BrowserRow& row, Scope scope);
// The external-extension file's text for `crx` at `version`.
std::string ExternalExtensionJson(const std::filesystem::path& crx,
                                  const std::string& version);

// Chromium family: the browser's user-data folder (parent of the per-user
// NativeMessagingHosts folder) and the profile folders in it (those with a
// Preferences file).
std::filesystem::path ChromiumUserDataDir(const Env& env,
                                          const BrowserRow& row);
std::vector<std::filesystem::path> ChromiumProfiles(const Env& env,
                                                    const BrowserRow& row);

// Firefox family: every profile folder listed in the browser's profiles.ini
// files (~/.mozilla/firefox and $CONFIG/mozilla/firefox for Firefox,
// ~/.librewolf for LibreWolf).
std::vector<std::filesystem::path> FirefoxProfiles(const Env& env,
                                                   const BrowserRow& row);
// True while Firefox runs on `profile` (its lock link exists).
bool FirefoxProfileInUse(const std::filesystem::path& profile);

// user.js: adds Objector's marked block (replacing an older one); *had_file
// tells whether user.js existed. Error names the file.
Status AddUserJsBlock(const std::filesystem::path& profile, bool* had_file);
// Removes the block from user.js (the file too when nothing else is left and
// `remove_empty`), and from prefs.js the lines of our prefs that Firefox copied
// there, except those named in `keep` (set by the person before install).
Status RemoveUserJsBlock(const std::filesystem::path& profile,
                         bool remove_empty,
                         const std::vector<std::string>& keep);
// Firefox grants an MV3 add-on's host permissions when a person accepts its
// install prompt; a sideloaded add-on gets none, so its content scripts never
// run. These record that grant in the profile's extension-preferences.json
// (Firefox's store of granted permissions) for `gecko_id` — only when the
// store has no entry for it yet (*added false otherwise; *had_file tells
// whether the store existed) — and take it out again.
Status GrantFirefoxOrigins(const std::filesystem::path& profile,
                           const std::string& gecko_id,
                           const std::vector<std::string>& origins, bool* added,
                           bool* had_file);
Status RevokeFirefoxOrigins(const std::filesystem::path& profile,
                            const std::string& gecko_id, bool remove_empty);
// What `gecko_id` is granted in the profile's extension-preferences.json: its
// "origins", or nullopt when the store has no entry for it (or is unreadable).
std::optional<std::vector<std::string>> FirefoxGrantedOrigins(
    const std::filesystem::path& profile, const std::string& gecko_id);
// The host_permissions of the manifest.json at `file` ([] when unreadable).
std::vector<std::string> HostPermissions(const std::filesystem::path& file);

// Names of our prefs that prefs.js already sets (before install).
std::vector<std::string> PrefsAlreadySet(const std::filesystem::path& profile);

// What one profile has of the extension.
struct ProfileExtension {
  std::filesystem::path profile;
  bool installed = false;  // the browser lists it
  bool enabled = false;
  std::string id;
  std::string version;
  std::string why_disabled;  // "" or the browser's reason
};

// Chromium profile: the first of `ids` listed in Preferences / Secure
// Preferences.
ProfileExtension ChromiumProfileExtension(const std::filesystem::path& profile,
                                          const std::vector<std::string>& ids);
// Firefox profile: `gecko_id` in extensions.json.
ProfileExtension FirefoxProfileExtension(const std::filesystem::path& profile,
                                         const std::string& gecko_id);

// True for a 32-letter a-p Chromium extension id.
bool IsChromiumId(const std::string& id);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_EXTENSION_H_
