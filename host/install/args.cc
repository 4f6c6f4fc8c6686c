#include "args.h"

#include <algorithm>
#include <sstream>
#include <system_error>

#include "browsers.h"

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace objector::install {
namespace fs = std::filesystem;

namespace {

bool Allowed(const std::vector<std::string>& allowed, const std::string& flag) {
  return std::find(allowed.begin(), allowed.end(), flag) != allowed.end();
}

bool AddBrowsers(const std::string& value, ParsedArgs* parsed,
                 std::string* err) {
  const std::vector<std::string> known = BrowserNames();
  std::stringstream in(value);
  std::string name;
  while (std::getline(in, name, ',')) {
    if (name.empty()) continue;
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      *err = "unknown browser '" + name + "'; known:";
      for (const std::string& k : known) *err += " " + k;
      return false;
    }
    parsed->browsers.push_back(name);
  }
  return true;
}

}  // namespace

bool ParseArgs(const std::vector<std::string>& args,
               const std::vector<std::string>& allowed, ParsedArgs* parsed,
               std::string* err) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i], value;
    bool has_value = false;
    if (size_t eq = flag.find('=');
        flag.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
      has_value = true;
    }
    if (flag == "-h" || flag == "--help") {
      parsed->help = true;
      continue;
    }
    if (!Allowed(allowed, flag)) {
      *err = "unknown option '" + args[i] + "'";
      return false;
    }
    if (flag == "--browser" || flag == "--host" || flag == "--extension" ||
        flag == "--extension-id") {
      if (!has_value) {
        if (i + 1 >= args.size()) {
          *err = flag + " needs a value";
          return false;
        }
        value = args[++i];
      }
      if (flag == "--host") {
        parsed->host = value;
      } else if (flag == "--extension") {
        parsed->extension = value;
      } else if (flag == "--extension-id") {
        parsed->extension_id = value;
      } else if (!AddBrowsers(value, parsed, err)) {
        return false;
      }
      continue;
    }
    if (has_value) {
      *err = flag + " takes no value";
      return false;
    }
    if (flag == "--system") parsed->system = true;
    if (flag == "--dry-run") parsed->dry_run = true;
    if (flag == "--purge") parsed->purge = true;
    if (flag == "--json") parsed->json = true;
  }
  return true;
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
