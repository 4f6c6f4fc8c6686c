// `objector serve` and `objector pair` (host/PROTOCOL.md, "Loopback agent"). Each returns the exit
// code: 0 success, 1 the operation failed (another agent runs, no port, files), 2 usage.
#ifndef OBJECTOR_CLI_AGENT_COMMANDS_H_
#define OBJECTOR_CLI_AGENT_COMMANDS_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/env.h"
#include "base/status.h"
#include "handlers/context.h"

namespace objector {

// serve [--port N] [--idle-exit SECONDS]: holds <data_dir>/agent.lock, binds, writes agent.json once
// listening, serves until SIGTERM/SIGINT/SIGHUP or SECONDS without a request, then removes agent.json.
// `argv[0]` is "serve".
int RunServe(Context& ctx, const std::vector<std::string>& argv, const EnvLookup& env, std::ostream& out,
             std::ostream& err);

// pair: asks the running agent for a pairing code (starting `objector_binary serve --idle-exit 900`,
// detached, when none answers) and prints it. pair --revoke-all: forgets every paired extension.
int RunPair(Context& ctx, const std::vector<std::string>& argv, const std::string& objector_binary,
            std::ostream& out, std::ostream& err);

// The agent of `data_dir` when one answers (agent.json present and its port taking the secret):
// its port and secret; otherwise nullopt.
struct LiveAgent {
  int port = 0;
  std::string secret;
};
std::optional<LiveAgent> FindLiveAgent(const std::string& data_dir);

// Starts `objector_binary serve --idle-exit <idle_seconds>` detached (its own session, no terminal)
// unless an agent already answers, and waits up to 10 s for it. Error names what failed.
Result<LiveAgent> EnsureAgent(const std::string& data_dir, const std::string& objector_binary, int idle_seconds);

}  // namespace objector

#endif  // OBJECTOR_CLI_AGENT_COMMANDS_H_
