// `objector doctor` on each broken setup it claims to recognise, plus a
// well-formed setup. The hosts here are small shell scripts that reproduce one
// behaviour each (reply correctly, print a log line on stdout, exit at
// once...); the real objector-host is checked in tests/installer/.
#include "doctor.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

#include "extension.h"
#include "install_record.h"
#include "installer.h"
#include "manifest.h"
#include "test_util.h"

namespace objector::install {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Slurp;
using testing::TempDir;
using testing::TestEnv;
using testing::Touch;

// printf(1) text that writes `bytes` exactly (octal escapes for everything).
std::string PrintfEscaped(const std::string& bytes) {
  std::string s;
  char buf[8];
  for (unsigned char c : bytes) {
    std::snprintf(buf, sizeof(buf), "\\%03o", c);
    s += buf;
  }
  return s;
}

std::string Frame(const std::string& json_text) {
  uint32_t n = static_cast<uint32_t>(json_text.size());
  return std::string(reinterpret_cast<const char*>(&n), 4) + json_text;
}

// A host that checks it was started like a browser starts it (argv, working
// folder, bare environment), then writes `stdout_bytes` and waits for stdin to
// close.
std::string HostScript(const fs::path& dir, const std::string& stdout_bytes) {
  return "#!/bin/sh\n"
         "[ \"$(pwd)\" = \"" +
         dir.string() +
         "\" ] || { echo \"cwd $(pwd)\" >&2; exit 7; }\n"
         "[ -z \"$OBJECTOR_TEST_LEAK\" ] || { echo 'env not bare' >&2; exit 8; "
         "}\n"
         "[ \"$PATH\" = /usr/local/bin:/usr/bin:/bin ] || { echo 'PATH' >&2; "
         "exit 9; }\n"
         "case \"$1\" in\n"
         "  chrome-extension://" +
         ChromiumId() +
         "/) [ $# -eq 1 ] || exit 10 ;;\n"
         "  /*.json) [ \"$2\" = '" +
         GeckoId() +
         "' ] || exit 11 ;;\n"
         "  *) echo \"argv $*\" >&2; exit 12 ;;\n"
         "esac\n"
         "printf '" +
         PrintfEscaped(stdout_bytes) +
         "'\n"
         "cat >/dev/null\n";
}

std::string GoodReply(const fs::path& db) {
  return Frame(json({{"id", "doctor"},
                     {"ok", true},
                     {"result",
                      {{"protocol", 1},
                       {"host_version", "0.1.0"},
                       {"database", db.string()}}}})
                   .dump());
}

struct Setup {
  TempDir dir;
  Env env = TestEnv(dir.path(), Os::kLinux);
  fs::path bin = dir.path() / "bin";
  fs::path host = bin / "objector-host";
  fs::path db = env.home / ".local/share/objector/objector.sqlite3";
  fs::path cr =
      env.home / ".config/chromium/NativeMessagingHosts/org.objector.host.json";
  fs::path ff =
      env.home / ".mozilla/native-messaging-hosts/org.objector.host.json";

