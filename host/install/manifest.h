// Host manifests: rendering from the templates in manifests/ (ids from
// manifests/ids.json) and the identities a correct manifest must carry.
#ifndef OBJECTOR_INSTALL_MANIFEST_H_
#define OBJECTOR_INSTALL_MANIFEST_H_

#include <string>
#include <vector>

#include "browsers.h"

namespace objector::install {

const std::string& HostName();    // "org.objector.host"
const std::string& ChromiumId();  // 32 letters a-p
const std::string& GeckoId();     // "objector@objector.org"
const std::string&
ChromiumOrigin();  // "chrome-extension://<id>/" (with the trailing slash)
const std::string& ObjectorVersion();
// The extension's host_permissions (extension/manifest.json): the match
// patterns of Meta's pages it must be allowed to read.
const std::vector<std::string>& ExtensionHostPermissions();

// The manifest text for `family` with `host_path` (absolute) as "path"; pretty
// JSON, ends in "\n". Chromium: `chromium_ids` (ids signed at install time)
// are allowed besides the store id.
std::string RenderManifest(Family family, const std::string& host_path,
                           const std::vector<std::string>& chromium_ids = {});

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_MANIFEST_H_
