// The install record: every file, folder and registry key that `objector
// install` wrote, so that `objector uninstall` removes exactly those and
// nothing else. A small JSON file, mode 0600, in the data folder (per user) or
// the system state folder (--system).
#ifndef OBJECTOR_INSTALL_INSTALL_RECORD_H_
#define OBJECTOR_INSTALL_INSTALL_RECORD_H_

#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"

namespace objector::install {

struct RecordEntry {
  std::string browser;  // table name that caused it ("" for shared folders)
  std::string kind;     // "file" | "dir" | "registry" | "prefs"
  std::string path;     // file or folder path; for registry: the key
  std::string root;     // registry only: "HKCU" | "HKLM"
  // "prefs" entries (a Firefox profile's user.js block): "created-user.js"
  // and "kept:<pref>" items, ';'-separated, so that uninstall restores
  // exactly what was there.
  std::string note;
  bool operator==(const RecordEntry& o) const {
    return browser == o.browser && kind == o.kind && path == o.path &&
           root == o.root;
  }
};

struct InstallRecord {
  std::vector<RecordEntry> entries;  // in the order written
  // Chromium ids of the extensions this install signed and registered (the
  // host accepts them as callers besides the store ids).
  std::vector<std::string> extension_ids;
  void Add(const RecordEntry& e);  // ignores exact duplicates
  // True when some entry other than `except` refers to the same
  // kind+path(+root).
  bool StillUsed(const RecordEntry& e, size_t except) const;
};

constexpr char kRecordFileName[] = "install-record.json";

// Reads the record; a missing file gives an empty record. Error naming the
// file when it cannot be read (kInternal) or is damaged (kInvalidValue, the
// file is left as is).
Result<InstallRecord> LoadRecord(const std::filesystem::path& file);
// Writes atomically (temporary file + rename) with mode 0600; creates the
// folder with 0700.
Status SaveRecord(const std::filesystem::path& file,
                  const InstallRecord& record);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_INSTALL_RECORD_H_
