// `objector open`: the dashboard in the person's default browser. Uses the agent that answers for the
// data folder, else starts one (`objector serve --idle-exit 900`, detached: EnsureAgent of
// cli/agent_commands.h); asks it for a one-time login URL (POST /login/new with the agent secret) and
// hands that to `xdg-open` in a session of its own, or prints it (`--print`).
#ifndef OBJECTOR_AGENT_OPEN_H_
#define OBJECTOR_AGENT_OPEN_H_

#include <ostream>
#include <string>
#include <vector>

namespace objector {

struct OpenOptions {
  std::string objector_binary;      // the `objector` to start as the agent (the running one's path)
  std::string opener = "xdg-open";  // found on PATH
  int idle_exit_seconds = 900;
};

// `args` after "open": [--print]. Returns the exit code: 0 opened (or printed), 1 the agent could
// not be started or asked, or the opener failed (the URL is printed then), 2 usage.
int RunOpen(const std::vector<std::string>& args, const std::string& data_dir, std::ostream& out,
            std::ostream& err, const OpenOptions& options = {});

}  // namespace objector

#endif  // OBJECTOR_AGENT_OPEN_H_
