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

bool MemoryRegistry::SetDefault(const std::string& root, const std::string& key,
                                const std::string& value, std::string* err) {
  if (read_only_) {
    *err = "access denied writing " + root + "\\" + key;
    return false;
  }
  values_[Key(root, key)] = value;
  return true;
}

std::optional<std::string> MemoryRegistry::GetDefault(const std::string& root,
                                                      const std::string& key) {
  auto it = values_.find(Key(root, key));
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

bool MemoryRegistry::DeleteKey(const std::string& root, const std::string& key,
                               std::string* err) {
  if (read_only_) {
    *err = "access denied deleting " + root + "\\" + key;
    return false;
  }
  values_.erase(Key(root, key));
  return true;
}

}  // namespace objector::install
