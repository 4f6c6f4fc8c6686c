// Who started the host, from its argv, and whether that caller may talk to it.
// Chromium: `objector-host chrome-extension://<id>/ [--parent-window=N]`.
// Firefox:  `objector-host /path/to/org.objector.host.json <add-on id>`.
// Unknown arguments are ignored. No origin at all means the host was started by hand (the CLI, a
// script, the tests): that is allowed, since such a caller already runs as the user.
#ifndef OBJECTOR_PROTOCOL_CALLER_H_
#define OBJECTOR_PROTOCOL_CALLER_H_

#include <string>
#include <vector>

#include "base/status.h"

namespace objector {

struct Caller {
  enum class Kind { kByHand, kChromium, kFirefox };
  Kind kind = Kind::kByHand;
  std::string id;  // extension id (Chromium) or add-on id (Firefox); empty by hand
};

// Reads the caller from the arguments after argv[0].
Caller IdentifyCaller(const std::vector<std::string>& args);

// The ids allowed to call: the built-in Chromium and Firefox ids plus, for development only, the
// comma-separated ids in `extra_ids` (the value of $OBJECTOR_EXTRA_ALLOWED_IDS).
std::vector<std::string> AllowedCallerIds(const std::string& extra_ids);

// The Chromium ids that installer/install.sh signed on this machine and recorded ("extension_ids"
// in each existing `install-record.json` of `record_files`: the user's data folder, then
// /var/lib/objector for --system). Missing or unreadable files give no ids.
std::vector<std::string> RecordedCallerIds(const std::vector<std::string>& record_files);

// Ok for a by-hand caller or an allowed id; kForbiddenCaller otherwise.
Status CheckCaller(const Caller& caller, const std::vector<std::string>& allowed);

}  // namespace objector

#endif  // OBJECTOR_PROTOCOL_CALLER_H_
