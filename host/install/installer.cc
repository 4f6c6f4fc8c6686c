#include "installer.h"

#include <algorithm>
#include <set>
#include <system_error>

#include "base/paths.h"
#include "extension.h"
#include "fs_util.h"
#include "install_record.h"
#include "manifest.h"

namespace objector::install {
namespace fs = std::filesystem;

namespace {

constexpr fs::perms kManifestMode =
    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
    fs::perms::others_read;
constexpr fs::perms kHostMode = kManifestMode | fs::perms::owner_exec |
                                fs::perms::group_exec | fs::perms::others_exec;

bool Selected(const std::vector<std::string>& names, const std::string& name) {
  return names.empty() ||
         std::find(names.begin(), names.end(), name) != names.end();
}

// State shared by the steps of one install run.
struct Run {
  const Env& env;
  Registry* registry;
  const InstallOptions& options;
  std::ostream& out;
  std::ostream& err;
  InstallRecord record;
  std::set<std::string> written;  // manifest paths already written in this run
  bool failed = false;
  // One line per browser for the closing table: what the host and the
  // extension got.
  std::vector<std::vector<std::string>> table;

  void Fail(const std::string& name, const std::string& message) {
    err << name << ": " << message << "\n";
    failed = true;
  }

  bool EnsureDir(const std::string& name, const fs::path& dir) {
    std::vector<fs::path> created;
    if (Status s = MakeDirs(dir, &created); !s.ok()) {
      Fail(name, s.message());
      return false;
    }
    for (const fs::path& d : created)
      record.Add({name, "dir", d.string(), "", ""});
    return true;
  }

  bool Write(const std::string& name, const fs::path& file,
             const std::string& content, fs::perms mode, const char* what) {
    if (options.dry_run) {
      out << "  would write " << what << " " << file.string() << "\n";
      return true;
    }
    if (!EnsureDir(name, file.parent_path())) return false;
    if (Status s = WriteFileAtomic(file, content, mode); !s.ok()) {
      Fail(name, s.message() + (options.scope == Scope::kSystem
                                    ? " (system-wide needs root: use sudo)"
                                    : ""));
      return false;
    }
    record.Add({name, "file", file.string(), "", ""});
    out << "  wrote " << what << " " << file.string() << "\n";
    return true;
  }

  void One(const Target& t) {
    const BrowserRow& row = *t.row;
    out << row.display << " (" << row.name << "):\n";
    table.push_back({row.display, "failed", "-"});
    if (row.packaging == Packaging::kSnap) {
      out << "  nothing written. " << SnapAdvice(row) << "\n";
      table.back() = {row.display, "not possible (Snap)",
                      "see `objector doctor`"};
      return;
    }
    if (t.manifest_dir.empty()) {
      out << "  no " << ScopeName(options.scope)
          << "-wide location is known for this browser; "
          << (options.scope == Scope::kSystem
                  ? "run `objector install` as the user instead"
                  : "skipped")
          << "\n";
      table.back()[1] =
          "no " + std::string(ScopeName(options.scope)) + "-wide location";
      return;
    }
    fs::path host = options.host_path;
    if (!t.host_copy.empty()) {
      std::string bytes;
      if (!options.dry_run) {
        Result<std::string> read = ReadFile(options.host_path);
        if (!read.ok()) return Fail(row.name, read.status().message());
        bytes = std::move(*read);
      }
      if (!Write(row.name, t.host_copy, bytes, kHostMode,
                 "sandbox copy of the host"))
        return;
      host = t.host_copy;
    }
    std::vector<std::string> ids;
    if (!options.chromium_id.empty()) ids.push_back(options.chromium_id);
    std::string manifest = RenderManifest(row.family, host.string(), ids);
    if (written.insert(t.manifest_path.string()).second ||
        !t.host_copy.empty()) {
      if (!Write(row.name, t.manifest_path, manifest, kManifestMode,
                 "manifest"))
        return;
    } else {
      out << "  manifest " << t.manifest_path.string()
          << " (shared, already written)\n";
      record.Add({row.name, "file", t.manifest_path.string(), "", ""});
    }
    if (!t.registry_key.empty()) Register(t);
    if (failed) return;
    table.back()[1] = "registered";
    table.back()[2] = Extension(t);
  }

