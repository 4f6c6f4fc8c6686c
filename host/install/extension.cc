#include "extension.h"

#ifndef _WIN32
#include <signal.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "fs_util.h"

namespace objector::install {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr char kBlockBegin[] =
    "// >>> Objector (installer/install.sh): lets the unsigned Objector "
    "add-on run; removed by installer/uninstall.sh";
constexpr char kBlockEnd[] = "// <<< Objector";

constexpr fs::perms kFileMode = fs::perms::owner_read | fs::perms::owner_write |
                                fs::perms::group_read | fs::perms::others_read;

std::string PrefLine(const std::pair<std::string, std::string>& p) {
  return "user_pref(\"" + p.first + "\", " + p.second + ");";
}

Status ReadIfExists(const fs::path& file, std::string* text, bool* exists) {
  std::error_code ec;
  *exists = fs::exists(file, ec);
  text->clear();
  if (!*exists) return Status::Ok();
  Result<std::string> read = ReadFile(file);
  if (!read.ok()) return read.status();
  *text = std::move(*read);
  return Status::Ok();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// `lines` without Objector's marked block.
std::vector<std::string> WithoutBlock(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  bool inside = false;
  for (const std::string& l : lines) {
    if (l == kBlockBegin) inside = true;
    if (!inside) out.push_back(l);
    if (l == kBlockEnd) inside = false;
  }
  return out;
}

// Profiles listed in one profiles.ini ("Path=" lines, relative or absolute).
void ProfilesFromIni(const fs::path& root, std::vector<fs::path>* out) {
  std::string text;
  bool exists = false;
  if (!ReadIfExists(root / "profiles.ini", &text, &exists).ok() || !exists)
    return;
  bool relative = true;
  std::string path;
  auto flush = [&]() {
    if (!path.empty()) {
      fs::path p = relative ? root / path : fs::path(path);
      std::error_code ec;
      if (fs::is_directory(p, ec)) out->push_back(p);
    }
    path.clear();
    relative = true;
  };
  for (std::string line : Lines(text)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] == '[') flush();
    if (line.rfind("Path=", 0) == 0) path = line.substr(5);
    if (line.rfind("IsRelative=", 0) == 0) relative = line.substr(11) != "0";
  }
  flush();
}

