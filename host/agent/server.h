// The loopback agent (host/PROTOCOL.md, "Loopback agent"): an HTTP server on 127.0.0.1 and ::1
// (one port) that carries the native-messaging protocol (POST /api, through HandleFrame: the same
// handler table, validation, limits and error codes), pairing (/pair, /pair/code) and, through
// RegisterDashboard, the dashboard's routes. Every request passes one guard first: Host, method,
// path, size, then per route Authorization, Origin and the rate limit; every refusal closes the
// connection and is logged as one line without bodies or credentials.
//
// Threads: each address has an accept thread and a pool; handler calls into the Context are
// serialised by one mutex. POSIX.
#ifndef OBJECTOR_AGENT_SERVER_H_
#define OBJECTOR_AGENT_SERVER_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "agent/agent_state.h"
#include "agent/pairing.h"
#include "base/status.h"
#include "handlers/context.h"

namespace objector {

inline constexpr size_t kAgentMaxBodyBytes = 1024 * 1024;

struct AgentOptions {
  int port = 0;  // 0: the port kept in <data_dir>/agent-port, else a random free one (then kept)
  std::chrono::milliseconds read_timeout{5000};        // per read, against slow clients
  std::chrono::milliseconds keep_alive_timeout{2000};  // an idle kept-alive connection is closed
  size_t max_body_bytes = kAgentMaxBodyBytes;
  int max_requests_per_second = 50;  // per paired token, and per address for /pair
  size_t threads_per_address = 16;
  // The rate limit's clock; default std::chrono::steady_clock::now. Tests freeze it.
  std::function<std::chrono::steady_clock::time_point()> steady_now;
  std::vector<std::string> chromium_ids;  // chrome-extension://<id> origins that may call
  std::ostream* log = nullptr;            // one line per refused request; null: none
};

class LoopbackHttp;

class AgentServer {
 public:
  // Binds 127.0.0.1 and ::1 on one port (::1 only when the machine has IPv6; a failure there is one
  // line on `diag`) and loads the paired clients; serves nothing until Start(). `ctx` must outlive
  // the server. Errors: kInvalidValue (the asked --port is not free), kDbCorrupt (agent-clients.json
  // is unreadable; it is left alone), kDbError (no port could be bound, files not writable).
  static Result<std::unique_ptr<AgentServer>> Bind(Context& ctx, AgentOptions options, std::ostream& diag);
  ~AgentServer();  // Stop()

  // Starts accepting on every bound address.
  void Start();
  // Stops accepting, lets requests in progress finish (reads give up within 100 ms), joins. Idempotent.
  void Stop();

  int port() const { return port_; }
  bool serving_ipv6() const { return v6_ != nullptr; }
  AgentState& state() { return state_; }
  Pairing& pairing() { return *pairing_; }
  // When the last request arrived (steady clock), for --idle-exit.
  std::chrono::steady_clock::time_point last_activity() const;

 private:
  AgentServer(Context& ctx, AgentOptions options);
  void Configure(LoopbackHttp& http);
  std::string CallFrame(std::string_view frame);
  void Touch();

  Context& ctx_;
  AgentOptions options_;
  int port_ = 0;
  AgentState state_;
  std::unique_ptr<Pairing> pairing_;
  std::unique_ptr<LoopbackHttp> v4_, v6_;
  std::vector<std::thread> threads_;
  std::mutex call_mutex_;
  std::atomic<int64_t> last_activity_ns_{0};
  bool stopped_ = false;

  class Guard;
  std::unique_ptr<Guard> guard_;
};

}  // namespace objector

#endif  // OBJECTOR_AGENT_SERVER_H_
