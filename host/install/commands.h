// The installer's CLI commands, implemented in host/install/ and wired into the
// `objector` CLI's dispatch table (host/cli/). Each takes the arguments after
// the command name, writes human-readable output to `out` and problems to
// `err`, and returns the process exit code (0 success, 1 problems found /
// operation failed, 2 usage error). Never calls exit().
#ifndef OBJECTOR_INSTALL_COMMANDS_H_
#define OBJECTOR_INSTALL_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

namespace objector::install {

// objector install [--browser NAME...] [--system] [--dry-run]
int RunInstall(const std::vector<std::string>& args, std::ostream& out,
               std::ostream& err);
// objector uninstall [--browser NAME...] [--system] [--purge] [--dry-run]
int RunUninstall(const std::vector<std::string>& args, std::ostream& out,
                 std::ostream& err);
// objector doctor [--browser NAME...] [--json]
int RunDoctor(const std::vector<std::string>& args, std::ostream& out,
              std::ostream& err);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_COMMANDS_H_
