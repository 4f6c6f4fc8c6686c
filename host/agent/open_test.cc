// The dashboard inside the real agent (AgentServer: Host guard, default headers, the handler table)
// and `objector open --print` as the person runs it: it starts the agent when none runs, reuses it
// when one does, and its one-time address signs a browser in.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <regex>
#include <thread>

#include "agent/agent_files.h"
#include "agent/agent_test_util.h"
#include "agent/dashboard.h"
#include "agent/open.h"

namespace objector {
namespace {

using agent_test::AgentFixture;
using nlohmann::json;

struct Run {
  int code;
  std::string out;
};

// Runs the objector binary with OBJECTOR_DATA_DIR=dir; stdout and the exit code.
Run Objector(const std::string& dir, const std::string& args) {
  std::string cmd = "OBJECTOR_DATA_DIR='" + dir + "' '" OBJECTOR_CLI_BIN "' " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[512];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// GET `path` on 127.0.0.1:port with `cookie`.
httplib::Result Get(int port, const std::string& path, const std::string& cookie = "") {
  httplib::Client c("127.0.0.1", port);
  httplib::Headers h;
  if (!cookie.empty()) h.emplace("Cookie", cookie);
  return c.Get(path.c_str(), h);
}

// Signs in through the agent's /login/new and /login: the Cookie value.
std::string SignIn(AgentFixture& f) {
  httplib::Client c("127.0.0.1", f.port());
  auto r = c.Post("/login/new", {{"Authorization", "Bearer " + f.secret()}}, "", "text/plain");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  std::string url = json::parse(r->body)["url"].get<std::string>();
  auto login = Get(f.port(), url.substr(url.find("/login")));
  REQUIRE(login);
  REQUIRE(login->status == 303);
  std::string set = login->get_header_value("Set-Cookie");
  return set.substr(0, set.find(';'));
}

}  // namespace

TEST_CASE("agent dashboard: pages pass the agent's guard, with one of each security header", "[dashboard][agent]") {
  AgentFixture f;
  std::string cookie = SignIn(f);
  for (const char* page : {"/", "/history", "/report", "/export", "/export/csv", "/verify", "/style.css"}) {
    INFO(page);
    auto r = Get(f.port(), page, cookie);
    REQUIRE(r);
    CHECK(r->status == 200);
    for (const char* h : {"Cache-Control", "X-Content-Type-Options", "Content-Security-Policy", "Referrer-Policy"}) {
      CHECK(r->get_header_value_count(h) == 1);
    }
    CHECK(r->get_header_value("Cache-Control") == "no-store");
    CHECK(!r->has_header("Access-Control-Allow-Origin"));
  }
  // A DNS-rebinding page (its own name as Host) gets nothing, even with the cookie.
  httplib::Client c("127.0.0.1", f.port());
  auto rebound = c.Get("/history", {{"Host", "evil.example:" + std::to_string(f.port())}, {"Cookie", cookie}});
  REQUIRE(rebound);
  CHECK(rebound->status == 421);
  CHECK(rebound->body.find("<table") == std::string::npos);
}

TEST_CASE("agent dashboard: the wrong method on a dashboard path is 405 with Allow", "[dashboard][agent]") {
  AgentFixture f;
  httplib::Client c("127.0.0.1", f.port());
  auto get_login_new = c.Get("/login/new");
  REQUIRE(get_login_new);
  CHECK(get_login_new->status == 405);
  CHECK(get_login_new->get_header_value("Allow") == "POST");
  for (const char* path : {"/", "/history", "/export/csv", "/verify", "/login"}) {
    INFO(path);
    auto r = c.Post(path, "", "text/plain");
    REQUIRE(r);
    CHECK(r->status == 405);
    CHECK(r->get_header_value("Allow") == "GET");
  }
}

TEST_CASE("objector open --print starts the agent, reuses it, and its address signs a browser in once", "[dashboard][agent]") {
  testing::TempDir dir;
  Run first = Objector(dir.path(), "open --print");
  REQUIRE(first.code == 0);
  auto agent = ReadAgentFile(dir.path());
  REQUIRE(agent);
  struct Stop {  // the agent this test started, by its pid
    long pid;
    ~Stop() {
      ::kill(static_cast<pid_t>(pid), SIGTERM);
      for (int i = 0; i < 100 && ::kill(static_cast<pid_t>(pid), 0) == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
  } stop{agent->pid};
  std::smatch m;
  std::string url = first.out;
  REQUIRE(std::regex_match(url, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)(/login\\?t=[0-9a-f]{64})\n")));
  int port = std::stoi(m[1].str());
  CHECK(port == agent->port);

  auto login = Get(port, m[2].str());
  REQUIRE(login);
  CHECK(login->status == 303);
  std::string set = login->get_header_value("Set-Cookie");
  std::string cookie = set.substr(0, set.find(';'));
  auto home = Get(port, "/", cookie);
  REQUIRE(home);
  CHECK(home->status == 200);
  CHECK(Get(port, m[2].str())->status == 401);  // used once

  Run second = Objector(dir.path(), "open --print");  // the same agent answers: no second one
  CHECK(second.code == 0);
  CHECK(second.out != first.out);
  CHECK(ReadAgentFile(dir.path())->pid == agent->pid);

  CHECK(Objector(dir.path(), "open --frobnicate").code == 2);
}

TEST_CASE("objector open hands the one-time address to the opener, and prints it when the opener fails", "[dashboard][agent]") {
  testing::TempDir dir;
  struct Stop {  // the agent this test starts, by its pid (read once it runs)
    std::string dir;
    ~Stop() {
      auto agent = ReadAgentFile(dir);
      if (!agent) return;
      ::kill(static_cast<pid_t>(agent->pid), SIGTERM);
      for (int i = 0; i < 100 && ::kill(static_cast<pid_t>(agent->pid), 0) == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
  } stop{dir.path()};
  // A real program as the opener: it writes the address it was given to a file, as xdg-open would
  // hand it to the browser.
  std::string seen = dir.path() + "/opened.txt", opener = dir.path() + "/opener.sh";
  {
    std::ofstream script(opener);
    script << "#!/bin/sh\nprintf '%s' \"$1\" > '" << seen << "'\n";
  }
  REQUIRE(::chmod(opener.c_str(), 0755) == 0);
  OpenOptions options;
  options.objector_binary = OBJECTOR_CLI_BIN;
  options.opener = opener;
  std::ostringstream out, err;
  REQUIRE(RunOpen({}, dir.path(), out, err, options) == 0);
  auto agent = ReadAgentFile(dir.path());
  REQUIRE(agent);
  std::string url;
  for (int i = 0; i < 100 && url.empty(); ++i) {  // the opener runs detached
    std::ifstream f(seen);
    std::getline(f, url);
    if (url.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::string prefix = "http://127.0.0.1:" + std::to_string(agent->port) + "/login?t=";
  REQUIRE(url.rfind(prefix, 0) == 0);
  CHECK(out.str().find(url) == std::string::npos);  // the address went to the browser, not the terminal
  CHECK(out.str().find("Opened your history in the browser") != std::string::npos);
  CHECK(Get(agent->port, url.substr(url.find("/login")))->status == 303);

  options.opener = "/bin/false";
  std::ostringstream out2, err2;
  CHECK(RunOpen({}, dir.path(), out2, err2, options) == 1);
  CHECK(out2.str().rfind(prefix, 0) == 0);  // printed instead, still usable
  CHECK(err2.str().find("/bin/false failed (exit 1)") != std::string::npos);
  options.opener = dir.path() + "/no-such-opener";
  std::ostringstream out3, err3;
  CHECK(RunOpen({}, dir.path(), out3, err3, options) == 1);
  CHECK(err3.str().find("was not found") != std::string::npos);
}

}  // namespace objector
