// The command line's one argument parser, for every `objector` command (host/cli/ and the
// installer's commands in host/install/): "--name value" and "--name=value" options (repeatable),
// flags, and positional words.
#ifndef OBJECTOR_BASE_ARGS_H_
#define OBJECTOR_BASE_ARGS_H_

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"

namespace objector {

struct Args {
  std::multimap<std::string, std::string> options;  // every value, in order, per option
  std::vector<std::string> flags;
  std::vector<std::string> positional;
  bool Has(const std::string& k) const { return options.count(k) > 0; }
  // The first value of `k`, or "" when absent.
  std::string Get(const std::string& k) const;
  // Every value of `k`, in the order given.
  std::vector<std::string> All(const std::string& k) const;
  bool Flag(const std::string& k) const;
};

// Parses `in` from index `start`. `valued` lists the options that take a value, `flags` those that
// do not; any other word starting with "-" is an error. Errors (kInvalidValue, the message naming
// the option): an unknown option, a valued option without its value, a flag given a value.
Result<Args> ParseArgs(const std::vector<std::string>& in, size_t start, const std::vector<std::string>& valued,
                       const std::vector<std::string>& flags);
// The same, for a command's usage check: false with "objector: <error>" on `err`.
bool ParseArgs(const std::vector<std::string>& in, size_t start, const std::vector<std::string>& valued,
               const std::vector<std::string>& flags, Args* out, std::ostream& err);

}  // namespace objector

#endif  // OBJECTOR_BASE_ARGS_H_
