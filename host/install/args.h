// The flags of install, uninstall and doctor, read with the CLI's one parser
// (base/args.h) into named fields.
#ifndef OBJECTOR_INSTALL_ARGS_H_
#define OBJECTOR_INSTALL_ARGS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"

namespace objector::install {

struct ParsedArgs {
  std::vector<std::string>
      browsers;              // --browser NAME (repeatable, or comma-separated)
  bool system = false;       // --system
  bool dry_run = false;      // --dry-run
  bool purge = false;        // --purge
  bool json = false;         // --json
  bool help = false;         // --help / -h
  std::string host;          // --host PATH
  std::string extension;     // --extension DIR (objector.crx, objector.xpi)
  std::string extension_id;  // --extension-id ID (the .crx's id)
};

// Parses `args` accepting only the flags named in `allowed` (e.g.
// {"--browser", "--system"}) and -h/--help. Error (kInvalidValue) for unknown
// flags, positional words, missing values and unknown browser names.
Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                             const std::vector<std::string>& allowed);

// Absolute path of objector-host next to the running executable ("" when
// unknown).
std::filesystem::path DefaultHostPath();

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_ARGS_H_
