// Rendering from the checked-in templates: the ids come from manifests/ids.json
// and any host path survives JSON escaping.
#include "manifest.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace objector::install {
namespace {

TEST_CASE("ids come from manifests/ids.json via the build") {
  CHECK(HostName() == "org.objector.host");
  CHECK(ChromiumId().size() == 32);
  CHECK(ChromiumId().find_first_not_of("abcdefghijklmnop") ==
        std::string::npos);
  CHECK(ChromiumOrigin() == "chrome-extension://" + ChromiumId() + "/");
  CHECK(GeckoId().find('@') != std::string::npos);
}

TEST_CASE(
    "a host path with quotes, backslashes and spaces is escaped, not spliced") {
  const std::string path = "/home/a \"b\"\\c/objector-host";
  for (Family family : {Family::kChromium, Family::kFirefox}) {
    auto m = nlohmann::json::parse(RenderManifest(family, path));
    CHECK(m["path"] == path);
    CHECK(m["name"] == HostName());
    CHECK(m["type"] == "stdio");
  }
}

}  // namespace
}  // namespace objector::install
