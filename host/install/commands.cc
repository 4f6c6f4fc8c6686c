// The CLI commands install, uninstall and doctor: flag parsing and wiring of
// the real Env and registry.
#include "commands.h"

#include "args.h"
#include "base/env.h"
#include "browsers.h"
#include "doctor.h"
#include "extension.h"
#include "installer.h"
#include "registry.h"

namespace objector::install {
namespace {

void BrowserList(std::ostream& out) {
  out << "Browsers:";
  for (const std::string& n : BrowserNames()) out << " " << n;
  out << "\n";
}

constexpr char kInstallHelp[] =
    "Usage: objector install [--browser NAME...] [--system] [--dry-run] "
    "[--host PATH]\n"
    "                        [--extension DIR --extension-id ID]\n"
    "Registers objector-host with every browser found (or the ones named) so "
    "that the Objector\n"
    "extension can reach it. Safe to run again. --system writes the "
    "system-wide locations (root).\n"
    "--host defaults to objector-host next to this program. --extension DIR "
    "(objector.crx and\n"
    "objector.xpi, made by installer/install.sh) also puts the extension into "
    "each browser;\n"
    "--extension-id is the id of the key that signed objector.crx.\n";
constexpr char kUninstallHelp[] =
    "Usage: objector uninstall [--browser NAME...] [--system] [--purge] "
    "[--dry-run]\n"
    "Removes exactly what `objector install` wrote. Your history stays unless "
    "--purge is given.\n";

}  // namespace

int RunInstall(const std::vector<std::string>& args, std::ostream& out,
               std::ostream& err) {
  Result<ParsedArgs> parsed =
      ParseArgs(args, {"--browser", "--system", "--dry-run", "--host",
                       "--extension", "--extension-id"});
  std::string e;
  if (!parsed.ok()) {
    e = parsed.status().message();
  } else if (parsed->extension.empty() != parsed->extension_id.empty()) {
    e = "--extension and --extension-id go together";
  } else if (!parsed->extension_id.empty() &&
             !IsChromiumId(parsed->extension_id)) {
    e = "--extension-id '" + parsed->extension_id +
        "' is not a Chromium id (32 letters a-p)";
  }
  if (!e.empty()) {
    err << "objector install: " << e << "\n" << kInstallHelp;
    return 2;
  }
  const ParsedArgs& a = *parsed;
  if (a.help) {
    out << kInstallHelp;
    BrowserList(out);
    return 0;
  }
  Env env = CurrentEnv();
  InstallOptions o;
  o.scope = a.system ? Scope::kSystem : Scope::kUser;
  o.browsers = a.browsers;
  o.dry_run = a.dry_run;
  o.host_path =
      a.host.empty() ? DefaultHostPath() : std::filesystem::absolute(a.host);
  if (!a.extension.empty())
    o.extension_dir = std::filesystem::absolute(a.extension);
  o.chromium_id = a.extension_id;
  std::unique_ptr<Registry> registry = WindowsRegistry();
  int rc = Install(env, registry.get(), o, out, err);
  if (rc == 0 && !o.dry_run) out << "done; check with `objector doctor`\n";
  return rc;
}

int RunUninstall(const std::vector<std::string>& args, std::ostream& out,
                 std::ostream& err) {
  Result<ParsedArgs> parsed =
      ParseArgs(args, {"--browser", "--system", "--dry-run", "--purge"});
  if (!parsed.ok()) {
    err << "objector uninstall: " << parsed.status().message() << "\n"
        << kUninstallHelp;
    return 2;
  }
  const ParsedArgs& a = *parsed;
  if (a.help) {
    out << kUninstallHelp;
    return 0;
  }
  UninstallOptions o;
  o.scope = a.system ? Scope::kSystem : Scope::kUser;
  o.browsers = a.browsers;
  o.dry_run = a.dry_run;
  o.purge = a.purge;
  std::unique_ptr<Registry> registry = WindowsRegistry();
  return Uninstall(CurrentEnv(), registry.get(), o, out, err);
}

int RunDoctor(const std::vector<std::string>& args, std::ostream& out,
              std::ostream& err) {
  Result<ParsedArgs> parsed = ParseArgs(args, {"--browser", "--json"});
  if (!parsed.ok()) {
    err << "objector doctor: " << parsed.status().message()
        << "\nUsage: objector doctor [--browser NAME...] [--json]\n";
    return 2;
  }
  const ParsedArgs& a = *parsed;
  if (a.help) {
    out << "Usage: objector doctor [--browser NAME...] [--json]\n"
           "Checks that each browser found can start and talk to "
           "objector-host, and that the\n"
           "history database is writable. Each problem comes with its fix; "
           "exit status 1 if any.\n";
    return 0;
  }
  DoctorOptions o;
  o.browsers = a.browsers;
  std::unique_ptr<Registry> registry = WindowsRegistry();
  DoctorReport report = Diagnose(CurrentEnv(), registry.get(), o);
  PrintReport(report, a.json, out);
  return report.ok() ? 0 : 1;
}

}  // namespace objector::install
