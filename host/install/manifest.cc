#include "manifest.h"

#include <iterator>
#include <nlohmann/json.hpp>

#include "manifest_templates.h"

namespace objector::install {

const std::string& HostName() {
  static const std::string s = generated::kHostName;
  return s;
}
const std::string& ChromiumId() {
  static const std::string s = generated::kChromiumId;
  return s;
}
const std::string& GeckoId() {
  static const std::string s = generated::kGeckoId;
  return s;
}
const std::string& ChromiumOrigin() {
  static const std::string s = "chrome-extension://" + ChromiumId() + "/";
  return s;
}
const std::string& ObjectorVersion() {
  static const std::string s = generated::kVersion;
  return s;
}

const std::vector<std::string>& ExtensionHostPermissions() {
  static const std::vector<std::string> s(
      std::begin(generated::kHostPermissions),
      std::end(generated::kHostPermissions));
  return s;
}

std::string RenderManifest(Family family, const std::string& host_path,
                           const std::vector<std::string>& chromium_ids) {
  // The templates are checked in and configured at build time; parsing cannot
  // fail unless the build is broken, in which case nlohmann throws at the first
  // install (and the unit test fails).
  nlohmann::ordered_json m = nlohmann::ordered_json::parse(
      family == Family::kChromium ? generated::kChromiumTemplate
                                  : generated::kFirefoxTemplate);
  m["path"] = host_path;  // set here so that any character in the path is
                          // escaped correctly
  if (family == Family::kChromium) {
    for (const std::string& id : chromium_ids) {
      std::string origin = "chrome-extension://" + id + "/";
      bool have = false;
      for (const auto& o : m["allowed_origins"]) have = have || o == origin;
      if (!have) m["allowed_origins"].push_back(origin);
    }
  }
  return m.dump(2) + "\n";
}

}  // namespace objector::install
