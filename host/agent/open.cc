#include "agent/open.h"

#include <fcntl.h>
#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "cli/agent_commands.h"

namespace objector {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// The one-time login URL from `agent`, or nullopt with `why`.
std::optional<std::string> AskLogin(const LiveAgent& agent, std::string* why) {
  httplib::Client client("127.0.0.1", agent.port);
  client.set_connection_timeout(2);
  client.set_read_timeout(5);
  auto r = client.Post("/login/new", {{"Authorization", "Bearer " + agent.secret}}, "", "text/plain");
  if (!r) {
    *why = "the agent on port " + std::to_string(agent.port) + " does not answer";
    return std::nullopt;
  }
  if (r->status != 200) {
    *why = "the agent on port " + std::to_string(agent.port) + " answered HTTP " + std::to_string(r->status);
    return std::nullopt;
  }
  auto body = nlohmann::json::parse(r->body, nullptr, false);
  std::string prefix = "http://127.0.0.1:" + std::to_string(agent.port) + "/login?t=";
  if (!body.is_object() || !body.value("url", nlohmann::json()).is_string() ||
      body["url"].get<std::string>().rfind(prefix, 0) != 0) {
    *why = "the agent on port " + std::to_string(agent.port) + " sent no login address";
    return std::nullopt;
  }
  return body["url"].get<std::string>();
}

// Starts `exe args...` in a session of its own with stdin/stdout/stderr on /dev/null; its pid, or -1.
pid_t SpawnDetached(const std::string& exe, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(exe.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::setsid();
  int null = ::open("/dev/null", O_RDWR);
  if (null >= 0) {
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    if (null > 2) ::close(null);
  }
  ::execvp(exe.c_str(), argv.data());
  ::_exit(127);
}

// Runs the opener on `url`: true when it started the browser (exit 0, or still running after 5 s).
bool OpenInBrowser(const OpenOptions& options, const std::string& url, std::string* why) {
  pid_t pid = SpawnDetached(options.opener, {url});
  if (pid < 0) {
    *why = std::string("cannot run ") + options.opener + ": " + std::strerror(errno);
    return false;
  }
  auto deadline = steady_clock::now() + milliseconds(5000);
  while (steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
      int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      *why = options.opener + (code == 127 ? " was not found" : " failed (exit " + std::to_string(code) + ")");
      return false;
    }
    std::this_thread::sleep_for(milliseconds(20));
  }
  return true;  // some openers wait for the browser: it has started
}

}  // namespace

int RunOpen(const std::vector<std::string>& args, const std::string& data_dir, std::ostream& out,
            std::ostream& err, const OpenOptions& options) {
  bool print = false;
  for (const auto& a : args) {
    if (a != "--print") {
      err << "objector: usage: objector open [--print]\n";
      return 2;
    }
    print = true;
  }
  auto agent = EnsureAgent(data_dir, options.objector_binary, options.idle_exit_seconds);
  if (!agent.ok()) {
    err << "objector open: " << agent.status().message() << "\n";
    return 1;
  }
  std::string why;
  auto url = AskLogin(*agent, &why);
  if (!url) {
    err << "objector open: " << why << "\n";
    return 1;
  }
  if (print) {
    out << *url << "\n";
    return 0;
  }
  if (!OpenInBrowser(options, *url, &why)) {
    out << *url << "\n";
    err << "objector open: " << why << ": open the address above in your browser (it works once, within a minute)\n";
    return 1;
  }
  out << "Opened your history in the browser (the agent serves it on http://127.0.0.1:" << agent->port << "/).\n";
  return 0;
}

}  // namespace objector