json ReadJson(const fs::path& file) {
  std::string text;
  bool exists = false;
  if (!ReadIfExists(file, &text, &exists).ok() || !exists) return json();
  return json::parse(text, nullptr, false);
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& FirefoxPrefs() {
  static const std::vector<std::pair<std::string, std::string>> prefs = {
      {"xpinstall.signatures.required", "false"},
      {"extensions.autoDisableScopes", "0"},
  };
  return prefs;
}

bool IsChromiumId(const std::string& id) {
  if (id.size() != 32) return false;
  for (char c : id) {
    if (c < 'a' || c > 'p') return false;
  }
  return true;
}

fs::path ChromiumUserDataDir(const Env& env, const BrowserRow& row) {
  if (row.family != Family::kChromium || row.os != Os::kLinux ||
      row.packaging != Packaging::kNative || row.user_dir == nullptr)
    return {};
  return ExpandPath(env, row.user_dir).parent_path();
}

fs::path ExternalExtensionsDir(const Env& env, const BrowserRow& row,
                               Scope scope) {
  fs::path user_data = ChromiumUserDataDir(env, row);
  if (user_data.empty()) return {};
  if (scope == Scope::kUser) return user_data / "External Extensions";
  const std::string name = row.name;
  if (name == "chromium") return env.System("/usr/share/chromium/extensions");
  if (name == "chrome")
    return env.System("/usr/share/google-chrome/extensions");
  return {};
}

std::string ExternalExtensionJson(const fs::path& crx,
                                  const std::string& version) {
  json j = {{"external_crx", crx.string()}, {"external_version", version}};
  return j.dump(2) + "\n";
}

std::vector<fs::path> ChromiumProfiles(const Env& env, const BrowserRow& row) {
  std::vector<fs::path> out;
  fs::path dir = ChromiumUserDataDir(env, row);
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory(ec) && fs::exists(entry.path() / "Preferences", ec))
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> FirefoxProfiles(const Env& env, const BrowserRow& row) {
  std::vector<fs::path> out;
  if (row.family != Family::kFirefox || row.os != Os::kLinux ||
      row.packaging != Packaging::kNative)
    return out;
  const std::string name = row.name;
  if (name == "firefox") {
    ProfilesFromIni(env.home / ".mozilla/firefox", &out);
    ProfilesFromIni(ExpandPath(env, "$CONFIG/mozilla/firefox"), &out);
  } else if (name == "librewolf") {
    ProfilesFromIni(env.home / ".librewolf", &out);
  }
  return out;
}

bool FirefoxProfileInUse(const fs::path& profile) {
  std::error_code ec;
  if (!fs::is_symlink(profile / "lock", ec)) return false;
  // The link reads "<ip>:+<pid>"; Firefox itself treats a lock whose process
  // is gone as stale (its headless first start leaves one behind).
  std::string target = fs::read_symlink(profile / "lock", ec).string();
  size_t plus = target.rfind('+');
  if (ec || plus == std::string::npos) return true;
  long pid = std::strtol(target.c_str() + plus + 1, nullptr, 10);
  if (pid <= 0) return true;
#ifdef _WIN32
  return true;
#else
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#endif
}

std::vector<std::string> PrefsAlreadySet(const fs::path& profile) {
  std::vector<std::string> set;
  std::string text;
  bool exists = false;
  if (!ReadIfExists(profile / "prefs.js", &text, &exists).ok()) return set;
  for (const auto& p : FirefoxPrefs()) {
    if (text.find("user_pref(\"" + p.first + "\"") != std::string::npos)
      set.push_back(p.first);
  }
  return set;
}

Status AddUserJsBlock(const fs::path& profile, bool* had_file) {
  std::string text;
  if (Status s = ReadIfExists(profile / "user.js", &text, had_file); !s.ok())
    return s;
  std::vector<std::string> lines = WithoutBlock(Lines(text));
  lines.push_back(kBlockBegin);
  for (const auto& p : FirefoxPrefs()) lines.push_back(PrefLine(p));
  lines.push_back(kBlockEnd);
  return WriteFileAtomic(profile / "user.js", Join(lines), kFileMode);
}

Status RemoveUserJsBlock(const fs::path& profile, bool remove_empty,
                         const std::vector<std::string>& keep) {
  std::string text;
  bool exists = false;
  if (Status s = ReadIfExists(profile / "user.js", &text, &exists); !s.ok())
    return s;
  std::error_code ec;
  if (exists) {
    std::vector<std::string> lines = WithoutBlock(Lines(text));
    if (lines.empty() && remove_empty) {
      if (!fs::remove(profile / "user.js", ec) && ec) {
        return Status(ErrorCode::kInternal, "cannot remove " +
                                                (profile / "user.js").string() +
                                                ": " + ec.message());
      }
    } else if (Join(lines) != text) {
      Status s = WriteFileAtomic(profile / "user.js", Join(lines), kFileMode);
      if (!s.ok()) return s;
    }
  }
  // Firefox copies user.js values into prefs.js at its next save.
  if (Status s = ReadIfExists(profile / "prefs.js", &text, &exists); !s.ok())
    return s;
  if (!exists) return Status::Ok();
  std::vector<std::string> kept_lines;
  for (const std::string& l : Lines(text)) {
    bool ours = false;
    for (const auto& p : FirefoxPrefs()) {
      bool keep_it = std::find(keep.begin(), keep.end(), p.first) != keep.end();
      if (!keep_it && l == PrefLine(p)) ours = true;
    }
    if (!ours) kept_lines.push_back(l);
  }
  if (Join(kept_lines) == text) return Status::Ok();
  return WriteFileAtomic(profile / "prefs.js", Join(kept_lines),
                         fs::perms::owner_read | fs::perms::owner_write);
}

namespace {
constexpr char kPermissionStore[] = "extension-preferences.json";
}  // namespace

std::vector<std::string> HostPermissions(const fs::path& file) {
  std::vector<std::string> out;
  json m = ReadJson(file);
  if (!m.is_object() || !m.contains("host_permissions")) return out;
  for (const json& o : m["host_permissions"]) {
    if (o.is_string()) out.push_back(o.get<std::string>());
  }
  return out;
}

Status GrantFirefoxOrigins(const fs::path& profile, const std::string& gecko_id,
                           const std::vector<std::string>& origins, bool* added,
                           bool* had_file) {
  *added = false;
  std::string text;
  if (Status s = ReadIfExists(profile / kPermissionStore, &text, had_file);
      !s.ok())
    return s;
  nlohmann::ordered_json store =
      *had_file ? nlohmann::ordered_json::parse(text, nullptr, false)
                : nlohmann::ordered_json::object();
  if (!store.is_object()) {
    return Status(ErrorCode::kInvalidValue,
                  (profile / kPermissionStore).string() +
                      " is not a JSON object; start Firefox once to repair it");
  }
  if (store.contains(gecko_id)) return Status::Ok();
  store[gecko_id] = {{"permissions", nlohmann::ordered_json::array()},
                     {"origins", origins},
                     {"data_collection", nlohmann::ordered_json::array()}};
  *added = true;
  return WriteFileAtomic(profile / kPermissionStore, store.dump(),
                         fs::perms::owner_read | fs::perms::owner_write);
}

std::optional<std::vector<std::string>> FirefoxGrantedOrigins(
    const fs::path& profile, const std::string& gecko_id) {
  json store = ReadJson(profile / kPermissionStore);
  if (!store.is_object() || !store.contains(gecko_id) ||
      !store[gecko_id].is_object())
    return std::nullopt;
  std::vector<std::string> out;
  const json origins = store[gecko_id].value("origins", json::array());
  if (!origins.is_array()) return out;
  for (const json& o : origins) {
    if (o.is_string()) out.push_back(o.get<std::string>());
  }
  return out;
}

Status RevokeFirefoxOrigins(const fs::path& profile,
                            const std::string& gecko_id, bool remove_empty) {
  std::string text;
  bool exists = false;
  if (Status s = ReadIfExists(profile / kPermissionStore, &text, &exists);
      !s.ok())
    return s;
  if (!exists) return Status::Ok();
  nlohmann::ordered_json store =
      nlohmann::ordered_json::parse(text, nullptr, false);
  if (!store.is_object() || !store.contains(gecko_id)) return Status::Ok();
  store.erase(gecko_id);
  std::error_code ec;
  if (store.empty() && remove_empty) {
    fs::remove(profile / kPermissionStore, ec);
    if (ec) return Status(ErrorCode::kInternal, ec.message());
    return Status::Ok();
  }
  return WriteFileAtomic(profile / kPermissionStore, store.dump(),
                         fs::perms::owner_read | fs::perms::owner_write);
}

ProfileExtension ChromiumProfileExtension(const fs::path& profile,
                                          const std::vector<std::string>& ids) {
  ProfileExtension r;
  r.profile = profile;
  for (const char* file : {"Secure Preferences", "Preferences"}) {
    json prefs = ReadJson(profile / file);
    if (!prefs.is_object() || !prefs.contains("extensions") ||
        !prefs["extensions"].is_object())
      continue;
    const json& settings = prefs["extensions"].value("settings", json());
    if (!settings.is_object()) continue;
    for (const std::string& id : ids) {
      if (!settings.contains(id) || !settings[id].is_object()) continue;
      const json& s = settings[id];
      r.installed = true;
      r.id = id;
      if (s.contains("manifest") && s["manifest"].is_object())
        r.version = s["manifest"].value("version", std::string());
      const json reasons = s.value("disable_reasons", json::array());
      bool disabled = (reasons.is_array() && !reasons.empty()) ||
                      (reasons.is_number() && reasons.get<int>() != 0) ||
                      s.value("state", 1) == 0;
      r.enabled = !disabled;
      if (disabled) r.why_disabled = "disable_reasons " + reasons.dump();
      return r;
    }
  }
  return r;
}

ProfileExtension FirefoxProfileExtension(const fs::path& profile,
                                         const std::string& gecko_id) {
  ProfileExtension r;
  r.profile = profile;
  json db = ReadJson(profile / "extensions.json");
  if (!db.is_object() || !db.contains("addons") || !db["addons"].is_array())
    return r;
  for (const json& a : db["addons"]) {
    if (!a.is_object() || a.value("id", std::string()) != gecko_id) continue;
    r.installed = true;
    r.id = gecko_id;
    r.version = a.value("version", std::string());
    r.enabled = a.value("active", false);
    if (!r.enabled) {
      r.why_disabled = a.value("appDisabled", false)
                           ? "Firefox disabled it (unsigned, or not compatible)"
                           : "switched off in Add-ons and themes";
    }
    return r;
  }
  return r;
}

}  // namespace objector::install