  // Puts the extension into the browser (extension.h); returns the table
  // cell.
  std::string Extension(const Target& t) {
    const BrowserRow& row = *t.row;
    if (options.extension_dir.empty()) return "not asked (no --extension)";
    if (row.family == Family::kChromium) {
      fs::path dir = ExternalExtensionsDir(env, row, options.scope);
      if (dir.empty()) return "not added: no local route; use the store build";
      fs::path crx = options.extension_dir / kCrxName;
      if (!Write(row.name, dir / (options.chromium_id + ".json"),
                 ExternalExtensionJson(crx, ObjectorVersion()), kManifestMode,
                 "external extension"))
        return "FAILED";
      return "added " + options.chromium_id + " (enabled at next start)";
    }
    if (options.scope == Scope::kSystem)
      return "not added system-wide: run install.sh as the user";
    std::vector<fs::path> profiles = FirefoxProfiles(env, row);
    if (profiles.empty())
      return "not added: no profile yet; start the browser once, then "
             "install again";
    std::string bytes;
    if (!options.dry_run) {
      Result<std::string> read = ReadFile(options.extension_dir / kXpiName);
      if (!read.ok()) {
        Fail(row.name, read.status().message());
        return "FAILED";
      }
      bytes = std::move(*read);
    }
    for (const fs::path& p : profiles) {
      if (!options.dry_run && FirefoxProfileInUse(p)) {
        // Firefox rewrites its permission store when it quits.
        Fail(row.name, "the profile " + p.string() +
                           " is in use: close the browser, then install again");
        return "FAILED: close the browser first";
      }
      if (!Write(row.name, p / "extensions" / (GeckoId() + ".xpi"), bytes,
                 kManifestMode, "add-on"))
        return "FAILED";
      if (options.dry_run) {
        out << "  would add the signature-check block to "
            << (p / "user.js").string() << "\n";
        continue;
      }
      // An earlier install's entry already knows what was there before.
      std::string note;
      bool known = false;
      for (const RecordEntry& have : record.entries) {
        if (have.kind == "prefs" && have.path == p.string()) {
          note = have.note;
          known = true;
        }
      }
      if (!known) {
        for (const std::string& pref : PrefsAlreadySet(p))
          note += "kept:" + pref + ";";
      }
      bool had_file = false;
      if (Status s = AddUserJsBlock(p, &had_file); !s.ok()) {
        Fail(row.name, s.message());
        return "FAILED";
      }
      bool granted = false, had_store = false;
      if (Status s = GrantFirefoxOrigins(
              p, GeckoId(),
              HostPermissions(options.extension_dir / "firefox/manifest.json"),
              &granted, &had_store);
          !s.ok()) {
        Fail(row.name, s.message());
        return "FAILED";
      }
      if (!known) {
        if (!had_file) note += "created-user.js;";
        if (granted) note += "granted-origins;";
        if (granted && !had_store)
          note += "created-extension-preferences.json;";
        record.Add({row.name, "prefs", p.string(), "", note});
      }
      out << "  allowed the unsigned add-on in " << (p / "user.js").string()
          << "\n";
    }
    return "added to " + std::to_string(profiles.size()) +
           " profile(s) (enabled at next start)";
  }

  void PrintTable() const {
    size_t w0 = 7, w1 = 4;
    for (const auto& r : table) {
      w0 = std::max(w0, r[0].size());
      w1 = std::max(w1, r[1].size());
    }
    auto pad = [](const std::string& s, size_t w) {
      return s + std::string(w - s.size() + 2, ' ');
    };
    out << "\n" << pad("browser", w0) << pad("host", w1) << "extension\n";
    for (const auto& r : table)
      out << pad(r[0], w0) << pad(r[1], w1) << r[2] << "\n";
  }

