#include "doctor.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <system_error>
#if !defined(_WIN32)
#include <signal.h>
#endif

#include "args.h"
#include "base/paths.h"
#include "commands.h"
#include "extension.h"
#include "fs_util.h"
#include "host_probe.h"
#include "install_record.h"
#include "installer.h"
#include "manifest.h"

namespace objector::install {
namespace fs = std::filesystem;
using nlohmann::json;

const char* FailureName(Failure f) {
  switch (f) {
    case Failure::kHostNotFound:
      return "host not found";
    case Failure::kAccessForbidden:
      return "access forbidden";
    case Failure::kFailedToStart:
      return "failed to start";
    case Failure::kErrorCommunicating:
      return "error communicating";
    case Failure::kHostExited:
      return "host exited";
    case Failure::kSandboxedBrowser:
      return "sandboxed browser";
    case Failure::kDatabase:
      return "database";
    case Failure::kNoBrowser:
      return "no browser";
    case Failure::kExtensionNotInstalled:
      return "extension not installed";
    case Failure::kExtensionDisabled:
      return "extension disabled";
    case Failure::kIdMismatch:
      return "id mismatch";
    case Failure::kNoSiteAccess:
      return "no site access";
  }
  return "?";
}

const char* BrowserMessage(Failure f, Family family) {
  if (family == Family::kFirefox) {
    return f == Failure::kHostNotFound
               ? "No such native application org.objector.host"
               : "";
  }
  switch (f) {
    case Failure::kHostNotFound:
      return "Specified native messaging host not found.";
    case Failure::kAccessForbidden:
      return "Access to the specified native messaging host is forbidden.";
    case Failure::kFailedToStart:
      return "Failed to start native messaging host.";
    case Failure::kErrorCommunicating:
      return "Error when communicating with the native messaging host.";
    case Failure::kHostExited:
      return "Native host has exited.";
    default:
      return "";
  }
}

bool DoctorReport::ok() const {
  if (!general.empty()) return false;
  for (const BrowserCheck& b : browsers) {
    if (!b.findings.empty()) return false;
  }
  return true;
}

namespace {

std::string Reinstall(const BrowserRow& row) {
  return "run `objector install --browser " + std::string(row.name) + "`";
}

std::string ReadJsonText(const fs::path& file) {
  Result<std::string> text = ReadFile(file);
  return text.ok() ? *text : std::string();
}

bool HasString(const json& array, const std::string& want) {
  if (!array.is_array()) return false;
  for (const json& v : array) {
    if (v.is_string() && v.get<std::string>() == want) return true;
  }
  return false;
}

void CheckAllowed(const BrowserRow& row, const json& m, const fs::path& file,
                  std::vector<Finding>* out) {
  const std::string where = " in " + file.string();
  if (row.family == Family::kChromium) {
    const json a =
        m.contains("allowed_origins") ? m["allowed_origins"] : json();
    if (HasString(a, ChromiumOrigin())) return;
    std::string no_slash =
        ChromiumOrigin().substr(0, ChromiumOrigin().size() - 1);
    if (HasString(a, no_slash)) {
      // Chromium rejects the whole manifest for a malformed origin (tested with
      // Chromium 156).
      out->push_back({Failure::kHostNotFound,
                      "allowed_origins has \"" + no_slash +
                          "\" without the trailing slash" + where,
                      "write \"" + ChromiumOrigin() +
                          "\" (with the final /), or " + Reinstall(row)});
    } else {
      out->push_back({Failure::kAccessForbidden,
                      "allowed_origins does not contain \"" + ChromiumOrigin() +
                          "\"" + where,
                      Reinstall(row) + " to write the extension's id"});
    }
    return;
  }
  const json a =
      m.contains("allowed_extensions") ? m["allowed_extensions"] : json();
  if (!HasString(a, GeckoId())) {
    // Firefox does not tell "forbidden" apart: it reports "No such native
    // application".
    out->push_back(
        {Failure::kHostNotFound,
         "allowed_extensions does not contain \"" + GeckoId() + "\"" + where,
         Reinstall(row) + " to write the add-on's id"});
  }
}

}  // namespace

std::vector<Finding> CheckManifest(const Env& env, const BrowserRow& row,
                                   const std::string& text,
                                   const fs::path& file,
                                   std::string* host_path) {
  std::vector<Finding> f;
  json m = json::parse(text, nullptr, false);
  if (m.is_discarded() || !m.is_object()) {
    f.push_back({Failure::kHostNotFound,
                 file.string() + " is not a valid JSON object",
                 Reinstall(row) + " to rewrite it"});
    return f;
  }
  std::string name = m.value("name", std::string());
  if (name != file.stem().string() || name != HostName()) {
    f.push_back({Failure::kHostNotFound,
                 "\"name\" is \"" + name + "\" but must be \"" + HostName() +
                     "\", the file name without .json (" +
                     file.filename().string() + ")",
                 Reinstall(row)});
  }
  if (m.value("type", std::string()) != "stdio") {
    f.push_back({Failure::kHostNotFound,
                 "\"type\" must be \"stdio\" in " + file.string(),
                 Reinstall(row)});
  }
  CheckAllowed(row, m, file, &f);
  if (!m.contains("path") || !m["path"].is_string() ||
      m["path"].get<std::string>().empty()) {
    f.push_back({Failure::kHostNotFound,
                 "\"path\" is missing in " + file.string(), Reinstall(row)});
    return f;
  }
  fs::path path = m["path"].get<std::string>();
  if (!path.is_absolute()) {
    if (env.os != Os::kWindows) {
      f.push_back({Failure::kHostNotFound,
                   "\"path\" is relative (" + path.string() +
                       "); this browser needs an absolute path",
                   Reinstall(row) +
                       ", which writes the absolute path of objector-host"});
      return f;
    }
    path =
        file.parent_path() / path;  // Windows resolves relative to the manifest
  }
  *host_path = path.string();
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    f.push_back(
        {Failure::kHostNotFound,
         "the host program " + path.string() + " does not exist",
         "reinstall Objector (installer/install.sh), then " + Reinstall(row)});
  } else if (!IsExecutable(path)) {
    f.push_back({Failure::kFailedToStart, path.string() + " is not executable",
                 "chmod 755 " + path.string()});
  }
  if (row.packaging == Packaging::kFlatpak) {
    fs::path sandbox = env.home / ".var/app" / row.app_id;
    if (path.string().rfind(sandbox.string() + "/", 0) != 0) {
      f.push_back(
          {Failure::kSandboxedBrowser,
           "the Flatpak sandbox cannot run " + path.string() + " (outside " +
               sandbox.string() + ")",
           Reinstall(row) + ", which copies the host inside the sandbox"});
    }
  }
  return f;
}