  Setup() {
    ::setenv("OBJECTOR_TEST_LEAK", "must not reach the host", 1);
    Touch(host, HostScript(bin, GoodReply(db)), true);
    InstallOptions o;
    o.browsers = {"chromium", "firefox"};
    o.host_path = host;
    std::ostringstream out, err;
    REQUIRE(Install(env, nullptr, o, out, err) == 0);
    fs::create_directories(env.home /
                           ".config/chromium");  // both browsers "found"
    fs::create_directories(env.home / ".mozilla/firefox");
    // Objector as each browser records it once installed (the store ids).
    Touch(chromium_prefs, ChromiumPrefs(ChromiumId(), json::array()));
    Touch(env.home / ".mozilla/firefox/profiles.ini",
          "[Profile0]\nName=default\nIsRelative=1\nPath=t.default\n");
    Touch(
        env.home / ".mozilla/firefox/t.default/extensions.json",
        json({{"addons",
               {{{"id", GeckoId()}, {"version", "0.1.0"}, {"active", true}}}}})
            .dump());
    // ... and the host permissions the installer grants it (Meta's pages).
    Touch(firefox_grants, json({{GeckoId(),
                                 {{"permissions", json::array()},
                                  {"origins", ExtensionHostPermissions()},
                                  {"data_collection", json::array()}}}})
                              .dump());
  }
  fs::path firefox_grants =
      env.home / ".mozilla/firefox/t.default/extension-preferences.json";
  fs::path chromium_prefs = env.home / ".config/chromium/Default/Preferences";
  static std::string ChromiumPrefs(const std::string& id,
                                   const json& disable_reasons) {
    return json({{"extensions",
                  {{"settings",
                    {{id,
                      {{"manifest", {{"version", "0.1.0"}}},
                       {"disable_reasons", disable_reasons}}}}}}}})
        .dump();
  }
  DoctorReport Run(std::vector<std::string> browsers = {}) {
    DoctorOptions o;
    o.browsers = std::move(browsers);
    o.timeout = std::chrono::milliseconds(1000);
    return Diagnose(env, nullptr, o);
  }
  void EditManifest(const fs::path& file,
                    const std::function<void(json&)>& edit) {
    json m = json::parse(Slurp(file));
    edit(m);
    Touch(file, m.dump());
  }
};

std::vector<Failure> Failures(const DoctorReport& r) {
  std::vector<Failure> f;
  for (const BrowserCheck& b : r.browsers) {
    for (const Finding& x : b.findings) f.push_back(x.failure);
  }
  for (const Finding& x : r.general) f.push_back(x.failure);
  return f;
}

TEST_CASE(
    "doctor: a correct setup passes, started with each browser's argv, cwd and "
    "bare env") {
  Setup s;
  DoctorReport r = s.Run();
  std::ostringstream out;
  PrintReport(r, false, out);
  INFO(out.str());
  CHECK(r.ok());
  REQUIRE(r.browsers.size() == 2);
  CHECK(r.database == s.db.string());
  CHECK(out.str().find("All good.") != std::string::npos);
}

struct BrokenCase {
  const char* what;
  std::function<void(Setup&)> breakit;
  Failure expected;
  const char* fix_mentions;
};

TEST_CASE("doctor: each broken setup is named with its failure mode and fix") {
  const std::string fixed = "objector install --browser chromium";
  const BrokenCase cases[] = {
      {"manifest missing", [](Setup& s) { fs::remove(s.cr); },
       Failure::kHostNotFound, "objector install"},
      {"manifest is not JSON",
       [](Setup& s) { Touch(s.cr, "{\"name\": \"org.objector.host\","); },
       Failure::kHostNotFound, "objector install"},
      {"name differs from file name",
       [](Setup& s) {
         s.EditManifest(s.cr, [](json& m) { m["name"] = "org.objector.Host"; });
       },
       Failure::kHostNotFound, "org.objector.host"},
      {"type is not stdio",
       [](Setup& s) {
         s.EditManifest(s.cr, [](json& m) { m["type"] = "pipe"; });
       },
       Failure::kHostNotFound, "objector install"},
      {"relative path",
       [](Setup& s) {
         s.EditManifest(s.cr, [](json& m) { m["path"] = "objector-host"; });
       },
       Failure::kHostNotFound, "absolute path"},
      {"host absent",
       [](Setup& s) {
         s.EditManifest(
             s.cr, [&s](json& m) { m["path"] = (s.bin / "gone").string(); });
       },
       Failure::kHostNotFound, "reinstall"},
      {"host not executable",
       [](Setup& s) {
         fs::permissions(s.host, fs::perms::owner_read | fs::perms::owner_write,
                         fs::perm_options::replace);
       },
       Failure::kFailedToStart, "chmod 755"},
      {"origin without trailing slash",
       [](Setup& s) {
         s.EditManifest(s.cr, [](json& m) {
           m["allowed_origins"] = {"chrome-extension://" + ChromiumId()};
         });
       },
       Failure::kHostNotFound, "with the final /"},
      {"wrong extension id",
       [](Setup& s) {
         s.EditManifest(s.cr, [](json& m) {
           m["allowed_origins"] = {
               "chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/"};
         });
       },
       Failure::kAccessForbidden,
       "Access to the specified native messaging host is forbidden."},
      {"host writes a log line on stdout",
       [](Setup& s) {
         Touch(s.host, HostScript(s.bin, "starting objector-host\n"), true);
       },
       Failure::kErrorCommunicating, "only frames"},
      {"host writes junk after its reply",
       [](Setup& s) {
         Touch(s.host, HostScript(s.bin, GoodReply(s.db) + "done\n"), true);
       },
       Failure::kErrorCommunicating, "only frames"},
      {"host exits at once",
       [](Setup& s) {
         Touch(s.host, "#!/bin/sh\necho 'cannot open' >&2\nexit 3\n", true);
       },
       Failure::kHostExited, "by hand"},
      {"host never answers",
       [](Setup& s) { Touch(s.host, "#!/bin/sh\nexec sleep 5\n", true); },
       Failure::kErrorCommunicating, "objector-host"},
      {"host refuses the caller",
       [](Setup& s) {
         Touch(
             s.host,
             HostScript(
                 s.bin,
                 Frame(
                     R"({"id":"doctor","ok":false,"error":{"code":"forbidden_caller","message":"x"}})")),
             true);
       },
       Failure::kAccessForbidden, "different builds"},
      {"host is not a program",
       [](Setup& s) {
         Touch(s.host,
               "\x7f"
               "ELF garbage",
               true);
       },
       Failure::kFailedToStart, "reinstall"},
      {"database is corrupt",
       [](Setup& s) { Touch(s.db, std::string(4096, 'x')); },
       Failure::kDatabase, "permissions"},
  };
  for (const BrokenCase& c : cases) {
    DYNAMIC_SECTION(c.what) {
      Setup s;
      c.breakit(s);
      DoctorReport r = s.Run({"chromium"});
      std::ostringstream out;
      PrintReport(r, false, out);
      INFO(out.str());
      CHECK_FALSE(r.ok());
      auto f = Failures(r);
      REQUIRE(f.size() >= 1);
      CHECK(f[0] == c.expected);
      CHECK(out.str().find(c.fix_mentions) != std::string::npos);
      CHECK(out.str().find(std::string("[") + FailureName(c.expected) + "]") !=
            std::string::npos);
      // what Chromium itself says for this failure, so that a search for the
      // error text lands here
      CHECK(out.str().find(BrowserMessage(c.expected, Family::kChromium)) !=
            std::string::npos);
    }
  }
}

TEST_CASE(
    "doctor: a database not created yet is fine when its folder can be "
    "created") {
  Setup s;
  CHECK_FALSE(fs::exists(s.db));
  DoctorReport r = s.Run();
  CHECK(r.ok());
  CHECK(r.database_note.find("will be created") != std::string::npos);
}

TEST_CASE(
    "doctor: a database whose folder cannot exist (a file is in the way) is a "
    "problem") {
  Setup s;
  Touch(s.env.home / "blocker", "a file where a folder should be");
  Touch(s.host,
        HostScript(s.bin,
                   GoodReply(s.env.home / "blocker/objector/objector.sqlite3")),
        true);
  DoctorReport r = s.Run();
  auto f = Failures(r);
  REQUIRE(f.size() == 1);
  CHECK(f[0] == Failure::kDatabase);
  CHECK(r.general[0].problem.find("is a file, not a folder") !=
        std::string::npos);
}

TEST_CASE(
    "doctor: Firefox's allowed_extensions must hold the gecko id (Firefox: no "
    "such application)") {
  Setup s;
  s.EditManifest(
      s.ff, [](json& m) { m["allowed_extensions"] = {"someone@else.org"}; });
  DoctorReport r = s.Run({"firefox"});
  auto f = Failures(r);
  REQUIRE(f.size() == 1);
  CHECK(f[0] == Failure::kHostNotFound);
  std::ostringstream out;
  PrintReport(r, false, out);
  CHECK(out.str().find("No such native application org.objector.host") !=
        std::string::npos);
}

TEST_CASE("doctor: a system-wide manifest is used when the user has none") {
  Setup s;
  fs::remove(s.cr);
  fs::path sys =
      s.env.root / "etc/chromium/native-messaging-hosts/org.objector.host.json";
  Touch(sys, RenderManifest(Family::kChromium, s.host.string()));
  DoctorReport r = s.Run({"chromium"});
  CHECK(r.ok());
  CHECK(r.browsers.at(0).manifest == sys);
}

TEST_CASE(
    "doctor: Snap browsers are reported as sandboxed with the portal advice") {
  Setup s;
  fs::create_directories(s.env.home / "snap/firefox");
  DoctorReport r = s.Run({"snap-firefox"});
  auto f = Failures(r);
  REQUIRE(f.size() == 1);
  CHECK(f[0] == Failure::kSandboxedBrowser);
  CHECK(r.browsers[0].findings[0].fix.find("portal") != std::string::npos);
}

TEST_CASE(
    "doctor: a Flatpak manifest pointing outside the sandbox is reported") {
  Setup s;
  fs::path m = s.env.home /
               ".var/app/org.mozilla.firefox/.mozilla/native-messaging-hosts/"
               "org.objector.host.json";
  Touch(m, RenderManifest(Family::kFirefox, s.host.string()));
  auto f = Failures(s.Run({"flatpak-firefox"}));
  REQUIRE_FALSE(f.empty());
  CHECK(f[0] == Failure::kSandboxedBrowser);
}

TEST_CASE("doctor: no browser at all is a problem, not a silent pass") {
  TempDir dir;
  Env env = TestEnv(dir.path(), Os::kLinux);
  DoctorReport r = Diagnose(env, nullptr, {});
  REQUIRE(Failures(r).size() == 1);
  CHECK(Failures(r)[0] == Failure::kNoBrowser);
}

TEST_CASE("doctor says whether the loopback agent runs and how many extensions are paired, never as a problem") {
  TempDir dir;
  Env env = TestEnv(dir.path(), Os::kLinux);
  fs::path data = env.home / ".local/share/objector";
  fs::create_directories(data);
  struct Row {
    const char* what;
    std::string agent_json;  // "" = no agent.json
    std::string clients_json;
    std::string expect;
  };
  const std::string me = std::to_string(::getpid());
  const Row rows[] = {
      {"no agent, nobody paired", "", "", "not running (no extension paired; needed only by a browser that cannot start the host"},
      {"this process stands in for a live agent", R"({"port": 41234, "secret": "00", "pid": )" + me + "}",
       R"({"clients": [{"token_sha256": "ab", "origin": "moz-extension://x", "paired_at": "2026-12-02T00:00:00Z"}]})",
       "running on 127.0.0.1:41234 (1 extension(s) paired)"},
      {"a pid that cannot exist", R"({"port": 41234, "secret": "00", "pid": 2147483646})", "",
       "not running: agent.json names pid 2147483646, which has ended"},
      {"not an agent's file", "[1]", "", "agent.json is not an agent's"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    fs::remove(data / "agent.json");
    fs::remove(data / "agent-clients.json");
    if (!row.agent_json.empty()) Touch(data / "agent.json", row.agent_json);
    if (!row.clients_json.empty()) Touch(data / "agent-clients.json", row.clients_json);
    DoctorReport r = Diagnose(env, nullptr, {});
    CHECK(r.agent_note.find(row.expect) != std::string::npos);
    CHECK(Failures(r) == std::vector<Failure>{Failure::kNoBrowser});  // the agent adds no problem
    std::ostringstream out;
    PrintReport(r, false, out);
    CHECK(out.str().find("Loopback agent: " + r.agent_note) != std::string::npos);
  }
}

TEST_CASE("doctor --json carries every problem with its failure name and fix") {
  Setup s;
  fs::remove(s.ff);
  std::ostringstream out;
  PrintReport(s.Run(), true, out);
  json j = json::parse(out.str());
  CHECK(j["ok"] == false);
  bool seen = false;
  for (const json& b : j["browsers"]) {
    if (b["browser"] == "firefox") {
      seen = true;
      CHECK(b["problems"][0]["failure"] == "host not found");
      CHECK(b["problems"][0]["fix"] ==
            "run `objector install --browser firefox`");
    }
  }
  CHECK(seen);
}

TEST_CASE(
    "doctor on Windows reads the manifest path from the registry (fake)") {
  TempDir dir;
  Env env = TestEnv(dir.path(), Os::kWindows);
  env.vars["LOCALAPPDATA"] = (dir.path() / "Local").string();
  MemoryRegistry reg;
  DoctorOptions o;
  o.browsers = {"edge"};
  DoctorReport r = Diagnose(env, &reg, o);
  REQUIRE(Failures(r).size() == 1);
  CHECK(Failures(r)[0] == Failure::kHostNotFound);
  fs::path manifest = dir.path() / "m/org.objector.host.json";
  Touch(manifest, "{oops");
  REQUIRE(reg.SetDefault("HKCU",
                         "Software\\Microsoft\\Edge\\NativeMessagingHosts\\org."
                         "objector.host",
                         manifest.string())
              .ok());
  r = Diagnose(env, &reg, o);
  CHECK(r.browsers.at(0).manifest == manifest);
  CHECK(r.browsers.at(0).findings.at(0).problem.find("not a valid JSON") !=
        std::string::npos);
}

TEST_CASE(
    "doctor: the extension itself is checked per profile: missing, switched "
    "off, or with an id the host manifest does not allow") {
  SECTION("not installed in any profile, none registered") {
    Setup s;
    fs::remove(s.chromium_prefs);
    DoctorReport r = s.Run({"chromium"});
    auto f = Failures(r);
    REQUIRE(f.size() == 1);
    CHECK(f[0] == Failure::kExtensionNotInstalled);
    CHECK(r.browsers[0].findings[0].fix.find("installer/install.sh") !=
          std::string::npos);
  }
  SECTION("switched off in chrome://extensions") {
    Setup s;
    Touch(s.chromium_prefs, Setup::ChromiumPrefs(ChromiumId(), {1}));
    DoctorReport r = s.Run({"chromium"});
    auto f = Failures(r);
    REQUIRE(f.size() == 1);
    CHECK(f[0] == Failure::kExtensionDisabled);
  }
  SECTION("Firefox refused the unsigned add-on") {
    Setup s;
    Touch(
        s.env.home / ".mozilla/firefox/t.default/extensions.json",
        json(
            {{"addons",
              {{{"id", GeckoId()}, {"active", false}, {"appDisabled", true}}}}})
            .dump());
    DoctorReport r = s.Run({"firefox"});
    auto f = Failures(r);
    REQUIRE(f.size() == 1);
    CHECK(f[0] == Failure::kExtensionDisabled);
    CHECK(r.browsers[0].findings[0].problem.find("unsigned") !=
          std::string::npos);
  }
  SECTION(
      "Firefox has the add-on but not the grant for Meta's pages: the control "
      "would never appear") {
    Setup s;
    fs::remove(s.firefox_grants);
    DoctorReport r = s.Run({"firefox"});
    auto f = Failures(r);
    REQUIRE(f.size() == 1);
    CHECK(f[0] == Failure::kNoSiteAccess);
    const Finding& x = r.browsers[0].findings[0];
    CHECK(
        x.problem.find("Objector may not read Meta's pages in this profile") !=
        std::string::npos);
    CHECK(x.problem.find("https://*.facebook.com/*") != std::string::npos);
    CHECK(x.fix.find("installer/install.sh") != std::string::npos);
    CHECK(x.fix.find("about:addons → Objector → Permissions") !=
          std::string::npos);
  }
  SECTION(
      "Firefox's grant taken back for one site: named, and the fix is "
      "about:addons (the installer leaves the person's choice alone)") {
    Setup s;
    std::vector<std::string> origins = ExtensionHostPermissions();
    REQUIRE(origins.size() > 1);
    const std::string revoked = origins.back();
    origins.pop_back();
    Touch(s.firefox_grants,
          json({{GeckoId(),
                 {{"permissions", json::array()}, {"origins", origins}}}})
              .dump());
    DoctorReport r = s.Run({"firefox"});
    auto f = Failures(r);
    REQUIRE(f.size() == 1);
    CHECK(f[0] == Failure::kNoSiteAccess);
    const Finding& x = r.browsers[0].findings[0];
    CHECK(x.problem.find("access was taken back for " + revoked) !=
          std::string::npos);
    CHECK(x.fix == "grant it in about:addons → Objector → Permissions");
  }
  SECTION("an id signed here and recorded, but missing from the manifest") {
    Setup s;
    const std::string id(32, 'b');
    fs::remove(s.chromium_prefs);
    fs::path crx = s.dir.path() / "objector.crx";
    Touch(crx, "Cr24");
    Touch(s.env.home / ".config/chromium/External Extensions" / (id + ".json"),
          ExternalExtensionJson(crx, "0.1.0"));
    Result<InstallRecord> record = LoadRecord(*RecordPath(s.env, Scope::kUser));
    REQUIRE(record.ok());
    record->extension_ids = {id};
    REQUIRE(SaveRecord(*RecordPath(s.env, Scope::kUser), *record).ok());
    DoctorReport r = s.Run({"chromium"});
    auto f = Failures(r);
    std::ostringstream out;
    PrintReport(r, false, out);
    INFO(out.str());
    REQUIRE(!f.empty());
    CHECK(f[0] == Failure::kIdMismatch);
    CHECK(out.str().find("id mismatch: the extension in Chromium has id " +
                         id) != std::string::npos);
  }
}

}  // namespace
}  // namespace objector::install
