// Registering objector-host with browsers and removing it again. Works on an
// injected Env and Registry so that every OS's behaviour is testable in a
// temporary folder.
#ifndef OBJECTOR_INSTALL_INSTALLER_H_
#define OBJECTOR_INSTALL_INSTALLER_H_

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"
#include "browsers.h"
#include "registry.h"
#include "scope.h"

namespace objector::install {

struct InstallOptions {
  Scope scope = Scope::kUser;
  std::vector<std::string> browsers;  // empty: every browser found
  bool dry_run = false;
  std::filesystem::path
      host_path;  // absolute path of the installed objector-host
  // The folder with objector.crx and objector.xpi (installer/install.sh makes
  // it) and the id of the key that signed the .crx; empty: the host only.
  std::filesystem::path extension_dir;
  std::string chromium_id;
};

struct UninstallOptions {
  Scope scope = Scope::kUser;
  std::vector<std::string> browsers;  // empty: everything in the record
  bool dry_run = false;
  bool purge = false;  // also delete the data folder (history!)
};

// Why a Snap browser gets no files, and what to do instead.
std::string SnapAdvice(const BrowserRow& row);

// Where the record for `scope` lives: in the data folder (base/paths.h) for
// the user, in SystemStateDir for the system. Error when the user's data
// folder cannot be found (no home directory).
Result<std::filesystem::path> RecordPath(const Env& env, Scope scope);

// Writes manifests (and Flatpak host copies, Windows registry values) for the
// selected browsers, idempotently, and merges what it wrote into the install
// record. Progress to `out`, problems to `err`. Returns 0 when every selected
// browser is registered (or explained, for Snap), 1 otherwise. `registry` may
// be nullptr except when env.os is Windows.
int Install(const Env& env, Registry* registry, const InstallOptions& options,
            std::ostream& out, std::ostream& err);

// Removes what the record lists (for the selected browsers), then the record
// itself when empty; with purge, the data folder too. Returns 0 on success, 1
// when something could not be removed.
int Uninstall(const Env& env, Registry* registry,
              const UninstallOptions& options, std::ostream& out,
              std::ostream& err);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_INSTALLER_H_
