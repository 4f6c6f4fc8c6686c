#include "cli/agent_commands.h"

#include <fcntl.h>
#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <csignal>
#include <nlohmann/json.hpp>
#include <thread>

#include "agent/agent_files.h"
#include "agent/pairing.h"
#include "agent/server.h"
#include "base/args.h"
#include "protocol/caller.h"

namespace objector {

using nlohmann::json;

namespace {

constexpr int kOk = 0, kFailed = 1, kUsage = 2;

// A whole number in [lo, hi], or nullopt.
std::optional<int> Number(const std::string& s, int lo, int hi) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  int v = std::stoi(s);
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

// POST `path` to the agent on 127.0.0.1 with its secret; the reply's JSON or nullopt.
std::optional<json> AskAgent(const LiveAgent& agent, const std::string& path, const std::string& body = "") {
  httplib::Client client("127.0.0.1", agent.port);
  client.set_connection_timeout(2, 0);
  client.set_tcp_nodelay(true);
  client.set_read_timeout(10, 0);
  auto res = client.Post(path.c_str(), {{"Authorization", "Bearer " + agent.secret}}, body, "application/json");
  if (!res || res->status != 200) return std::nullopt;
  json j = json::parse(res->body, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

std::vector<std::string> ChromiumIds(const EnvLookup& env, const std::string& data_dir) {
  std::vector<std::string> ids = AllowedCallerIds(env("OBJECTOR_EXTRA_ALLOWED_IDS"));
  for (const std::string& id :
       RecordedCallerIds({data_dir + "/install-record.json", "/var/lib/objector/install-record.json"})) {
    ids.push_back(id);
  }
  return ids;
}

}  // namespace

std::optional<LiveAgent> FindLiveAgent(const std::string& data_dir) {
  auto file = ReadAgentFile(data_dir);
  if (!file) return std::nullopt;
  LiveAgent agent{file->port, file->secret};
  auto hello = AskAgent(agent, "/api", R"({"id":"objector-cli","type":"hello"})");
  if (!hello || !hello->value("ok", false)) return std::nullopt;
  return agent;
}

int RunServe(Context& ctx, const std::vector<std::string>& argv, const EnvLookup& env, std::ostream& out,
             std::ostream& err) {
  Args a;
  if (!ParseArgs(argv, 1, {"--port", "--idle-exit"}, {}, &a, err) || !a.positional.empty()) {
    if (a.positional.size()) err << "objector: usage: objector serve [--port N] [--idle-exit SECONDS]\n";
    return kUsage;
  }
  AgentOptions options;
  if (a.Has("--port")) {
    auto port = Number(a.Get("--port"), 1, 65535);
    if (!port) {
      err << "objector: --port must be a port number (1-65535)\n";
      return kUsage;
    }
    options.port = *port;
  }
  int idle_exit = 0;
  if (a.Has("--idle-exit")) {
    auto seconds = Number(a.Get("--idle-exit"), 1, 30 * 24 * 3600);
    if (!seconds) {
      err << "objector: --idle-exit must be a number of seconds (1 or more)\n";
      return kUsage;
    }
    idle_exit = *seconds;
  }
  const std::string& dir = ctx.data_dir();
  auto lock = AgentLock::Acquire(dir);
  if (!lock.ok()) {
    auto file = ReadAgentFile(dir);
    err << "objector serve: " << lock.status().message();
    if (file) err << " (pid " << file->pid << ", port " << file->port << ")";
    err << "\n";
    return kFailed;
  }
  options.chromium_ids = ChromiumIds(env, dir);
  options.log = &err;
  auto agent = AgentServer::Bind(ctx, options, err);
  if (!agent.ok()) {
    err << "objector serve: " << agent.status().message() << "\n";
    if (agent.status().code() == ErrorCode::kDbCorrupt) {
      err << "objector serve: `objector pair --revoke-all` replaces it (every extension then pairs again)\n";
    }
    return kFailed;
  }
  AgentServer& server = **agent;

  boost::asio::io_context io(1);
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.add(SIGHUP);  // the terminal it was started from closed: clean up the same way
  boost::asio::steady_timer idle_timer(io);
  std::string why = "";
  signals.async_wait([&](const boost::system::error_code& ec, int sig) {
    if (ec) return;
    why = sig == SIGINT ? "SIGINT" : sig == SIGHUP ? "SIGHUP" : "SIGTERM";
    idle_timer.cancel();
  });
  std::function<void()> check_idle = [&] {
    auto quiet = std::chrono::steady_clock::now() - server.last_activity();
    auto left = std::chrono::seconds(idle_exit) - quiet;
    if (left <= std::chrono::steady_clock::duration::zero()) {
      why = "idle for " + std::to_string(idle_exit) + " s";
      signals.cancel();
      return;
    }
    idle_timer.expires_after(std::min<std::chrono::steady_clock::duration>(left, std::chrono::seconds(1)));
    idle_timer.async_wait([&](const boost::system::error_code& ec) {
      if (!ec) check_idle();
    });
  };
  if (idle_exit > 0) check_idle();

  server.Start();
  Status wrote = WriteAgentFile(dir, {server.port(), server.state().secret, static_cast<long>(getpid())});
  if (!wrote.ok()) {
    err << "objector serve: " << wrote.message() << "\n";
    server.Stop();
    return kFailed;
  }
  out << "objector serve: listening on http://127.0.0.1:" << server.port() << "/"
      << (server.serving_ipv6() ? " and http://[::1]:" + std::to_string(server.port()) + "/" : "") << " for "
      << dir << "\n"
      << std::flush;
  io.run();
  server.Stop();
  auto file = ReadAgentFile(dir);
  if (file && file->pid == static_cast<long>(getpid())) unlink(AgentFilePath(dir).c_str());
  out << "objector serve: stopped (" << why << ")\n";
  return kOk;
}

Result<LiveAgent> EnsureAgent(const std::string& data_dir, const std::string& objector_binary, int idle_seconds) {
  if (auto live = FindLiveAgent(data_dir)) return *live;
  pid_t pid = fork();
  if (pid < 0) return Status(ErrorCode::kInternal, "cannot start the agent (fork failed)");
  if (pid == 0) {
    // A grandchild in its own session: no terminal, reparented to init, never a zombie of ours.
    if (fork() != 0) _exit(0);
    setsid();
    setenv("OBJECTOR_DATA_DIR", data_dir.c_str(), 1);  // serve this folder, whatever chose it here
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
    }
    std::string idle = std::to_string(idle_seconds);
    execl(objector_binary.c_str(), objector_binary.c_str(), "serve", "--idle-exit", idle.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  for (int i = 0; i < 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (auto live = FindLiveAgent(data_dir)) return *live;
  }
  return Status(ErrorCode::kInternal, "the agent did not start within 10 s (try `objector serve` to see why)");
}

int RunPair(Context& ctx, const std::vector<std::string>& argv, const std::string& objector_binary,
            std::ostream& out, std::ostream& err) {
  Args a;
  if (!ParseArgs(argv, 1, {}, {"--revoke-all"}, &a, err) || !a.positional.empty()) return kUsage;
  const std::string& dir = ctx.data_dir();
  if (a.Flag("--revoke-all")) {
    size_t revoked = 0;
    if (auto live = FindLiveAgent(dir)) {
      auto r = AskAgent(*live, "/pair/revoke");
      if (!r) {
        err << "objector pair: the agent did not revoke the pairings\n";
        return kFailed;
      }
      revoked = r->value("revoked", 0);
    } else {
      Pairing pairing(AgentClientsPath(dir), 0, ctx.clock());
      Status loaded = pairing.Load();
      // An unreadable file holds nothing but token hashes: revoking them all is what was asked.
      if (!loaded.ok()) err << "objector pair: " << loaded.message() << "; replacing it with no pairings\n";
      auto n = pairing.RevokeAll();
      if (!n.ok()) {
        err << "objector pair: " << n.status().message() << "\n";
        return kFailed;
      }
      revoked = *n;
    }
    out << "Revoked " << revoked << " paired extension" << (revoked == 1 ? "" : "s")
        << ". Pair again with `objector pair`.\n";
    return kOk;
  }
  auto agent = EnsureAgent(dir, objector_binary, 900);
  if (!agent.ok()) {
    err << "objector pair: " << agent.status().message() << "\n";
    return kFailed;
  }
  auto code = AskAgent(*agent, "/pair/code");
  if (!code || !(*code)["code"].is_string()) {
    err << "objector pair: the agent gave no pairing code\n";
    return kFailed;
  }
  out << "Pairing code: " << (*code)["code"].get<std::string>() << "\n"
      << "Valid until " << code->value("expires_at", "") << " (10 minutes), for one extension.\n"
      << "In Objector's options, choose \"Pair with the local agent\" and type this code.\n";
  return kOk;
}

}  // namespace objector
