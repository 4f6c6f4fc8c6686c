// Starts a native messaging host exactly as a browser would (argv, working
// folder, environment), sends one `hello` frame and judges what comes back on
// stdout. POSIX implementation in host_probe_posix.cc.
#ifndef OBJECTOR_INSTALL_HOST_PROBE_H_
#define OBJECTOR_INSTALL_HOST_PROBE_H_

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace objector::install {

struct ProbeRequest {
  std::string path;               // absolute executable path
  std::vector<std::string> argv;  // argv[0] included
  std::string working_dir;
  std::vector<std::string> env;  // "NAME=value" entries: the whole environment
  std::string request_json;      // the frame's JSON text
  std::chrono::milliseconds timeout{1000};  // for the reply
};

enum class ProbeOutcome {
  kReplied,      // one well-formed frame, nothing else on stdout
  kCannotStart,  // exec failed (errno in detail)
  kExited,       // exited (or closed stdout) before replying
  kJunk,         // bytes on stdout that are not frames
  kTimeout,      // no reply within the timeout
};

struct ProbeResult {
  ProbeOutcome outcome = ProbeOutcome::kTimeout;
  int exec_errno = 0;       // kCannotStart
  std::string detail;       // human-readable, no personal data
  nlohmann::json reply;     // kReplied: the parsed reply
  std::string stderr_head;  // first bytes the host wrote to stderr
  double reply_ms = 0;
};

ProbeResult ProbeHost(const ProbeRequest& request);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_HOST_PROBE_H_