namespace {

// The manifest the browser would read, or "" (user location first, then
// system-wide).
fs::path LocateManifest(const Env& env, Registry* registry, const Target& user,
                        const Target& sys) {
  std::error_code ec;
  if (env.os == Os::kWindows) {
    if (registry == nullptr) return {};
    for (const Target* t : {&user, &sys}) {
      if (t->registry_key.empty()) continue;
      if (auto v = registry->GetDefault(t->registry_root, t->registry_key))
        return *v;
    }
    return {};
  }
  for (const Target* t : {&user, &sys}) {
    if (!t->manifest_path.empty() && fs::exists(t->manifest_path, ec))
      return t->manifest_path;
  }
  return {};
}

std::vector<std::string> BareEnvironment(const Env& env) {
  std::vector<std::string> e = {"HOME=" + env.home.string(),
                                "PATH=/usr/local/bin:/usr/bin:/bin"};
  for (const char* name : {"USER", "LOGNAME", "XDG_DATA_HOME",
                           "XDG_CONFIG_HOME", "OBJECTOR_DATA_DIR"}) {
    std::string v = env.Var(name);
    if (!v.empty()) e.push_back(std::string(name) + "=" + v);
  }
  return e;
}

void JudgeReply(const ProbeResult& r, const BrowserRow& row,
                const std::string& host, BrowserCheck* check,
                DoctorReport* report) {
  const json& reply = r.reply;
  if (reply.value("ok", false) && reply.contains("result") &&
      reply["result"].is_object() &&
      reply["result"].value("protocol", 0) == 1) {
    const json& result = reply["result"];
    check->reply_ms = r.reply_ms;
    check->note = "host answered hello in " +
                  std::to_string(static_cast<int>(r.reply_ms)) +
                  " ms (objector-host " +
                  result.value("host_version", std::string("?")) + ")";
    if (report->database.empty())
      report->database = result.value("database", std::string());
    return;
  }
  std::string code = reply.contains("error") && reply["error"].is_object()
                         ? reply["error"].value("code", std::string("?"))
                         : std::string("no result");
  if (code == "forbidden_caller") {
    check->findings.push_back(
        {Failure::kAccessForbidden,
         "objector-host at " + host + " refused the extension's id as caller",
         "objector-host and the extension come from different builds; "
         "reinstall both from one source tree"});
    return;
  }
  check->findings.push_back(
      {Failure::kErrorCommunicating,
       "objector-host at " + host + " answered hello with error '" + code + "'",
       "reinstall Objector (installer/install.sh), then " + Reinstall(row)});
}

void Probe(const Env& env, const BrowserRow& row, const fs::path& manifest,
           const std::string& host, const DoctorOptions& options,
           BrowserCheck* check, DoctorReport* report) {
  ProbeRequest req;
  req.path = host;
  req.argv = {host};
  if (row.family == Family::kChromium) {
    req.argv.push_back(check->caller_id.empty()
                           ? ChromiumOrigin()
                           : "chrome-extension://" + check->caller_id + "/");
    if (env.os == Os::kWindows) req.argv.push_back("--parent-window=0");
  } else {
    req.argv.push_back(manifest.string());
    req.argv.push_back(GeckoId());
  }
  req.working_dir = fs::path(host).parent_path().string();
  req.env = BareEnvironment(env);
  req.request_json = json({{"id", "doctor"},
                           {"type", "hello"},
                           {"client",
                            {{"browser", "objector-doctor"},
                             {"extension_version", ObjectorVersion()}}}})
                         .dump();
  req.timeout = options.timeout;
  ProbeResult r = ProbeHost(req);
  const std::string err_hint =
      r.stderr_head.empty() ? "" : "; its stderr says: " + r.stderr_head;
  switch (r.outcome) {
    case ProbeOutcome::kReplied:
      return JudgeReply(r, row, host, check, report);
    case ProbeOutcome::kCannotStart:
      if (r.exec_errno == ENOENT) {
        check->findings.push_back(
            {Failure::kHostNotFound, "cannot start " + host + ": " + r.detail,
             "reinstall Objector, then " + Reinstall(row)});
      } else {
        check->findings.push_back(
            {Failure::kFailedToStart, "cannot start " + host + ": " + r.detail,
             r.exec_errno == EACCES
                 ? "chmod 755 " + host +
                       " and check that its folder is not mounted noexec"
                 : "reinstall objector-host built for this system"});
      }
      return;
    case ProbeOutcome::kExited:
      check->findings.push_back(
          {Failure::kHostExited,
           host + " exited before answering hello (" + r.detail + ")" +
               err_hint,
           "run `" + host +
               " --help` by hand to see why; reinstall if it is damaged"});
      return;
    case ProbeOutcome::kJunk:
      check->findings.push_back({Failure::kErrorCommunicating,
                                 host + ": " + r.detail,
                                 "stdout must carry only frames: point "
                                 "\"path\" at objector-host itself, "
                                 "not a wrapper that prints (" +
                                     Reinstall(row) + ")"});
      return;
    case ProbeOutcome::kTimeout:
      check->findings.push_back(
          {Failure::kErrorCommunicating, host + ": " + r.detail + err_hint,
           "make sure \"path\" is objector-host, then " + Reinstall(row)});
      return;
  }
}

// The Chromium ids this machine's installs recorded (user, then system).
std::vector<std::string> RecordedIds(const Env& env) {
  std::vector<std::string> ids;
  for (Scope scope : {Scope::kUser, Scope::kSystem}) {
    Result<fs::path> file = RecordPath(env, scope);
    if (!file.ok()) continue;
    Result<InstallRecord> record = LoadRecord(*file);
    if (record.ok()) {
      ids.insert(ids.end(), record->extension_ids.begin(),
                 record->extension_ids.end());
    }
  }
  return ids;
}

std::string Describe(const ProfileExtension& x) {
  return x.profile.filename().string() + ": " +
         (x.enabled ? "installed, enabled" : "installed, DISABLED") +
         ", version " + (x.version.empty() ? "?" : x.version) + ", id " + x.id;
}

void CheckChromiumExtension(const Env& env, const BrowserRow& row,
                            const json& manifest, BrowserCheck* check) {
  std::vector<std::string> ids = RecordedIds(env);
  ids.push_back(ChromiumId());
  std::string id;
  for (const fs::path& p : ChromiumProfiles(env, row)) {
    ProfileExtension x = ChromiumProfileExtension(p, ids);
    if (!x.installed) {
      check->extension.push_back(p.filename().string() + ": not installed");
      continue;
    }
    check->extension.push_back(Describe(x));
    if (id.empty() || x.enabled) id = x.id;
    if (!x.enabled) {
      check->findings.push_back(
          {Failure::kExtensionDisabled,
           "Objector is switched off in " + p.string() + " (" + x.why_disabled +
               ")",
           "open chrome://extensions in that profile and switch Objector on"});
    }
  }
  std::error_code ec;
  for (Scope scope : {Scope::kUser, Scope::kSystem}) {
    fs::path dir = ExternalExtensionsDir(env, row, scope);
    for (const std::string& recorded : RecordedIds(env)) {
      fs::path file = dir / (recorded + ".json");
      if (dir.empty() || !fs::exists(file, ec)) continue;
      json reg = json::parse(ReadJsonText(file), nullptr, false);
      std::string crx = reg.is_object() ? reg.value("external_crx", "") : "";
      if (crx.empty() || !fs::exists(crx, ec)) {
        check->findings.push_back({Failure::kExtensionNotInstalled,
                                   file.string() + " names the package " + crx +
                                       ", which does not exist",
                                   "run installer/install.sh again"});
        continue;
      }
      check->extension.push_back("registered " + recorded + " in " +
                                 file.string() + " (version " +
                                 reg.value("external_version", "?") +
                                 "; the browser installs it at its start)");
      if (id.empty()) id = recorded;
    }
  }
  if (id.empty()) {
    check->findings.push_back(
        {Failure::kExtensionNotInstalled,
         "Objector's extension is not installed in " +
             std::string(row.display) + " (no profile has it, none registered)",
         "run installer/install.sh (it adds the extension), then restart " +
             std::string(row.display)});
    return;
  }
  check->caller_id = id;
  const std::string origin = "chrome-extension://" + id + "/";
  if (manifest.is_object() &&
      !HasString(manifest.value("allowed_origins", json()), origin)) {
    check->findings.push_back(
        {Failure::kIdMismatch,
         "id mismatch: the extension in " + std::string(row.display) +
             " has id " + id + " but the host manifest " +
             check->manifest.string() + " does not allow " + origin,
         Reinstall(row) + ", or installer/install.sh again"});
  }
}

// Firefox grants an MV3 add-on's host permissions separately from installing
// it (extension-preferences.json); without the grant the add-on runs but its
// content script never sees Meta's pages, so the control never appears.
void CheckFirefoxGrant(const fs::path& profile, BrowserCheck* check) {
  std::optional<std::vector<std::string>> granted =
      FirefoxGrantedOrigins(profile, GeckoId());
  std::string missing;
  for (const std::string& origin : ExtensionHostPermissions()) {
    if (!granted ||
        std::find(granted->begin(), granted->end(), origin) == granted->end())
      missing += (missing.empty() ? "" : ", ") + origin;
  }
  if (missing.empty()) return;
  // The installer writes the grant only where Firefox has no entry for the
  // add-on: an entry without these origins is the person's (or Firefox's)
  // choice, which only about:addons changes.
  check->findings.push_back(
      {Failure::kNoSiteAccess,
       "Objector may not read Meta's pages in this profile (" +
           profile.string() + "): " +
           (granted ? "access was taken back for " : "no access granted for ") +
           missing,
       granted ? "grant it in about:addons → Objector → Permissions"
               : "run installer/install.sh again, or grant it in about:addons "
                 "→ Objector → Permissions"});
}

void CheckFirefoxExtension(const Env& env, const BrowserRow& row,
                           BrowserCheck* check) {
  bool any = false;
  std::error_code ec;
  std::vector<fs::path> profiles = FirefoxProfiles(env, row);
  for (const fs::path& p : profiles) {
    ProfileExtension x = FirefoxProfileExtension(p, GeckoId());
    fs::path xpi = p / "extensions" / (GeckoId() + ".xpi");
    if (x.installed) {
      check->extension.push_back(Describe(x));
      any = true;  // present: a disabled one is its own finding
      if (!x.enabled) {
        check->findings.push_back(
            {Failure::kExtensionDisabled,
             "Objector is not running in " + p.string() + " (" +
                 x.why_disabled + ")",
             "run installer/install.sh again (it allows the unsigned add-on "
             "in user.js), or switch it on in about:addons"});
      }
      CheckFirefoxGrant(p, check);
    } else if (fs::exists(xpi, ec)) {
      check->extension.push_back(p.filename().string() + ": added " +
                                 xpi.string() +
                                 " (Firefox installs it at its next start)");
      any = true;
      CheckFirefoxGrant(p, check);
    } else {
      check->extension.push_back(p.filename().string() + ": not installed");
    }
  }
  if (!any) {
    check->findings.push_back(
        {Failure::kExtensionNotInstalled,
         "Objector's add-on is not installed in " + std::string(row.display) +
             (profiles.empty() ? " (no profile yet)" : ""),
         profiles.empty() ? "start " + std::string(row.display) +
                                " once, then run installer/install.sh"
                          : "run installer/install.sh (it adds the add-on), "
                            "then restart " +
                                std::string(row.display)});
  }
}

// The extension itself, per profile (Linux browsers from packages; other
// systems: not checked, and said so).
void CheckExtension(const Env& env, const BrowserRow& row,
                    const std::string& manifest_text, BrowserCheck* check) {
  if (row.os != Os::kLinux || row.packaging != Packaging::kNative) {
    check->extension.push_back("not checked for this browser on this system");
    return;
  }
  if (row.family == Family::kChromium) {
    CheckChromiumExtension(env, row, json::parse(manifest_text, nullptr, false),
                           check);
  } else {
    CheckFirefoxExtension(env, row, check);
  }
}

void CheckDatabase(DoctorReport* report) {
  if (report->database.empty()) return;
  std::error_code ec;
  fs::path db = report->database;
  if (!fs::exists(db, ec)) {
    // The host creates the folder and the file on first use: the nearest
    // existing folder above must be writable.
    fs::path dir = db.parent_path();
    while (!dir.empty() && !fs::exists(dir, ec) && dir != dir.parent_path())
      dir = dir.parent_path();
    if (!fs::is_directory(dir, ec)) {
      report->general.push_back(
          {Failure::kDatabase,
           "cannot create " + db.string() + ": " + dir.string() +
               " is a file, not a folder",
           "move " + dir.string() +
               " away, or set OBJECTOR_DATA_DIR to another folder"});
    } else if (IsWritableDir(dir)) {
      report->database_note =
          "not created yet; will be created on first use (" + dir.string() +
          " is writable)";
    } else {
      report->general.push_back(
          {Failure::kDatabase,
           "cannot create " + db.string() + ": " + dir.string() +
               " is not writable",
           "make " + dir.string() + " yours and writable (chown, chmod 700)"});
    }
    return;
  }
  try {
    SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
    d.setBusyTimeout(1000);
    d.exec("BEGIN IMMEDIATE");
    d.exec("ROLLBACK");
    report->database_note = "opens and is writable";
  } catch (const std::exception& e) {
    report->general.push_back({Failure::kDatabase,
                               db.string() + ": " + e.what(),
                               "check the file's owner and permissions (600), "
                               "free disk space, and that "
                               "no other program holds it locked"});
  }
}

// The agent's own files in the data folder: agent.json (written while it listens) and
// agent-clients.json (the paired extensions, hashed tokens and their origins).
std::string AgentNote(const Env& env) {
  Result<fs::path> dir = DataDir(env);
  if (!dir.ok()) return "";
  int paired = 0;
  if (Result<std::string> clients = ReadFile(*dir / "agent-clients.json"); clients.ok()) {
    json j = json::parse(*clients, nullptr, false);
    if (j.is_object() && j.contains("clients") && j["clients"].is_array()) paired = static_cast<int>(j["clients"].size());
  }
  std::string pairs = paired == 0 ? "no extension paired" : std::to_string(paired) + " extension(s) paired";
  Result<std::string> text = ReadFile(*dir / "agent.json");
  if (!text.ok()) {
    return "not running (" + pairs + "; needed only by a browser that cannot start the host: objector pair)";
  }
  json j = json::parse(*text, nullptr, false);
  if (!j.is_object() || !j.contains("port") || !j["port"].is_number_integer() || !j.contains("pid") ||
      !j["pid"].is_number_integer()) {
    return "agent.json is not an agent's (" + pairs + "); objector serve replaces it";
  }
#if !defined(_WIN32)
  int pid = j["pid"].get<int>();
  if (pid <= 0 || (::kill(pid, 0) != 0 && errno == ESRCH)) {
    return "not running: agent.json names pid " + std::to_string(pid) + ", which has ended (" + pairs + ")";
  }
#endif
  return "running on 127.0.0.1:" + std::to_string(j["port"].get<int>()) + " (" + pairs + ")";
}

}  // namespace

