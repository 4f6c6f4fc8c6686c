// The loopback agent's files in the data folder (host/PROTOCOL.md, "Loopback agent"): agent.json
// (where it listens and its secret), agent-port (the port kept across starts), agent.lock (held while
// an agent serves the folder) and random secrets. POSIX.
#ifndef OBJECTOR_AGENT_AGENT_FILES_H_
#define OBJECTOR_AGENT_AGENT_FILES_H_

#include <memory>
#include <optional>
#include <string>

#include "base/status.h"

namespace objector {

inline constexpr int kAgentPortMin = 20000;
inline constexpr int kAgentPortMax = 60999;

std::string AgentFilePath(const std::string& data_dir);     // <data_dir>/agent.json
std::string AgentPortPath(const std::string& data_dir);     // <data_dir>/agent-port
std::string AgentClientsPath(const std::string& data_dir);  // <data_dir>/agent-clients.json

// `bytes` random bytes from the system's CSPRNG as lower-case hex (2 * bytes digits).
std::string RandomHex(size_t bytes);
// A uniformly random integer in [lo, hi].
int RandomInt(int lo, int hi);

// Writes `content` to `path` with mode 0600 through a temporary file in the same folder, fsync and
// rename: a reader sees the old file or the new one, never a part. Error names the file.
Status WritePrivateFileAtomic(const std::string& path, const std::string& content);
// The whole file; nullopt when it does not exist or cannot be read.
std::optional<std::string> ReadSmallFile(const std::string& path, size_t max_bytes = 1 << 20);

struct AgentFile {
  int port = 0;
  std::string secret;
  long pid = 0;
};
// Parses agent.json; nullopt when missing or not the expected shape.
std::optional<AgentFile> ReadAgentFile(const std::string& data_dir);
Status WriteAgentFile(const std::string& data_dir, const AgentFile& file);

// The port kept in agent-port; nullopt when missing or not a port in [kAgentPortMin, kAgentPortMax].
std::optional<int> ReadKeptPort(const std::string& data_dir);
Status WriteKeptPort(const std::string& data_dir, int port);

// An exclusive, non-blocking lock on <data_dir>/agent.lock, released when the object dies (or the
// process: a killed agent leaves no lock behind). Error kDbLocked when another agent holds it.
class AgentLock {
 public:
  static Result<std::unique_ptr<AgentLock>> Acquire(const std::string& data_dir);
  ~AgentLock();
  AgentLock(const AgentLock&) = delete;
  AgentLock& operator=(const AgentLock&) = delete;

 private:
  explicit AgentLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace objector

#endif  // OBJECTOR_AGENT_AGENT_FILES_H_
