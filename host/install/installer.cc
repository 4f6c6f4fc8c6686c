#include "installer.h"

#include <algorithm>
#include <set>
#include <system_error>

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

  void Fail(const std::string& name, const std::string& message) {
    err << name << ": " << message << "\n";
    failed = true;
  }

  bool EnsureDir(const std::string& name, const fs::path& dir) {
    std::vector<fs::path> created;
    std::string e;
    if (!MakeDirs(dir, &created, &e)) {
      Fail(name, e);
      return false;
    }
    for (const fs::path& d : created) record.Add({name, "dir", d.string(), ""});
    return true;
  }

  bool Write(const std::string& name, const fs::path& file,
             const std::string& content, fs::perms mode, const char* what) {
    if (options.dry_run) {
      out << "  would write " << what << " " << file.string() << "\n";
      return true;
    }
    if (!EnsureDir(name, file.parent_path())) return false;
    std::string e;
    if (!WriteFileAtomic(file, content, mode, &e)) {
      Fail(name, e + (options.scope == Scope::kSystem
                          ? " (system-wide needs root: use sudo)"
                          : ""));
      return false;
    }
    record.Add({name, "file", file.string(), ""});
    out << "  wrote " << what << " " << file.string() << "\n";
    return true;
  }

  void One(const Target& t) {
    const BrowserRow& row = *t.row;
    out << row.display << " (" << row.name << "):\n";
    if (row.packaging == Packaging::kSnap) {
      out << "  nothing written. " << SnapAdvice(row) << "\n";
      return;
    }
    if (t.manifest_dir.empty()) {
      out << "  no " << ScopeName(options.scope)
          << "-wide location is known for this browser; "
          << (options.scope == Scope::kSystem
                  ? "run `objector install` as the user instead"
                  : "skipped")
          << "\n";
      return;
    }
    fs::path host = options.host_path;
    if (!t.host_copy.empty()) {
      std::string bytes, e;
      if (!options.dry_run && !ReadFile(options.host_path, &bytes, &e))
        return Fail(row.name, e);
      if (!Write(row.name, t.host_copy, bytes, kHostMode,
                 "sandbox copy of the host"))
        return;
      host = t.host_copy;
    }
    std::string manifest = RenderManifest(row.family, host.string());
    if (written.insert(t.manifest_path.string()).second ||
        !t.host_copy.empty()) {
      if (!Write(row.name, t.manifest_path, manifest, kManifestMode,
                 "manifest"))
        return;
    } else {
      out << "  manifest " << t.manifest_path.string()
          << " (shared, already written)\n";
      record.Add({row.name, "file", t.manifest_path.string(), ""});
    }
    if (!t.registry_key.empty()) Register(t);
  }

  void Register(const Target& t) {
    const std::string where = t.registry_root + "\\" + t.registry_key;
    if (options.dry_run) {
      out << "  would set " << where << " = " << t.manifest_path.string()
          << "\n";
      return;
    }
    std::string e;
    if (registry == nullptr)
      return Fail(t.row->name, "no registry on this system");
    if (!registry->SetDefault(t.registry_root, t.registry_key,
                              t.manifest_path.string(), &e)) {
      return Fail(t.row->name, e);
    }
    record.Add({t.row->name, "registry", t.registry_key, t.registry_root});
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

fs::path RecordPath(const Env& env, Scope scope) {
  return (scope == Scope::kUser ? UserDataDir(env) : SystemStateDir(env)) /
         kRecordFileName;
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
  Run run{env, registry, options, out, err, {}, {}, false};
  const fs::path record_file = RecordPath(env, options.scope);
  std::string e;
  if (!LoadRecord(record_file, &run.record, &e)) {
    err << e << "\n";
    return 1;
  }
  if (!options.dry_run) {  // folders above the data folder that we create are
                           // ours to remove too
    std::vector<fs::path> created;
    if (!MakeDirs(record_file.parent_path().parent_path(), &created, &e)) {
      err << e << "\n";
      return 1;
    }
    for (const fs::path& d : created)
      run.record.Add({"", "dir", d.string(), ""});
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
  if (count == 0) {
    err << "no supported browser found for this " << ScopeName(options.scope)
        << "; name one with --browser NAME (see `objector install --help`)\n";
    return 1;
  }
  if (!options.dry_run && !SaveRecord(record_file, run.record, &e)) {
    err << e << "\n";
    return 1;
  }
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
    std::string msg;
    if (registry == nullptr || !registry->DeleteKey(e.root, e.path, &msg)) {
      err << (registry == nullptr ? "no registry on this system" : msg) << "\n";
      return false;
    }
    out << "  deleted " << e.root << "\\" << e.path << "\n";
    return true;
  }
  if (!fs::exists(e.path, ec)) return true;
  // A record is only ever written by us, but it is a file on disk: never let it
  // name anything but our own manifest or host copy (folders are removed only
  // when empty).
  const std::string name = fs::path(e.path).filename().string();
  if (e.kind == "file" && name != HostName() + ".json" &&
      name != "objector-host") {
    err << "refusing to remove " << e.path
        << ": the install record may only name org.objector.host.json or "
           "objector-host\n";
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
  const fs::path record_file = RecordPath(env, options.scope);
  InstallRecord record;
  std::string e;
  if (!LoadRecord(record_file, &record, &e)) {
    err << e << "\n";
    return 1;
  }
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
    } else if (!SaveRecord(record_file, kept, &e)) {
      err << e << "\n";
      failed = true;
    }
  }
  const fs::path data = UserDataDir(env);
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
