// install / uninstall on a temporary HOME (and root): idempotence, exact
// removal, history kept unless --purge, Flatpak copies, Snap explanations,
// system-wide paths, Windows registry (fake).
#include "installer.h"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "extension.h"
#include "install_record.h"
#include "manifest.h"
#include "test_util.h"

namespace objector::install {
namespace {

namespace fs = std::filesystem;
using testing::Slurp;
using testing::TempDir;
using testing::TestEnv;
using testing::Touch;
using testing::Tree;

struct Fixture {
  TempDir dir;
  Env env = TestEnv(dir.path(), Os::kLinux);
  fs::path host = dir.path() / "bin/objector-host";
  std::ostringstream out, err;
  Fixture() { Touch(host, "#!/bin/sh\nexit 0\n", true); }
  int Inst(std::vector<std::string> browsers = {}, Scope scope = Scope::kUser,
           bool dry = false, Registry* reg = nullptr) {
    InstallOptions o;
    o.browsers = std::move(browsers);
    o.scope = scope;
    o.dry_run = dry;
    o.host_path = host;
    return Install(env, reg, o, out, err);
  }
  int Uninst(std::vector<std::string> browsers = {}, bool purge = false,
             Scope scope = Scope::kUser, Registry* reg = nullptr) {
    UninstallOptions o;
    o.browsers = std::move(browsers);
    o.purge = purge;
    o.scope = scope;
    return Uninstall(env, reg, o, out, err);
  }
};

TEST_CASE(
    "install writes a manifest with the absolute host path and the extension's "
    "identities") {
  Fixture f;
  fs::create_directories(f.env.home / ".config/chromium");
  fs::create_directories(f.env.home / ".mozilla/firefox");
  REQUIRE(f.Inst() == 0);
  auto cr = nlohmann::json::parse(
      Slurp(f.env.home /
            ".config/chromium/NativeMessagingHosts/org.objector.host.json"));
  CHECK(cr["name"] == "org.objector.host");
  CHECK(cr["path"] == f.host.string());
  CHECK(cr["type"] == "stdio");
  CHECK(cr["allowed_origins"] ==
        nlohmann::json::array({"chrome-extension://" + ChromiumId() + "/"}));
  auto ff = nlohmann::json::parse(Slurp(
      f.env.home / ".mozilla/native-messaging-hosts/org.objector.host.json"));
  CHECK(ff["allowed_extensions"] == nlohmann::json::array({GeckoId()}));
  CHECK_FALSE(ff.contains("allowed_origins"));
  // only browsers found are touched
  CHECK_FALSE(fs::exists(f.env.home / ".config/google-chrome"));
}

TEST_CASE("the install record is private (0600) in the data folder") {
  Fixture f;
  REQUIRE(f.Inst({"chromium"}) == 0);
  fs::path rec = f.env.home / ".local/share/objector/install-record.json";
  REQUIRE(fs::exists(rec));
  CHECK((fs::status(rec).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  CHECK((fs::status(rec.parent_path()).permissions() & fs::perms::all) ==
        fs::perms::owner_all);
}

TEST_CASE(
    "install twice is the same as once; uninstall then leaves the HOME as it "
    "was") {
  Fixture f;
  fs::create_directories(f.env.home /
                         ".config");  // existed before: must survive
  auto before = Tree(f.env.home);
  REQUIRE(f.Inst({"chromium", "firefox", "flatpak-firefox"}) == 0);
  auto once = Tree(f.env.home);
  std::string record1 =
      Slurp(f.env.home / ".local/share/objector/install-record.json");
  REQUIRE(f.Inst({"chromium", "firefox", "flatpak-firefox"}) == 0);
  CHECK(Tree(f.env.home) == once);
  CHECK(Slurp(f.env.home / ".local/share/objector/install-record.json") ==
        record1);
  REQUIRE(f.Uninst() == 0);
  CHECK(Tree(f.env.home) == before);
}

TEST_CASE("uninstall keeps the history unless --purge") {
  Fixture f;
  REQUIRE(f.Inst({"firefox"}) == 0);
  Touch(f.env.home / ".local/share/objector/objector.db", "history");
  REQUIRE(f.Uninst() == 0);
  CHECK_FALSE(fs::exists(
      f.env.home / ".mozilla/native-messaging-hosts/org.objector.host.json"));
  CHECK(Slurp(f.env.home / ".local/share/objector/objector.db") == "history");
  CHECK(f.out.str().find("kept your history") != std::string::npos);
  REQUIRE(f.Inst({"firefox"}) == 0);
  REQUIRE(f.Uninst({}, /*purge=*/true) == 0);
  CHECK_FALSE(fs::exists(f.env.home / ".local/share/objector"));
}

TEST_CASE(
    "uninstall removes only what it wrote: a file of the user's in the same "
    "folder stays") {
  Fixture f;
  REQUIRE(f.Inst({"chromium"}) == 0);
  Touch(f.env.home / ".config/chromium/NativeMessagingHosts/other.host.json",
        "{}");
  REQUIRE(f.Uninst() == 0);
  CHECK(fs::exists(f.env.home /
                   ".config/chromium/NativeMessagingHosts/other.host.json"));
  CHECK_FALSE(fs::exists(
      f.env.home /
      ".config/chromium/NativeMessagingHosts/org.objector.host.json"));
}

TEST_CASE(
    "uninstall --browser removes one browser's manifest and keeps the others") {
  Fixture f;
  REQUIRE(f.Inst({"chromium", "firefox"}) == 0);
  REQUIRE(f.Uninst({"firefox"}) == 0);
  CHECK_FALSE(fs::exists(
      f.env.home / ".mozilla/native-messaging-hosts/org.objector.host.json"));
  CHECK(fs::exists(
      f.env.home /
      ".config/chromium/NativeMessagingHosts/org.objector.host.json"));
  REQUIRE(f.Uninst() == 0);
  CHECK_FALSE(fs::exists(f.env.home / ".config/chromium"));
}

TEST_CASE(
    "Flatpak: the host is copied inside the sandbox and the manifest points at "
    "the copy") {
  Fixture f;
  fs::create_directories(f.env.home / ".var/app/org.chromium.Chromium");
  REQUIRE(f.Inst() == 0);
  fs::path copy =
      f.env.home / ".var/app/org.chromium.Chromium/data/objector/objector-host";
  REQUIRE(fs::exists(copy));
  CHECK(Slurp(copy) == Slurp(f.host));
  CHECK((fs::status(copy).permissions() & fs::perms::owner_exec) !=
        fs::perms::none);
  auto m = nlohmann::json::parse(
      Slurp(f.env.home / ".var/app/org.chromium.Chromium/config/chromium/"
                         "NativeMessagingHosts/org.objector.host.json"));
  CHECK(m["path"] == copy.string());
  REQUIRE(f.Uninst() == 0);
  CHECK(Tree(f.env.home / ".var/app/org.chromium.Chromium").empty());
}

TEST_CASE("Snap: nothing is written and the portal requirement is explained") {
  Fixture f;
  fs::create_directories(f.env.home / "snap/firefox");
  auto before = Tree(f.env.home);
  REQUIRE(f.Inst({"snap-firefox"}) == 0);
  CHECK(f.out.str().find("WebExtensions portal") != std::string::npos);
  before.insert(".local");  // the data folder for the (empty) record
  auto after = Tree(f.env.home);
  for (const std::string& p : after) {
    bool ours = p.rfind(".local", 0) == 0;
    CHECK((before.count(p) == 1 || ours));
  }
}

TEST_CASE(
    "install --system writes the system-wide folders and keeps its record in "
    "the state folder") {
  Fixture f;
  REQUIRE(f.Inst({"chromium", "chrome", "firefox"}, Scope::kSystem) == 0);
  CHECK(
      fs::exists(f.env.root /
                 "etc/chromium/native-messaging-hosts/org.objector.host.json"));
  CHECK(fs::exists(
      f.env.root /
      "etc/opt/chrome/native-messaging-hosts/org.objector.host.json"));
  CHECK(fs::exists(
      f.env.root /
      "usr/lib/mozilla/native-messaging-hosts/org.objector.host.json"));
  CHECK(fs::exists(f.env.root / "var/lib/objector/install-record.json"));
  CHECK_FALSE(
      fs::exists(f.env.home / ".local/share/objector/install-record.json"));
  Touch(f.env.home / ".local/share/objector/objector.sqlite3", "history");
  REQUIRE(f.Uninst({}, /*purge=*/true, Scope::kSystem) == 0);
  CHECK_FALSE(
      fs::exists(f.env.root /
                 "etc/chromium/native-messaging-hosts/org.objector.host.json"));
  CHECK_FALSE(fs::exists(f.env.root / "var/lib/objector/install-record.json"));
  // a system-wide purge never deletes the running user's history
  CHECK(Slurp(f.env.home / ".local/share/objector/objector.sqlite3") ==
        "history");
}

TEST_CASE(
    "install --system for a browser with no system-wide location says so and "
    "writes nothing") {
  Fixture f;
  REQUIRE(f.Inst({"vivaldi"}, Scope::kSystem) == 0);
  CHECK(f.out.str().find("no system-wide location") != std::string::npos);
}

TEST_CASE("install --dry-run prints the plan and writes nothing") {
  Fixture f;
  auto before = Tree(f.env.home);
  REQUIRE(f.Inst({"chromium", "flatpak-firefox"}, Scope::kUser, true) == 0);
  CHECK(Tree(f.env.home) == before);
  CHECK(f.out.str().find("would write manifest") != std::string::npos);
}

TEST_CASE(
    "install refuses a missing or non-executable host and writes nothing") {
  Fixture f;
  f.host = f.dir.path() / "nope/objector-host";
  CHECK(f.Inst({"chromium"}) == 1);
  CHECK(f.err.str().find("objector-host not found") != std::string::npos);
  CHECK(Tree(f.env.home).empty());
}

TEST_CASE("with no browser found and none named, install explains and fails") {
  Fixture f;
  CHECK(f.Inst() == 1);
  CHECK(f.err.str().find("no supported browser found") != std::string::npos);
}

TEST_CASE("uninstall refuses to delete a file the record should never name") {
  Fixture f;
  REQUIRE(f.Inst({"firefox"}) == 0);
  Touch(f.env.home / "thesis.odt", "precious");
  fs::path rec = f.env.home / ".local/share/objector/install-record.json";
  Result<InstallRecord> record = LoadRecord(rec);
  REQUIRE(record.ok());
  record->Add(
      {"firefox", "file", (f.env.home / "thesis.odt").string(), "", ""});
  REQUIRE(SaveRecord(rec, *record).ok());
  CHECK(f.Uninst() == 1);
  CHECK(Slurp(f.env.home / "thesis.odt") == "precious");
  CHECK(f.err.str().find("refusing to remove") != std::string::npos);
  CHECK_FALSE(fs::exists(
      f.env.home / ".mozilla/native-messaging-hosts/org.objector.host.json"));
}

TEST_CASE("uninstall without a record says there is nothing to remove") {
  Fixture f;
  CHECK(f.Uninst() == 0);
  CHECK(f.out.str().find("nothing registered") != std::string::npos);
}

TEST_CASE("a damaged install record is reported and left alone") {
  Fixture f;
  Touch(f.env.home / ".local/share/objector/install-record.json", "{not json");
  CHECK(f.Uninst() == 1);
  CHECK(f.err.str().find("damaged") != std::string::npos);
  CHECK(Slurp(f.env.home / ".local/share/objector/install-record.json") ==
        "{not json");
}

TEST_CASE(
    "Windows: manifest files plus HKCU values; shared keys survive until the "
    "last user goes") {
  Fixture f;
  f.env = TestEnv(f.dir.path(), Os::kWindows);
  f.env.vars["LOCALAPPDATA"] = (f.dir.path() / "Local").string();
  MemoryRegistry reg;
  REQUIRE(f.Inst({"chrome", "vivaldi", "firefox"}, Scope::kUser, false, &reg) ==
          0);
  const std::string chrome_key =
      "Software\\Google\\Chrome\\NativeMessagingHosts\\org.objector.host";
  auto value = reg.GetDefault("HKCU", chrome_key);
  REQUIRE(value.has_value());
  CHECK(*value ==
        (f.dir.path() /
         "Local/Objector/NativeMessagingHosts/chromium/org.objector.host.json")
            .string());
  CHECK(fs::exists(*value));
  CHECK(reg.GetDefault(
               "HKCU",
               "Software\\Mozilla\\NativeMessagingHosts\\org.objector.host")
            .has_value());
  CHECK(reg.size() == 2);
  REQUIRE(f.Uninst({"vivaldi"}, false, Scope::kUser, &reg) == 0);
  CHECK(
      reg.GetDefault("HKCU", chrome_key).has_value());  // Chrome still uses it
  CHECK(fs::exists(*value));
  REQUIRE(f.Uninst({}, false, Scope::kUser, &reg) == 0);
  CHECK(reg.size() == 0);
  CHECK_FALSE(fs::exists(*value));
}

TEST_CASE(
    "Windows: system-wide install writes HKLM; a registry error fails the "
    "install") {
  Fixture f;
  f.env = TestEnv(f.dir.path(), Os::kWindows);
  f.env.vars["PROGRAMDATA"] = (f.dir.path() / "ProgramData").string();
  MemoryRegistry reg;
  REQUIRE(f.Inst({"edge"}, Scope::kSystem, false, &reg) == 0);
  CHECK(reg.GetDefault("HKLM",
                       "software\\microsoft\\edge\\nativemessaginghosts\\org."
                       "objector.host")
            .has_value());
  MemoryRegistry denied;
  denied.set_read_only(true);
  CHECK(f.Inst({"firefox"}, Scope::kSystem, false, &denied) == 1);
  CHECK(f.err.str().find("access denied") != std::string::npos);
}

// Every file under `dir` with its content, to compare before and after.
std::map<std::string, std::string> Contents(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string rel = fs::relative(e.path(), dir).string();
    out[rel] = e.is_regular_file() ? Slurp(e.path()) : std::string("<dir>");
  }
  return out;
}

TEST_CASE(
    "install --extension: Chromium's external-extension file, Firefox's "
    "add-on, "
    "user.js block and grant; uninstall restores the person's own files") {
  Fixture f;
  const std::string id(32, 'c');
  fs::path ext = f.dir.path() / "ext";
  Touch(ext / kCrxName, "Cr24");
  Touch(ext / kXpiName, "PK-xpi");
  Touch(ext / "firefox/manifest.json",
        R"({"host_permissions": ["https://*.facebook.com/*"]})");
  fs::create_directories(f.env.home / ".config/chromium");
  fs::path profile = f.env.home / ".mozilla/firefox/p.default";
  Touch(f.env.home / ".mozilla/firefox/profiles.ini",
        "[Profile0]\nName=default\nIsRelative=1\nPath=p.default\n");
  // The person's own files, which must come back byte for byte.
  Touch(profile / "user.js", "user_pref(\"browser.startup.page\", 3);\n");
  Touch(profile / "prefs.js",
        "user_pref(\"extensions.autoDisableScopes\", 0);\nuser_pref(\"a\", "
        "1);\n");
  Touch(profile / "extension-preferences.json",
        R"({"other@x":{"origins":[]}})");
  const auto before = Contents(f.env.home);

  InstallOptions o;
  o.browsers = {"chromium", "firefox"};
  o.host_path = f.host;
  o.extension_dir = ext;
  o.chromium_id = id;
  REQUIRE(Install(f.env, nullptr, o, f.out, f.err) == 0);
  INFO(f.out.str() << f.err.str());
  auto reg = nlohmann::json::parse(Slurp(
      f.env.home / ".config/chromium/External Extensions" / (id + ".json")));
  CHECK(reg["external_crx"] == (ext / kCrxName).string());
  CHECK(reg["external_version"] == ObjectorVersion());
  auto m = nlohmann::json::parse(
      Slurp(f.env.home /
            ".config/chromium/NativeMessagingHosts/org.objector.host.json"));
  CHECK(m["allowed_origins"] ==
        nlohmann::json::array(
            {ChromiumOrigin(), "chrome-extension://" + id + "/"}));
  CHECK(Slurp(profile / "extensions" / (GeckoId() + ".xpi")) == "PK-xpi");
  const std::string user_js = Slurp(profile / "user.js");
  CHECK(user_js.find("browser.startup.page") != std::string::npos);
  CHECK(user_js.find("user_pref(\"xpinstall.signatures.required\", false);") !=
        std::string::npos);
  auto grants =
      nlohmann::json::parse(Slurp(profile / "extension-preferences.json"));
  CHECK(grants[GeckoId()]["origins"] ==
        nlohmann::json::array({"https://*.facebook.com/*"}));
  Result<InstallRecord> record = LoadRecord(*RecordPath(f.env, Scope::kUser));
  REQUIRE(record.ok());
  CHECK(record->extension_ids == std::vector<std::string>{id});
  CHECK(f.out.str().find("Firefox   registered  added to 1 profile(s)") !=
        std::string::npos);

  // Installing again changes nothing more; Firefox copies the prefs into
  // prefs.js as it would at its next start.
  REQUIRE(Install(f.env, nullptr, o, f.out, f.err) == 0);
  Touch(profile / "prefs.js",
        Slurp(profile / "prefs.js") +
            "user_pref(\"xpinstall.signatures.required\", false);\n");
  REQUIRE(f.Uninst() == 0);
  // The person had set autoDisableScopes before: it stays; ours goes.
  CHECK(Contents(f.env.home) == before);
}

}  // namespace
}  // namespace objector::install
