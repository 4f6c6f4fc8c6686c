#include "install_record.h"

#include <nlohmann/json.hpp>

#include "fs_util.h"

namespace objector::install {
namespace fs = std::filesystem;

void InstallRecord::Add(const RecordEntry& e) {
  for (const RecordEntry& have : entries) {
    if (have == e) return;
  }
  entries.push_back(e);
}

bool InstallRecord::StillUsed(const RecordEntry& e, size_t except) const {
  for (size_t i = 0; i < entries.size(); ++i) {
    const RecordEntry& o = entries[i];
    if (i != except && o.kind == e.kind && o.path == e.path && o.root == e.root)
      return true;
  }
  return false;
}

Result<InstallRecord> LoadRecord(const fs::path& file) {
  InstallRecord record;
  std::error_code ec;
  if (!fs::exists(file, ec)) return record;
  Result<std::string> text = ReadFile(file);
  if (!text.ok()) return text.status();
  try {
    nlohmann::json j = nlohmann::json::parse(*text);
    for (const auto& e : j.at("entries")) {
      record.entries.push_back({e.value("browser", ""),
                                e.at("kind").get<std::string>(),
                                e.at("path").get<std::string>(),
                                e.value("root", ""), e.value("note", "")});
    }
    for (const auto& id : j.value("extension_ids", nlohmann::json::array()))
      record.extension_ids.push_back(id.get<std::string>());
  } catch (const nlohmann::json::exception& ex) {
    return Status(ErrorCode::kInvalidValue,
                  "install record " + file.string() + " is damaged (" +
                      ex.what() +
                      "); remove the files it lists by hand or delete it and "
                      "run `objector install` again");
  }
  return record;
}

Status SaveRecord(const fs::path& file, const InstallRecord& record) {
  std::vector<fs::path> created;
  if (Status s = MakeDirs(file.parent_path(), &created); !s.ok()) return s;
  std::error_code ec;
  for (const fs::path& d : created)
    fs::permissions(d, fs::perms::owner_all, fs::perm_options::replace, ec);
  nlohmann::json j = {{"version", 1}, {"entries", nlohmann::json::array()}};
  for (const RecordEntry& e : record.entries) {
    nlohmann::json o = {
        {"browser", e.browser}, {"kind", e.kind}, {"path", e.path}};
    if (!e.root.empty()) o["root"] = e.root;
    if (!e.note.empty()) o["note"] = e.note;
    j["entries"].push_back(o);
  }
  if (!record.extension_ids.empty()) j["extension_ids"] = record.extension_ids;
  return WriteFileAtomic(file, j.dump(2) + "\n",
                         fs::perms::owner_read | fs::perms::owner_write);
}

}  // namespace objector::install
