// What the loopback agent's routes share (host/PROTOCOL.md, "Loopback agent"): where it listens, its
// secret, and the one way to run a protocol request (the native-messaging handler table).
#ifndef OBJECTOR_AGENT_AGENT_STATE_H_
#define OBJECTOR_AGENT_AGENT_STATE_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "base/clock.h"

namespace objector {

struct AgentState {
  std::string data_dir;
  int port = 0;
  std::string secret;  // 64 lower-case hex: the agent.json secret, for local programs
  const Clock* clock = nullptr;
  // One PROTOCOL.md request object in, its whole reply envelope out (never chunked). Serialised:
  // safe to call from any server thread.
  std::function<nlohmann::json(const nlohmann::json& request)> call;
  // Marks activity (for --idle-exit).
  std::function<void()> touch;
};

}  // namespace objector

#endif  // OBJECTOR_AGENT_AGENT_STATE_H_