  void Register(const Target& t) {
    const std::string where = t.registry_root + "\\" + t.registry_key;
    if (options.dry_run) {
      out << "  would set " << where << " = " << t.manifest_path.string()
          << "\n";
      return;
    }
    if (registry == nullptr)
      return Fail(t.row->name, "no registry on this system");
    if (Status s = registry->SetDefault(t.registry_root, t.registry_key,
                                        t.manifest_path.string());
        !s.ok()) {
      return Fail(t.row->name, s.message());
    }
    record.Add({t.row->name, "registry", t.registry_key, t.registry_root, ""});
    out << "  set " << where << "\n";
  }
};

}  // namespace

std::string SnapAdvice(const BrowserRow& row) {
  if (row.family == Family::kFirefox) {
    return "Firefox from Snap is confined and cannot start programs outside "
           "the snap. It reaches "
           "native hosts only through the WebExtensions portal of "
           "xdg-desktop-portal (1.17 or "
           "later), which reads the system-wide manifest: run `sudo objector "
           "install --system "
           "--browser firefox` (or install the objector .deb) and allow "
           "Objector when Firefox asks. "
           "Or use Firefox from Mozilla's .deb or tarball.";
  }
  return "Chromium from Snap is confined and cannot start native messaging "
         "hosts outside the snap, "
         "and it has no portal for them. Install Chromium from a .deb or from "
         "Flatpak "
         "(`objector install --browser flatpak-chromium`) to use Objector's "
         "history.";
}

Result<fs::path> RecordPath(const Env& env, Scope scope) {
  if (scope == Scope::kSystem) return SystemStateDir(env) / kRecordFileName;
  Result<fs::path> data = DataDir(env);
  if (!data.ok()) return data.status();
  return *data / kRecordFileName;
}

int Install(const Env& env, Registry* registry, const InstallOptions& options,
            std::ostream& out, std::ostream& err) {
  if (!options.dry_run &&
      (!options.host_path.is_absolute() || !IsExecutable(options.host_path))) {
    err << "objector-host not found or not executable at "
        << options.host_path.string()
        << "; build it, or pass --host /absolute/path/to/objector-host\n";
    return 1;
  }
  Run run{env, registry, options, out, err, {}, {}, false, {}};
  const Result<fs::path> record_path = RecordPath(env, options.scope);
  if (!record_path.ok()) {
    err << record_path.status().message() << "\n";
    return 1;
  }
  const fs::path record_file = *record_path;
  Result<InstallRecord> loaded = LoadRecord(record_file);
  if (!loaded.ok()) {
    err << loaded.status().message() << "\n";
    return 1;
  }
  run.record = std::move(*loaded);
  if (!options.dry_run) {  // folders above the data folder that we create are
                           // ours to remove too
    std::vector<fs::path> created;
    if (Status s = MakeDirs(record_file.parent_path().parent_path(), &created);
        !s.ok()) {
      err << s.message() << "\n";
      return 1;
    }
    for (const fs::path& d : created)
      run.record.Add({"", "dir", d.string(), "", ""});
  }
  int count = 0;
  for (const Target& t : ResolveTargets(env, options.scope, HostName())) {
    bool wanted = options.browsers.empty()
                      ? t.found
                      : Selected(options.browsers, t.row->name);
    if (!wanted) continue;
    ++count;
    run.One(t);
  }
  if (!options.chromium_id.empty() && !options.dry_run) {
    auto& ids = run.record.extension_ids;
    if (std::find(ids.begin(), ids.end(), options.chromium_id) == ids.end())
      ids.push_back(options.chromium_id);
  }
  if (count == 0) {
    err << "no supported browser found for this " << ScopeName(options.scope)
        << "; name one with --browser NAME (see `objector install --help`)\n";
    return 1;
  }
  if (Status s =
          options.dry_run ? Status::Ok() : SaveRecord(record_file, run.record);
      !s.ok()) {
    err << s.message() << "\n";
    return 1;
  }
  run.PrintTable();
  if (options.dry_run) out << "dry run: nothing was written\n";
  return run.failed ? 1 : 0;
}

namespace {

bool RemoveEntry(const Env& env, Registry* registry, const RecordEntry& e,
                 bool dry_run, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (e.kind == "registry") {
    if (dry_run)
      return out << "  would delete " << e.root << "\\" << e.path << "\n", true;
    Status s = registry == nullptr
                   ? Status(ErrorCode::kInternal, "no registry on this system")
                   : registry->DeleteKey(e.root, e.path);
    if (!s.ok()) {
      err << s.message() << "\n";
      return false;
    }
    out << "  deleted " << e.root << "\\" << e.path << "\n";
    return true;
  }
  if (e.kind == "prefs") {
    if (dry_run)
      return out << "  would remove Objector's block from " << e.path
                 << "/user.js\n",
             true;
    if (FirefoxProfileInUse(e.path)) {
      err << "the Firefox profile " << e.path
          << " is in use: close the browser, then uninstall again\n";
      return false;
    }
    std::vector<std::string> keep;
    std::string note = e.note;
    for (size_t at; (at = note.find("kept:")) != std::string::npos;) {
      size_t end = note.find(';', at);
      keep.push_back(note.substr(at + 5, end - at - 5));
      note.erase(0, end == std::string::npos ? note.size() : end + 1);
    }
    Status s = RemoveUserJsBlock(
        e.path, e.note.find("created-user.js") != std::string::npos, keep);
    if (s.ok() && e.note.find("granted-origins") != std::string::npos) {
      s = RevokeFirefoxOrigins(
          e.path, GeckoId(),
          e.note.find("created-extension-preferences.json") !=
              std::string::npos);
    }
    if (!s.ok()) {
      err << s.message() << "\n";
      return false;
    }
    out << "  removed Objector's prefs from " << e.path << "\n";
    return true;
  }
  if (!fs::exists(e.path, ec)) return true;
  // A record is only ever written by us, but it is a file on disk: never let it
  // name anything but our own manifest or host copy (folders are removed only
  // when empty).
  const fs::path file = e.path;
  const std::string name = file.filename().string();
  const bool ours =
      name == HostName() + ".json" || name == "objector-host" ||
      name == GeckoId() + ".xpi" ||
      (file.extension() == ".json" && IsChromiumId(file.stem().string()));
  if (e.kind == "file" && !ours) {
    err << "refusing to remove " << e.path
        << ": the install record may only name org.objector.host.json, "
           "objector-host, <extension id>.json or "
        << GeckoId() << ".xpi\n";
    return false;
  }
  if (e.kind == "dir") {
    if (!fs::is_empty(e.path, ec))
      return true;  // something else lives there now: keep it
  }
  if (dry_run) return out << "  would remove " << e.path << "\n", true;
  if (!fs::remove(e.path, ec) && ec) {
    err << "cannot remove " << e.path << ": " << ec.message() << "\n";
    return false;
  }
  out << "  removed " << e.path << "\n";
  (void)env;
  return true;
}

}  // namespace

int Uninstall(const Env& env, Registry* registry,
              const UninstallOptions& options, std::ostream& out,
              std::ostream& err) {
  const Result<fs::path> record_path = RecordPath(env, options.scope);
  if (!record_path.ok()) {
    err << record_path.status().message() << "\n";
    return 1;
  }
  const fs::path record_file = *record_path;
  Result<InstallRecord> loaded = LoadRecord(record_file);
  if (!loaded.ok()) {
    err << loaded.status().message() << "\n";
    return 1;
  }
  const InstallRecord record = std::move(*loaded);
  if (record.entries.empty()) {
    out << "nothing registered (no install record at " << record_file.string()
        << ")\n";
  }
  bool failed = false;
  InstallRecord kept;
  // Files and keys first, in the order written; folders last, deepest first.
  std::vector<size_t> order;
  for (size_t i = 0; i < record.entries.size(); ++i) {
    if (record.entries[i].kind != "dir") order.push_back(i);
  }
  for (size_t i = record.entries.size(); i-- > 0;) {
    if (record.entries[i].kind == "dir") order.push_back(i);
  }
  InstallRecord remaining = record;  // entries not (yet) removed, for StillUsed
  for (size_t i : order) {
    const RecordEntry& entry = record.entries[i];
    if (!Selected(options.browsers, entry.browser)) continue;
    remaining.entries[i].kind = "removed";
    if (remaining.StillUsed(entry, i))
      continue;  // another browser still needs this file or key
    if (!RemoveEntry(env, registry, entry, options.dry_run, out, err)) {
      failed = true;
      remaining.entries[i].kind = entry.kind;
    }
  }
  for (const RecordEntry& r : remaining.entries) {
    if (r.kind != "removed") kept.entries.push_back(r);
  }
  if (!options.dry_run) {
    std::error_code ec;
    if (kept.entries.empty()) {
      fs::remove(record_file, ec);
    } else if (Status s = SaveRecord(record_file, kept); !s.ok()) {
      err << s.message() << "\n";
      failed = true;
    }
  }
  const fs::path data =
      record_file.parent_path();  // the data folder (used for kUser only)
  std::error_code ec;
  if (options.purge && options.scope == Scope::kSystem) {
    out << "--purge with --system deletes no history: each user's history is "
           "in "
           "their own data folder; run `objector uninstall --purge` as that "
           "user\n";
  } else if (options.purge && fs::exists(data, ec)) {
    if (options.dry_run) {
      out << "would delete the data folder " << data.string()
          << " (history included)\n";
    } else if (fs::remove_all(data, ec) == static_cast<std::uintmax_t>(-1) ||
               ec) {
      err << "cannot delete " << data.string() << ": " << ec.message() << "\n";
      failed = true;
    } else {
      out << "deleted the data folder " << data.string()
          << " (history included)\n";
    }
  } else if (!options.dry_run && options.scope == Scope::kUser &&
             fs::exists(data, ec)) {
    if (fs::is_empty(data, ec)) {
      fs::remove(data, ec);
    } else {
      out << "kept your history in " << data.string()
          << " (uninstall --purge deletes it)\n";
    }
  }
  if (!options
           .dry_run) {  // folders that only held the data folder or the record
    for (size_t i : order) {
      const RecordEntry& entry = record.entries[i];
      if (entry.kind == "dir" && Selected(options.browsers, entry.browser) &&
          fs::exists(entry.path, ec) && fs::is_empty(entry.path, ec)) {
        fs::remove(entry.path, ec);
      }
    }
  }
  if (options.dry_run) out << "dry run: nothing was removed\n";
  return failed ? 1 : 0;
}

}  // namespace objector::install