DoctorReport Diagnose(const Env& env, Registry* registry,
                      const DoctorOptions& options) {
  DoctorReport report;
  std::vector<Target> users = ResolveTargets(env, Scope::kUser, HostName());
  std::vector<Target> systems = ResolveTargets(env, Scope::kSystem, HostName());
  for (size_t i = 0; i < users.size(); ++i) {
    const Target& t = users[i];
    const BrowserRow& row = *t.row;
    bool named = std::find(options.browsers.begin(), options.browsers.end(),
                           row.name) != options.browsers.end();
    if (options.browsers.empty() ? !(t.found || systems[i].found) : !named)
      continue;
    BrowserCheck check{row.name, row.display, row.family, {}, {},
                       {},       -1,          {},         {}};
    if (row.packaging == Packaging::kSnap) {
      check.findings.push_back({Failure::kSandboxedBrowser,
                                std::string(row.display) + " is a Snap",
                                SnapAdvice(row)});
      report.browsers.push_back(check);
      continue;
    }
    check.manifest = LocateManifest(env, registry, t, systems[i]);
    std::string text, host;
    Result<std::string> read = std::string();
    if (check.manifest.empty()) {
      check.findings.push_back(
          {Failure::kHostNotFound,
           "no manifest at " + (t.manifest_path.empty()
                                    ? std::string("(none)")
                                    : t.manifest_path.string()),
           Reinstall(row)});
    } else if (read = ReadFile(check.manifest); !read.ok()) {
      check.findings.push_back(
          {Failure::kHostNotFound, read.status().message(), Reinstall(row)});
    } else {
      text = *read;
      check.findings = CheckManifest(env, row, text, check.manifest, &host);
    }
    bool manifest_ok = !check.manifest.empty() && check.findings.empty();
    CheckExtension(env, row, text, &check);
    if (manifest_ok)
      Probe(env, row, check.manifest, host, options, &check, &report);
    report.browsers.push_back(check);
  }
  if (report.browsers.empty()) {
    report.general.push_back({Failure::kNoBrowser, "no supported browser found",
                              "install Chromium or Firefox, or name one: "
                              "objector doctor --browser NAME"});
  }
  CheckDatabase(&report);
  report.agent_note = AgentNote(env);
  return report;
}

}  // namespace objector::install
