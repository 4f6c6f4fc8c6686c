// `objector doctor`: checks, for each browser found, that the browser can find,
// start and talk to objector-host, and that the history database opens and is
// writable. Every problem is named by the failure mode the browser would show
// and comes with the exact fix.
#ifndef OBJECTOR_INSTALL_DOCTOR_H_
#define OBJECTOR_INSTALL_DOCTOR_H_

#include <chrono>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "browsers.h"
#include "registry.h"
#include "scope.h"

namespace objector::install {

// The failure modes, named as browsers and users meet them.
enum class Failure {
  kHostNotFound,        // "Specified native messaging host not found."
  kAccessForbidden,     // "Access to the specified native messaging host is
                        // forbidden."
  kFailedToStart,       // "Failed to start native messaging host."
  kErrorCommunicating,  // "Error when communicating with the native messaging
                        // host."
  kHostExited,          // "Native host has exited."
  kSandboxedBrowser,    // Snap / Flatpak confinement
  kDatabase,            // history database cannot be opened or written
  kNoBrowser,           // nothing to check
  kExtensionNotInstalled,  // the browser has no Objector extension
  kExtensionDisabled,      // installed but switched off (or refused)
  kIdMismatch,    // the installed extension's id is not in the host manifest
  kNoSiteAccess,  // Firefox: the add-on lacks the grant for Meta's pages
};
const char* FailureName(
    Failure f);  // "host not found", "access forbidden", ...
// The error text the extension gets from the browser for `f` ("" when not known
// for that family), e.g. "Specified native messaging host not found."
// (Chromium).
const char* BrowserMessage(Failure f, Family family);

struct Finding {
  Failure failure;
  std::string problem;  // what is wrong, naming the file
  std::string fix;      // the exact command or change that repairs it
};

struct BrowserCheck {
  std::string name, display;
  Family family = Family::kChromium;
  std::filesystem::path
      manifest;  // the manifest the browser would read ("" when none)
  std::vector<Finding> findings;
  std::string note;  // ok line or remark
  double reply_ms = -1;
  // One line per profile (or registration) about the extension itself.
  std::vector<std::string> extension;
  std::string caller_id;  // the id the host is probed with
};

struct DoctorReport {
  std::vector<BrowserCheck> browsers;
  std::vector<Finding> general;  // database, no browser
  std::string database;          // path reported by the host
  std::string database_note;
  // The loopback agent (host/PROTOCOL.md, "Loopback agent"): how the history is reached by a browser
  // that cannot start the host. Information, never a problem: most browsers use native messaging.
  std::string agent_note;
  bool ok() const;
};

struct DoctorOptions {
  std::vector<std::string> browsers;  // empty: every browser found
  std::chrono::milliseconds timeout{1000};
};

// Checks a manifest's text as the browser would read it from `file`. Pure.
std::vector<Finding> CheckManifest(const Env& env, const BrowserRow& row,
                                   const std::string& text,
                                   const std::filesystem::path& file,
                                   std::string* host_path);

// Runs every check. `registry` is used on Windows only.
DoctorReport Diagnose(const Env& env, Registry* registry,
                      const DoctorOptions& options);

void PrintReport(const DoctorReport& report, bool json, std::ostream& out);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_DOCTOR_H_
