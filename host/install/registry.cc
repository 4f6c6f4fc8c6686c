#include "registry.h"

#include <algorithm>
#include <cctype>

namespace objector::install {

std::pair<std::string, std::string> MemoryRegistry::Key(
    const std::string& root, const std::string& key) {
  std::string k = key;
  std::transform(k.begin(), k.end(), k.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return {root, k};
}

Status MemoryRegistry::SetDefault(const std::string& root,
                                  const std::string& key,
                                  const std::string& value) {
  if (read_only_)
    return Status(ErrorCode::kInternal,
                  "access denied writing " + root + "\\" + key);
  values_[Key(root, key)] = value;
  return Status::Ok();
}

std::optional<std::string> MemoryRegistry::GetDefault(const std::string& root,
                                                      const std::string& key) {
  auto it = values_.find(Key(root, key));
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

Status MemoryRegistry::DeleteKey(const std::string& root,
                                 const std::string& key) {
  if (read_only_)
    return Status(ErrorCode::kInternal,
                  "access denied deleting " + root + "\\" + key);
  values_.erase(Key(root, key));
  return Status::Ok();
}

}  // namespace objector::install
