// Windows registry access behind an interface: the installer writes, reads and
// deletes the default value of a key under HKCU or HKLM. WindowsRegistry() is
// the real one (registry_win.cc, Windows only); MemoryRegistry is an in-memory
// registry for tests and for dry runs.
#ifndef OBJECTOR_INSTALL_REGISTRY_H_
#define OBJECTOR_INSTALL_REGISTRY_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "base/status.h"

namespace objector::install {

class Registry {
 public:
  virtual ~Registry() = default;
  // Creates `key` under `root` ("HKCU" | "HKLM") if needed and sets its default
  // value. Error (kInternal) names the key.
  virtual Status SetDefault(const std::string& root, const std::string& key,
                            const std::string& value) = 0;
  // The key's default value, or nullopt when the key or value is absent.
  virtual std::optional<std::string> GetDefault(const std::string& root,
                                                const std::string& key) = 0;
  // Deletes `key` (a leaf). Absent key is success.
  virtual Status DeleteKey(const std::string& root, const std::string& key) = 0;
};

// A registry in memory. Keys compare case-insensitively, as Windows does.
class MemoryRegistry : public Registry {
 public:
  Status SetDefault(const std::string& root, const std::string& key,
                    const std::string& value) override;
  std::optional<std::string> GetDefault(const std::string& root,
                                        const std::string& key) override;
  Status DeleteKey(const std::string& root, const std::string& key) override;
  size_t size() const { return values_.size(); }
  // Make every write fail (tests of error paths).
  void set_read_only(bool read_only) { read_only_ = read_only; }

 private:
  static std::pair<std::string, std::string> Key(const std::string& root,
                                                 const std::string& key);
  std::map<std::pair<std::string, std::string>, std::string> values_;
  bool read_only_ = false;
};

// The real registry on Windows; nullptr elsewhere.
std::unique_ptr<Registry> WindowsRegistry();

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_REGISTRY_H_
