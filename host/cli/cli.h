// The `objector` command line: a table of commands, each a plain function over the same handlers
// and database as the host. RunCli never calls exit(); it returns the exit code:
// 0 success, 1 the operation failed (database, not found, I/O), 2 usage or invalid input.
#ifndef OBJECTOR_CLI_CLI_H_
#define OBJECTOR_CLI_CLI_H_

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/paths.h"

namespace objector {

// `args` are the arguments after the program name; `in` feeds `record -` and `--file -`.
int RunCli(const std::vector<std::string>& args, const EnvLookup& env, const Clock& clock, std::istream& in,
           std::ostream& out, std::ostream& err);

}  // namespace objector

#endif  // OBJECTOR_CLI_CLI_H_
