// `objector serve` and `objector pair` as the user runs them: the built binary as a child process
// over a temp data folder. agent.json appears once listening (0600) and goes on SIGTERM, SIGINT and
// idle exit; a second agent of the same folder exits 1; a stale file is replaced; the port is kept.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "agent/agent_files.h"
#include "agent/agent_test_util.h"

namespace objector {
namespace {

using nlohmann::json;

class Proc {
 public:
  Proc(const std::vector<std::string>& args, const std::string& data_dir, const std::string& out_path)
      : out_path_(out_path) {
    pid_ = fork();
    if (pid_ == 0) {
      int fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(fd, 1);
      dup2(fd, 2);
      setenv("OBJECTOR_DATA_DIR", data_dir.c_str(), 1);
      std::vector<char*> argv{const_cast<char*>(OBJECTOR_CLI_BIN)};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(OBJECTOR_CLI_BIN, argv.data());
      _exit(127);
    }
  }
  ~Proc() {
    if (pid_ > 0 && !done_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  // The exit code, or -1 when it did not exit within `timeout`.
  int Wait(std::chrono::seconds timeout = std::chrono::seconds(20)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        done_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }
  void Signal(int sig) { kill(pid_, sig); }
  pid_t pid() const { return pid_; }
  std::string Output() const { return ReadSmallFile(out_path_).value_or(""); }

 private:
  pid_t pid_ = -1;
  bool done_ = false;
  std::string out_path_;
};

// agent.json once it names `pid` (or any pid when 0); fails the test after 20 s.
AgentFile WaitForAgentFile(const std::string& dir, long pid = 0) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    auto f = ReadAgentFile(dir);
    if (f && (pid == 0 || f->pid == pid)) return *f;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  FAIL("agent.json did not appear");
  return {};
}

bool Exists(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0;
}

json Hello(const AgentFile& f) {
  httplib::Client c("127.0.0.1", f.port);
  auto r = c.Post("/api", {{"Authorization", "Bearer " + f.secret}}, R"({"id":1,"type":"hello"})", "application/json");
  REQUIRE(r);
  return json::parse(r->body);
}

}  // namespace

TEST_CASE("serve: agent.json (0600) once listening, a second agent exits 1, SIGTERM removes it", "[agent][serve]") {
  testing::TempDir dir;
  Proc serve({"serve"}, dir.path(), dir.path() + "/serve.out");
  AgentFile f = WaitForAgentFile(dir.path(), serve.pid());
  CHECK(f.secret.size() == 64);
  CHECK(f.port >= kAgentPortMin);
  CHECK(f.port <= kAgentPortMax);
  struct stat st {};
  REQUIRE(stat(AgentFilePath(dir.path()).c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(Hello(f)["ok"] == true);
  CHECK(ReadKeptPort(dir.path()) == f.port);

  Proc second({"serve"}, dir.path(), dir.path() + "/second.out");
  CHECK(second.Wait() == 1);
  CHECK(second.Output().find("another agent is serving") != std::string::npos);
  CHECK(ReadAgentFile(dir.path())->pid == serve.pid());  // the first one's file is untouched

  serve.Signal(SIGTERM);
  CHECK(serve.Wait() == 0);
  CHECK_FALSE(Exists(AgentFilePath(dir.path())));
  CHECK(serve.Output().find("stopped (SIGTERM)") != std::string::npos);
}

TEST_CASE("serve: a stale agent.json (dead pid) is replaced, the kept port is reused, SIGINT stops", "[agent][serve]") {
  testing::TempDir dir;
  REQUIRE(WriteKeptPort(dir.path(), 0) .ok());  // not a valid port: a fresh one is chosen and kept
  Proc first({"serve"}, dir.path(), dir.path() + "/first.out");
  AgentFile a = WaitForAgentFile(dir.path(), first.pid());
  first.Signal(SIGKILL);  // dies without cleaning up: the file stays, stale
  first.Wait();
  REQUIRE(ReadAgentFile(dir.path())->pid == first.pid());

  Proc next({"serve"}, dir.path(), dir.path() + "/next.out");
  AgentFile b = WaitForAgentFile(dir.path(), next.pid());
  CHECK(b.port == a.port);  // agent-port keeps it across starts
  CHECK(b.secret != a.secret);
  CHECK(Hello(b)["ok"] == true);
  next.Signal(SIGINT);
  CHECK(next.Wait() == 0);
  CHECK_FALSE(Exists(AgentFilePath(dir.path())));
}

TEST_CASE("serve: an explicit --port is used as given and not kept, SIGHUP stops cleanly", "[agent][serve]") {
  testing::TempDir dir;
  int port = 0;
  {  // a port that is free right now: bind 0, read it, let it go
    int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    port = ntohs(a.sin_port);
    ::close(s);
  }
  Proc serve({"serve", "--port", std::to_string(port)}, dir.path(), dir.path() + "/serve.out");
  AgentFile f = WaitForAgentFile(dir.path(), serve.pid());
  CHECK(f.port == port);
  CHECK_FALSE(ReadKeptPort(dir.path()).has_value());
  CHECK(Hello(f)["ok"] == true);
  serve.Signal(SIGHUP);
  CHECK(serve.Wait() == 0);
  CHECK_FALSE(Exists(AgentFilePath(dir.path())));
}

TEST_CASE("serve: --idle-exit stops after that many quiet seconds and removes agent.json", "[agent][serve]") {
  testing::TempDir dir;
  Proc serve({"serve", "--idle-exit", "1"}, dir.path(), dir.path() + "/serve.out");
  WaitForAgentFile(dir.path(), serve.pid());
  CHECK(serve.Wait() == 0);
  CHECK_FALSE(Exists(AgentFilePath(dir.path())));
  CHECK(serve.Output().find("idle for 1 s") != std::string::npos);
}

TEST_CASE("serve: a --port that is taken exits 1 naming it, bad flags exit 2", "[agent][serve]") {
  testing::TempDir dir, other;
  Proc serve({"serve"}, dir.path(), dir.path() + "/serve.out");
  AgentFile f = WaitForAgentFile(dir.path(), serve.pid());
  Proc taken({"serve", "--port", std::to_string(f.port)}, other.path(), other.path() + "/taken.out");
  CHECK(taken.Wait() == 1);
  CHECK(taken.Output().find("port " + std::to_string(f.port) + " is not free") != std::string::npos);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"serve", "--port", "http"}, {"serve", "--idle-exit", "-3"}, {"serve", "extra"}, {"pair", "--frob"}}) {
    Proc bad(args, other.path(), other.path() + "/bad.out");
    CHECK(bad.Wait() == 2);
  }
}

TEST_CASE("pair: starts the agent when none runs and prints a code that pairs, --revoke-all forgets", "[agent][serve]") {
  testing::TempDir dir;
  Proc pair({"pair"}, dir.path(), dir.path() + "/pair.out");
  REQUIRE(pair.Wait() == 0);
  std::string out = pair.Output();
  AgentFile f = WaitForAgentFile(dir.path());
  std::string prefix = "Pairing code: " + std::to_string(f.port) + "-";
  auto at = out.find(prefix);
  REQUIRE(at != std::string::npos);
  std::string digits = out.substr(at + prefix.size(), 6);
  httplib::Client c("127.0.0.1", f.port);
  auto r = c.Post("/pair", {{"Origin", agent_test::kChromeOrigin}}, json{{"code", digits}}.dump(), "application/json");
  REQUIRE(r);
  CHECK(r->status == 200);
  std::string token = json::parse(r->body)["token"];

  Proc revoke({"pair", "--revoke-all"}, dir.path(), dir.path() + "/revoke.out");
  CHECK(revoke.Wait() == 0);
  CHECK(revoke.Output().find("Revoked 1 paired extension.") != std::string::npos);
  auto after = c.Post("/api", {{"Authorization", "Bearer " + token}, {"Origin", agent_test::kChromeOrigin}},
                      R"({"id":1,"type":"hello"})", "application/json");
  REQUIRE(after);
  CHECK(after->status == 401);
  kill(static_cast<pid_t>(f.pid), SIGTERM);  // the agent `pair` started (detached, --idle-exit 900)
  for (int i = 0; i < 500 && Exists(AgentFilePath(dir.path())); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK_FALSE(Exists(AgentFilePath(dir.path())));
}

TEST_CASE("serve: an unreadable agent-clients.json stops the start (exit 1, file kept) until pair --revoke-all",
          "[agent][serve]") {
  testing::TempDir dir;
  const std::string clients = AgentClientsPath(dir.path());
  REQUIRE(WritePrivateFileAtomic(clients, "not json").ok());
  Proc serve({"serve"}, dir.path(), dir.path() + "/serve.out");
  CHECK(serve.Wait() == 1);
  CHECK(serve.Output().find("pair --revoke-all") != std::string::npos);
  CHECK(*ReadSmallFile(clients) == "not json");
  Proc revoke({"pair", "--revoke-all"}, dir.path(), dir.path() + "/revoke.out");
  CHECK(revoke.Wait() == 0);
  Proc again({"serve", "--idle-exit", "1"}, dir.path(), dir.path() + "/again.out");
  WaitForAgentFile(dir.path(), again.pid());
  CHECK(again.Wait() == 0);
}

}  // namespace objector
