#include "scope.h"

namespace objector::install {
namespace fs = std::filesystem;

const char* ScopeName(Scope scope) {
  return scope == Scope::kUser ? "user" : "system";
}

fs::path SystemStateDir(const Env& env) {
  switch (env.os) {
    case Os::kMacOS:
      return env.System("/Library/Application Support/Objector");
    case Os::kWindows: {
      std::string pd = env.Var("PROGRAMDATA");
      return (pd.empty() ? env.System("/ProgramData") : fs::path(pd)) /
             "Objector";
    }
    case Os::kLinux:
      break;
  }
  return env.System("/var/lib/objector");
}

}  // namespace objector::install
