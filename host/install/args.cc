#include "args.h"

#include <algorithm>
#include <sstream>
#include <system_error>

#include "base/args.h"
#include "browsers.h"

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace objector::install {
namespace fs = std::filesystem;

namespace {

// The flags that take a value; every other allowed flag takes none.
const std::vector<std::string> kValued = {"--browser", "--host", "--extension",
                                          "--extension-id"};

bool Valued(const std::string& flag) {
  return std::find(kValued.begin(), kValued.end(), flag) != kValued.end();
}

Status AddBrowsers(const std::string& value, ParsedArgs* parsed) {
  const std::vector<std::string> known = BrowserNames();
  std::stringstream in(value);
  std::string name;
  while (std::getline(in, name, ',')) {
    if (name.empty()) continue;
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string message = "unknown browser '" + name + "'; known:";
      for (const std::string& k : known) message += " " + k;
      return Status(ErrorCode::kInvalidValue, message);
    }
    parsed->browsers.push_back(name);
  }
  return Status::Ok();
}

}  // namespace

Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                             const std::vector<std::string>& allowed) {
  std::vector<std::string> valued, flags = {"-h", "--help"};
  for (const std::string& flag : allowed)
    (Valued(flag) ? valued : flags).push_back(flag);
  Result<Args> a = objector::ParseArgs(args, 0, valued, flags);
  if (!a.ok()) return a.status();
  if (!a->positional.empty()) {
    return Status(ErrorCode::kInvalidValue,
                  "unexpected argument '" + a->positional[0] + "'");
  }
  ParsedArgs parsed;
  for (const std::string& value : a->All("--browser")) {
    if (Status s = AddBrowsers(value, &parsed); !s.ok()) return s;
  }
  parsed.host = a->Get("--host");
  parsed.extension = a->Get("--extension");
  parsed.extension_id = a->Get("--extension-id");
  parsed.help = a->Flag("-h") || a->Flag("--help");
  parsed.system = a->Flag("--system");
  parsed.dry_run = a->Flag("--dry-run");
  parsed.purge = a->Flag("--purge");
  parsed.json = a->Flag("--json");
  return parsed;
}

fs::path DefaultHostPath() {
  fs::path self;
#if defined(__APPLE__)
  char buf[4096];
  uint32_t size = sizeof(buf);
  if (_NSGetExecutablePath(buf, &size) == 0) self = buf;
#elif defined(_WIN32)
  return {};
#else
  std::error_code ec;
  self = fs::read_symlink("/proc/self/exe", ec);
#endif
  if (self.empty()) return {};
  std::error_code canon_ec;
  fs::path canonical = fs::weakly_canonical(self, canon_ec);
  return (canon_ec ? self : canonical).parent_path() / "objector-host";
}

}  // namespace objector::install
