// The loopback agent against a bare cpp-httplib echo server, in one process and one run:
//   1. `hello` over POST /api (Bearer agent secret): requests per second and p99 latency, one client
//      on a kept-alive connection, and 4 clients at once
//   2. a durable `submission.record` (WAL + synchronous=FULL, committed before the reply) the same way
// The echo server answers POST /api with the request body (the same bytes, the same headers), so
// the ratio is what the agent adds over HTTP on loopback itself: guard, handler table, JSON, SQLite.
// For the durable write a second baseline, POST /durable on the same echo server, also commits the
// body with a bare sqlite3 INSERT (WAL + synchronous=FULL, prepared once) before answering: HTTP plus
// the physical cost of a synced write.
// Both sides are measured in alternating blocks so they see the same machine load. Prints absolute
// figures and ratios (agent ÷ echo for latency, echo ÷ agent for rate: above 1× is slower). Not a test.
// Usage: objector_agent_bench [--dir DIR] [--quick]
#include <httplib.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "agent/server.h"
#include "base/clock.h"
#include "handlers/context.h"

namespace {

using nlohmann::json;
using Steady = std::chrono::steady_clock;

struct Side {
  std::vector<double> latencies_us;
  double busy_s = 0;  // wall time of the blocks
  size_t requests = 0;
  size_t errors = 0;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// A submission.record request with a fresh client_id.
std::string RecordBody(int n) {
  char id[64];
  std::snprintf(id, sizeof id, "bench-%08d-0000-4000-8000-000000000000", n);
  json s = {{"client_id", id},
            {"platform", "facebook"},
            {"form_kind", "own"},
            {"form_url", "https://www.facebook.com/help/contact/6359191084165019"},
            {"form_id", "6359191084165019"},
            {"account_email", "anna.schmidt@example.de"},
            {"country", "DE"},
            {"justification_text", "Ich widerspreche der Nutzung meiner Daten für KI bei Meta."},
            {"page_language", "de"},
            {"browser", "chromium 156"},
            {"extension_version", "0.1.0"},
            {"status", "submitted"},
            {"occurred_at", "2026-11-25T16:54:06Z"},
            {"utc_offset_minutes", 60}};
  return json{{"id", n}, {"type", "submission.record"}, {"submission", s}}.dump();
}

const std::string kHello = R"({"id":1,"type":"hello"})";

// `clients` threads, each on its own kept-alive connection, send `per_client` bodies made by `body`.
void Block(int port, const char* path, const std::string& secret, int clients, int per_client,
           const std::function<std::string(int)>& body, std::atomic<int>& counter, Side& side) {
  std::vector<std::vector<double>> lat(static_cast<size_t>(clients));
  std::atomic<size_t> errors{0};
  auto start = Steady::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);  // else Nagle and delayed ACKs add ~40 ms per request
      httplib::Headers h{{"Authorization", "Bearer " + secret}};
      for (int i = 0; i < per_client; ++i) {
        std::string b = body(counter++);
        auto t0 = Steady::now();
        auto r = client.Post(path, h, b, "application/json");
        auto t1 = Steady::now();
        if (!r || r->status != 200 || r->body.find("\"ok\":false") != std::string::npos) ++errors;
        lat[static_cast<size_t>(c)].push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
      }
    });
  }
  for (auto& t : threads) t.join();
  side.busy_s += std::chrono::duration<double>(Steady::now() - start).count();
  for (auto& l : lat) side.latencies_us.insert(side.latencies_us.end(), l.begin(), l.end());
  side.requests += static_cast<size_t>(clients) * static_cast<size_t>(per_client);
  side.errors += errors;
}

