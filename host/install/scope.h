// Whether an install is for this user or system-wide, and where a system-wide
// install keeps its record. The environment itself (Os, Env, CurrentEnv) and
// the data-folder rule are base/'s.
#ifndef OBJECTOR_INSTALL_SCOPE_H_
#define OBJECTOR_INSTALL_SCOPE_H_

#include <filesystem>

#include "base/env.h"

namespace objector::install {

enum class Scope { kUser, kSystem };

// Stable lower-case names: "user", "system".
const char* ScopeName(Scope scope);

// Where a system-wide install keeps its record: /var/lib/objector,
// /Library/Application Support/Objector, %PROGRAMDATA%\Objector (all under
// env.root).
std::filesystem::path SystemStateDir(const Env& env);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_SCOPE_H_
