// The location table, row by row: for every Linux and macOS browser, where the
// per-user and the system-wide manifests go (expected paths written out
// independently of the table), and how a browser is detected.
#include "browsers.h"

#include <catch2/catch.hpp>

#include "base/paths.h"
#include "installer.h"
#include "manifest.h"
#include "test_util.h"

namespace objector::install {
namespace {

using testing::TempDir;
using testing::TestEnv;
using testing::Touch;

struct Expected {
  Os os;
  const char* name;
  const char* user;    // relative to HOME; "" = none
  const char* system;  // absolute (under root); "" = none
};

// clang-format off
const Expected kExpected[] = {
  {Os::kLinux, "chrome", ".config/google-chrome/NativeMessagingHosts", "/etc/opt/chrome/native-messaging-hosts"},
  {Os::kLinux, "chrome-beta", ".config/google-chrome-beta/NativeMessagingHosts", "/etc/opt/chrome/native-messaging-hosts"},
  {Os::kLinux, "chrome-unstable", ".config/google-chrome-unstable/NativeMessagingHosts", "/etc/opt/chrome/native-messaging-hosts"},
  {Os::kLinux, "chromium", ".config/chromium/NativeMessagingHosts", "/etc/chromium/native-messaging-hosts"},
  {Os::kLinux, "brave", ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts", ""},
  {Os::kLinux, "edge", ".config/microsoft-edge/NativeMessagingHosts", "/etc/opt/edge/native-messaging-hosts"},
  {Os::kLinux, "vivaldi", ".config/vivaldi/NativeMessagingHosts", ""},
  {Os::kLinux, "opera", ".config/opera/NativeMessagingHosts", ""},
  {Os::kLinux, "firefox", ".mozilla/native-messaging-hosts", "/usr/lib/mozilla/native-messaging-hosts"},
  {Os::kLinux, "librewolf", ".librewolf/native-messaging-hosts", "/usr/lib/librewolf/native-messaging-hosts"},
  {Os::kLinux, "tor-browser", ".local/share/torbrowser/tbb/x86_64/tor-browser/Browser/TorBrowser/Data/Browser/.mozilla/native-messaging-hosts", ""},
  {Os::kLinux, "flatpak-chromium", ".var/app/org.chromium.Chromium/config/chromium/NativeMessagingHosts", ""},
  {Os::kLinux, "flatpak-chrome", ".var/app/com.google.Chrome/config/google-chrome/NativeMessagingHosts", ""},
  {Os::kLinux, "flatpak-brave", ".var/app/com.brave.Browser/config/BraveSoftware/Brave-Browser/NativeMessagingHosts", ""},
  {Os::kLinux, "flatpak-firefox", ".var/app/org.mozilla.firefox/.mozilla/native-messaging-hosts", ""},
  {Os::kLinux, "snap-chromium", "", ""},
  {Os::kLinux, "snap-firefox", "", ""},
  {Os::kMacOS, "chrome", "Library/Application Support/Google/Chrome/NativeMessagingHosts", "/Library/Google/Chrome/NativeMessagingHosts"},
  {Os::kMacOS, "chrome-beta", "Library/Application Support/Google/Chrome Beta/NativeMessagingHosts", "/Library/Google/Chrome/NativeMessagingHosts"},
  {Os::kMacOS, "chrome-unstable", "Library/Application Support/Google/Chrome Dev/NativeMessagingHosts", "/Library/Google/Chrome/NativeMessagingHosts"},
  {Os::kMacOS, "chromium", "Library/Application Support/Chromium/NativeMessagingHosts", "/Library/Application Support/Chromium/NativeMessagingHosts"},
  {Os::kMacOS, "brave", "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts", ""},
  {Os::kMacOS, "edge", "Library/Application Support/Microsoft Edge/NativeMessagingHosts", "/Library/Microsoft/Edge/NativeMessagingHosts"},
  {Os::kMacOS, "vivaldi", "Library/Application Support/Vivaldi/NativeMessagingHosts", ""},
  {Os::kMacOS, "opera", "Library/Application Support/com.operasoftware.Opera/NativeMessagingHosts", ""},
  {Os::kMacOS, "firefox", "Library/Application Support/Mozilla/NativeMessagingHosts", "/Library/Application Support/Mozilla/NativeMessagingHosts"},
  {Os::kMacOS, "librewolf", "Library/Application Support/LibreWolf/NativeMessagingHosts", "/Library/Application Support/LibreWolf/NativeMessagingHosts"},
  {Os::kMacOS, "tor-browser", "Library/Application Support/TorBrowser-Data/Browser/Mozilla/NativeMessagingHosts", ""},
};
// clang-format on

const Target* Find(const std::vector<Target>& targets,
                   const std::string& name) {
  for (const Target& t : targets) {
    if (name == t.row->name) return &t;
  }
  return nullptr;
}

TEST_CASE(
    "every Linux and macOS browser resolves to its documented manifest "
    "folders") {
  for (const Expected& x : kExpected) {
    DYNAMIC_SECTION(OsName(x.os) << " " << x.name) {
      TempDir dir;
      Env env = TestEnv(dir.path(), x.os);
      const auto users = ResolveTargets(env, Scope::kUser, HostName());
      const auto systems = ResolveTargets(env, Scope::kSystem, HostName());
      const Target* user = Find(users, x.name);
      const Target* sys = Find(systems, x.name);
      REQUIRE(user != nullptr);
      REQUIRE(sys != nullptr);
      CHECK(user->manifest_dir ==
            (*x.user ? env.home / x.user : std::filesystem::path()));
      CHECK(sys->manifest_dir ==
            (*x.system ? env.root / (x.system + 1) : std::filesystem::path()));
      if (*x.user)
        CHECK(user->manifest_path.filename() == "org.objector.host.json");
    }
  }
}

TEST_CASE(
    "every Linux and macOS row of the table is covered by the expectations "
    "above") {
  size_t rows = 0;
  for (const BrowserRow& row : BrowserTable()) rows += row.os != Os::kWindows;
  CHECK(rows == sizeof(kExpected) / sizeof(kExpected[0]));
}

TEST_CASE(
    "install --browser NAME writes the manifest exactly where the table says, "
    "per OS") {
  for (const Expected& x : kExpected) {
    if (!*x.user) continue;
    DYNAMIC_SECTION(OsName(x.os) << " " << x.name) {
      TempDir dir;
      Env env = TestEnv(dir.path(), x.os);
      Touch(dir.path() / "bin/objector-host", "#!/bin/sh\n", true);
      InstallOptions o;
      o.browsers = {x.name};
      o.host_path = dir.path() / "bin/objector-host";
      std::ostringstream out, err;
      REQUIRE(Install(env, nullptr, o, out, err) == 0);
      CHECK(std::filesystem::exists(env.home / x.user /
                                    "org.objector.host.json"));
    }
  }
}

TEST_CASE(
    "XDG_CONFIG_HOME moves the Chromium-family folders but not Firefox's") {
  TempDir dir;
  Env env = TestEnv(dir.path(), Os::kLinux);
  env.vars["XDG_CONFIG_HOME"] = (dir.path() / "cfg").string();
  auto targets = ResolveTargets(env, Scope::kUser, HostName());
  CHECK(Find(targets, "chromium")->manifest_dir ==
        dir.path() / "cfg/chromium/NativeMessagingHosts");
  CHECK(Find(targets, "firefox")->manifest_dir ==
        env.home / ".mozilla/native-messaging-hosts");
}

TEST_CASE(
    "a browser is found by its config folder (per user) or its binary (under "
    "root)") {
  TempDir dir;
  Env env = TestEnv(dir.path(), Os::kLinux);
  auto none = ResolveTargets(env, Scope::kUser, HostName());
  for (const Target& t : none) CHECK_FALSE(t.found);
  std::filesystem::create_directories(env.home / ".config/vivaldi");
  Touch(env.root / "usr/bin/firefox-esr", "", true);
  Touch(env.root / "snap/bin/chromium", "", true);
  std::filesystem::create_directories(env.home / ".var/app/com.brave.Browser");
  auto user = ResolveTargets(env, Scope::kUser, HostName());
  CHECK(Find(user, "vivaldi")->found);
  CHECK(Find(user, "firefox")->found);
  CHECK(Find(user, "snap-chromium")->found);
  CHECK(Find(user, "flatpak-brave")->found);
  CHECK_FALSE(Find(user, "chrome")->found);
  auto sys = ResolveTargets(env, Scope::kSystem, HostName());
  CHECK_FALSE(Find(sys, "vivaldi")
                  ->found);  // a config folder proves only a per-user install
  CHECK(Find(sys, "firefox")->found);
}

TEST_CASE("Windows rows name HKCU keys per user and HKLM keys system-wide") {
  TempDir dir;
  Env env = TestEnv(dir.path(), Os::kWindows);
  env.vars["LOCALAPPDATA"] = (dir.path() / "Local").string();
  auto user = ResolveTargets(env, Scope::kUser, HostName());
  auto sys = ResolveTargets(env, Scope::kSystem, HostName());
  CHECK(Find(user, "chrome")->registry_root == "HKCU");
  CHECK(Find(user, "chrome")->registry_key ==
        "Software\\Google\\Chrome\\NativeMessagingHosts\\org.objector.host");
  CHECK(Find(user, "edge")->registry_key ==
        "Software\\Microsoft\\Edge\\NativeMessagingHosts\\org.objector.host");
  CHECK(Find(user, "firefox")->registry_key ==
        "Software\\Mozilla\\NativeMessagingHosts\\org.objector.host");
  CHECK(Find(sys, "firefox")->registry_root == "HKLM");
  CHECK(Find(user, "chrome")->manifest_dir ==
        dir.path() / "Local/Objector/NativeMessagingHosts/chromium");
}

}  // namespace
}  // namespace objector::install