// A bare durable store: one table, WAL + synchronous=FULL, one prepared INSERT, each its own commit.
class BareStore {
 public:
  explicit BareStore(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK ||
        sqlite3_exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                          "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
                     nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db_, "INSERT INTO t(body) VALUES(?)", -1, &insert_, nullptr) != SQLITE_OK) {
      std::fprintf(stderr, "bench: sqlite: %s\n", sqlite3_errmsg(db_));
      std::abort();
    }
  }
  ~BareStore() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
  }
  bool Insert(const std::string& body) {
    std::lock_guard<std::mutex> lock(mu_);
    sqlite3_bind_text(insert_, 1, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
    bool ok = sqlite3_step(insert_) == SQLITE_DONE;
    sqlite3_reset(insert_);
    return ok;
  }

 private:
  std::mutex mu_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

void Print(const char* what, const Side& agent, const Side& echo, const char* target) {
  double a_rate = static_cast<double>(agent.requests) / agent.busy_s;
  double e_rate = static_cast<double>(echo.requests) / echo.busy_s;
  double a_p50 = Percentile(agent.latencies_us, 0.5), e_p50 = Percentile(echo.latencies_us, 0.5);
  double a_p99 = Percentile(agent.latencies_us, 0.99), e_p99 = Percentile(echo.latencies_us, 0.99);
  std::printf("| %s | %.0f req/s, p50 %.0f µs, p99 %.0f µs | %.0f req/s, p50 %.0f µs, p99 %.0f µs | rate %.2f×, "
              "p99 %.2f× | %s |%s\n",
              what, a_rate, a_p50, a_p99, e_rate, e_p50, e_p99, e_rate / a_rate, a_p99 / e_p99, target,
              agent.errors || echo.errors ? " ERRORS" : "");
  if (agent.errors || echo.errors) {
    std::printf("  errors: agent %zu, echo %zu\n", agent.errors, echo.errors);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--quick")) {
      quick = true;
    } else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) {
      dir = argv[++i];
    } else {
      std::fprintf(stderr, "usage: objector_agent_bench [--dir DIR] [--quick]\n");
      return 2;
    }
  }
  char tmpl[] = "/var/tmp/objector-agent-bench-XXXXXX";  // on disk: the writes are fsynced
  if (dir.empty()) {
    if (!mkdtemp(tmpl)) return 1;
    dir = tmpl;
  }

  objector::SystemClock clock;
  objector::Context ctx(dir, clock);
  objector::AgentOptions options;
  std::ostringstream diag;
  auto agent = objector::AgentServer::Bind(ctx, options, diag);
  if (!agent.ok()) {
    std::fprintf(stderr, "bench: the agent did not bind: %s\n", agent.status().ToString().c_str());
    return 1;
  }
  (*agent)->Start();
  const std::string secret = (*agent)->state().secret;
  const int agent_port = (*agent)->port();

  BareStore bare(dir + "/bare.sqlite3");
  httplib::Server echo;
  echo.Post("/api", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.body, "application/json");
  });
  echo.Post("/durable", [&bare](const httplib::Request& req, httplib::Response& res) {
    res.status = bare.Insert(req.body) ? 200 : 500;
    res.set_content(req.body, "application/json");
  });
  echo.set_tcp_nodelay(true);
  int echo_port = echo.bind_to_any_port("127.0.0.1");
  std::thread echo_thread([&] { echo.listen_after_bind(); });
  while (!echo.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  const int blocks = quick ? 4 : 10;
  const int hello_per_block = quick ? 500 : 2000;
  const int writes_per_block = quick ? 50 : 200;
  std::atomic<int> counter{0};
  auto hello = [](int) { return kHello; };
  auto record = [](int n) { return RecordBody(n); };

  // Warm-up: connections, the store's first open, the page cache.
  Side warm;
  Block(agent_port, "/api", secret, 1, 50, record, counter, warm);
  Block(echo_port, "/api", secret, 1, 50, hello, counter, warm);
  Block(echo_port, "/durable", secret, 1, 50, record, counter, warm);

  std::printf("Objector loopback agent vs a bare cpp-httplib echo (POST /api, 127.0.0.1, kept-alive), %d blocks "
              "alternating\n\n| figure | agent | echo | ratio | target |\n|---|---|---|---|---|\n",
              blocks);
  struct Figure {
    const char* what;
    int clients;
    int per_block;
    std::function<std::string(int)> body;
    const char* target;
    bool durable;  // also against the echo + bare INSERT
  };
  const Figure figures[] = {
      {"`hello`, 1 client", 1, hello_per_block, hello, "p99 ≤ 1.5×", false},
      {"`hello`, 4 clients", 4, hello_per_block / 4, hello, "—", false},
      {"durable `submission.record`, 1 client", 1, writes_per_block, record, "p99 ≤ 1.5×", true},
      {"durable `submission.record`, 4 clients", 4, writes_per_block / 4, record, "—", true},
  };
  for (const auto& f : figures) {
    Side a, e, d;
    for (int b = 0; b < blocks; ++b) {
      bool agent_first = b % 2 == 0;
      for (int k = 0; k < 2; ++k) {
        if ((k == 0) == agent_first) {
          Block(agent_port, "/api", secret, f.clients, f.per_block, f.body, counter, a);
        } else {
          Block(echo_port, "/api", secret, f.clients, f.per_block, f.body, counter, e);
          if (f.durable) Block(echo_port, "/durable", secret, f.clients, f.per_block, f.body, counter, d);
        }
      }
    }
    Print(f.what, a, e, f.target);
    if (f.durable) Print("  … against echo + bare durable INSERT", a, d, "—");
    std::fflush(stdout);
  }

  echo.stop();
  echo_thread.join();
  (*agent)->Stop();
  std::printf("\n%d requests; data folder %s (%s)\n", counter.load(), dir.c_str(),
              dir == tmpl ? "removed" : "kept");
  if (dir == tmpl) std::system(("rm -rf '" + dir + "'").c_str());
  return 0;
}
