// Objector's benchmark: objector-host against its physical limits, side by side, in one run.
//   1. start -> first hello reply: objector-host vs the bare C frame echo (bench/frame_echo.c)
//   2. round trip of small messages on an open pipe: objector-host `hello` vs the echo
//   3. a durable submission write through the host vs a bare sqlite3 INSERT of the same row, both
//      WAL + synchronous=FULL, each its own committed transaction, on the same disk
// Prints absolute numbers, the ratio to the baseline and the issue's target. Not a test.
// Usage: objector_bench --host PATH --echo PATH [--dir DIR] [--quick]
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

std::string Frame(const std::string& body) {
  uint32_t n = static_cast<uint32_t>(body.size());
  std::string out(4, '\0');
  std::memcpy(out.data(), &n, 4);
  return out + body;
}

struct Proc {
  pid_t pid = -1;
  int in = -1, out = -1;
};

Proc Spawn(const std::string& binary, const std::string& data_dir) {
  int a[2], b[2];
  // CLOEXEC: a second child must not hold this one's pipes open (it would never see EOF).
  if (pipe2(a, O_CLOEXEC) != 0 || pipe2(b, O_CLOEXEC) != 0) std::abort();
  Proc p;
  p.pid = fork();
  if (p.pid == 0) {
    dup2(a[0], 0);
    dup2(b[1], 1);
    close(a[0]); close(a[1]); close(b[0]); close(b[1]);
    setenv("OBJECTOR_DATA_DIR", data_dir.c_str(), 1);
    execl(binary.c_str(), binary.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(a[0]);
  close(b[1]);
  p.in = a[1];
  p.out = b[0];
  return p;
}

void WriteAll(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = write(fd, s.data() + done, s.size() - done);
    if (n <= 0) std::abort();
    done += static_cast<size_t>(n);
  }
}

std::string ReadFrame(int fd) {
  auto read_n = [fd](size_t n) {
    std::string s(n, '\0');
    size_t done = 0;
    while (done < n) {
      ssize_t r = read(fd, s.data() + done, n - done);
      if (r <= 0) {
        std::fprintf(stderr, "bench: the child closed its output\n");
        std::exit(1);
      }
      done += static_cast<size_t>(r);
    }
    return s;
  };
  std::string h = read_n(4);
  uint32_t n;
  std::memcpy(&n, h.data(), 4);
  return read_n(n);
}

void Finish(Proc& p) {
  close(p.in);
  close(p.out);
  waitpid(p.pid, nullptr, 0);
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Seconds from fork to the first reply read, one start.
double StartOnce(const std::string& binary, const std::string& dir) {
  const std::string hello = Frame(R"({"id":1,"type":"hello"})");
  auto start = Clock::now();
  Proc p = Spawn(binary, dir);
  WriteAll(p.in, hello);
  ReadFrame(p.out);
  double s = Seconds(Clock::now() - start);
  Finish(p);
  return s;
}

// Median start-up of `a` and of `b`, measured alternately so both see the same machine load.
std::pair<double, double> StartUpPair(const std::string& a, const std::string& b, const std::string& dir, int runs) {
  std::vector<double> ta, tb;
  for (int i = 0; i < runs; ++i) {
    ta.push_back(StartOnce(a, dir));
    tb.push_back(StartOnce(b, dir));
  }
  return {Median(ta), Median(tb)};
}

// Round trips per second of `request` on one open pipe each, for `a` and `b`, measured in
// alternating blocks so both see the same machine load; the best block of each counts.
std::pair<double, double> RoundTripPair(const std::string& a, const std::string& b, const std::string& dir, int n,
                                        const std::string& request = R"({"id":1,"type":"hello"})") {
  const std::string frame = Frame(request);
  Proc pa = Spawn(a, dir), pb = Spawn(b, dir);
  auto block = [&](Proc& p, int count) {
    auto start = Clock::now();
    for (int i = 0; i < count; ++i) {
      WriteAll(p.in, frame);
      ReadFrame(p.out);
    }
    return count / Seconds(Clock::now() - start);
  };
  block(pa, 200);  // warm-up
  block(pb, 200);
  double best_a = 0, best_b = 0;
  const int blocks = 10;
  for (int k = 0; k < blocks; ++k) {
    best_a = std::max(best_a, block(pa, n / blocks));
    best_b = std::max(best_b, block(pb, n / blocks));
  }
  Finish(pa);
  Finish(pb);
  return {best_a, best_b};
}

json Submission(const std::string& client_id) {
  return {{"client_id", client_id}, {"platform", "facebook"}, {"form_kind", "own"},
          {"form_url", "https://www.facebook.com/help/contact/6359191084165019"}, {"form_id", "6359191084165019"},
          {"account_email", "anna.schmidt@example.de"}, {"country", "DE"},
          {"justification_text", "Ich widerspreche der Nutzung meiner Daten für KI bei Meta."},
          {"page_language", "de"}, {"browser", "chromium 156"}, {"extension_version", "0.1.0"},
          {"status", "submitted"}, {"occurred_at", "2026-11-25T16:54:06Z"}, {"utc_offset_minutes", 60}};
}

void Check(int rc, sqlite3* db) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "bench: sqlite: %s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
}

// Median seconds per durable write: a submission.record acknowledged by the host, and a bare
// INSERT (autocommit, prepared once) of the same row, both WAL + synchronous=FULL on the same disk.
// The two alternate in blocks so both see the same disk load.
std::pair<double, double> WritePair(const std::string& binary, const std::string& dir, int n) {
  Proc p = Spawn(binary, dir + "/host");
  WriteAll(p.in, Frame(R"({"id":0,"type":"stats"})"));  // opens and migrates the database
  ReadFrame(p.out);
  sqlite3* db = nullptr;
  Check(sqlite3_open((dir + "/bare.sqlite3").c_str(), &db), db);
  Check(sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE TABLE s (id INTEGER PRIMARY KEY, client_id TEXT UNIQUE, body TEXT)",
                     nullptr, nullptr, nullptr),
        db);
  sqlite3_stmt* st = nullptr;
  Check(sqlite3_prepare_v2(db, "INSERT INTO s (client_id, body) VALUES (?, ?)", -1, &st, nullptr), db);
  const std::string body = Submission("x").dump();
  std::vector<double> host_t, bare_t;
  const int blocks = 10;
  for (int k = 0; k < blocks; ++k) {
    for (int i = k * (n / blocks); i < (k + 1) * (n / blocks); ++i) {
      auto start = Clock::now();
      WriteAll(p.in, Frame(json{{"id", i}, {"type", "submission.record"},
                                {"submission", Submission("bench-" + std::to_string(i))}}.dump()));
      std::string reply = ReadFrame(p.out);
      host_t.push_back(Seconds(Clock::now() - start));
      if (reply.find("\"ok\":true") == std::string::npos) {
        std::fprintf(stderr, "bench: write failed: %s\n", reply.c_str());
        std::exit(1);
      }
    }
    for (int i = k * (n / blocks); i < (k + 1) * (n / blocks); ++i) {
      std::string id = "bare-" + std::to_string(i);
      auto start = Clock::now();
      sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 2, body.c_str(), -1, SQLITE_TRANSIENT);
      Check(sqlite3_step(st), db);
      sqlite3_reset(st);
      bare_t.push_back(Seconds(Clock::now() - start));
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  Finish(p);
  return {Median(host_t), Median(bare_t)};
}

void Line(const char* what, double host, double base, const char* unit, double ratio, const char* target) {
  std::printf("%-36s %12.3f %12.3f %-8s %7.2fx   (target %s)\n", what, host, base, unit, ratio, target);
}

}  // namespace

int main(int argc, char** argv) {
  std::string host, echo, dir;
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--host" && i + 1 < argc) host = argv[++i];
    else if (a == "--echo" && i + 1 < argc) echo = argv[++i];
    else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (a == "--quick") quick = true;
  }
  if (host.empty() || echo.empty()) {
    std::fprintf(stderr, "usage: objector_bench --host PATH --echo PATH [--dir DIR] [--quick]\n");
    return 2;
  }
  if (dir.empty()) {
    char tmpl[] = "/tmp/objector-bench-XXXXXX";
    if (!mkdtemp(tmpl)) return 1;
    dir = tmpl;
  }
  const int starts = quick ? 20 : 200, trips = quick ? 2000 : 20000, writes = quick ? 100 : 500;
  std::printf("objector bench: %d start-ups, %d round trips, %d durable writes; data in %s\n", starts, trips,
              writes, dir.c_str());
  std::printf("%-36s %12s %12s %-8s %8s\n", "", "objector", "baseline", "unit", "ratio");

  auto [su_host, su_echo] = StartUpPair(host, echo, dir + "/startup", starts);
  Line("start -> first hello reply (median)", su_host * 1e3, su_echo * 1e3, "ms", su_host / su_echo, "<= 1.5x");

  auto [rt_host, rt_echo] = RoundTripPair(host, echo, dir + "/roundtrip", trips);
  Line("small message round trips (hello)", rt_host, rt_echo, "frames/s", rt_echo / rt_host, "<= 1.2x");
  std::printf("%-36s %12.1f %12.1f %-8s\n", "  = time per round trip", 1e6 / rt_host, 1e6 / rt_echo, "us");
  // The protocol floor: the smallest request the host parses, dispatches and answers (an error).
  auto [rt_tiny, rt_tiny_echo] = RoundTripPair(host, echo, dir + "/roundtrip", trips, R"({"id":1,"type":"ping"})");
  Line("  smallest request (unknown_type)", rt_tiny, rt_tiny_echo, "frames/s", rt_tiny_echo / rt_tiny, "-");

  std::system(("mkdir -p '" + dir + "/host'").c_str());
  auto [w_host, w_bare] = WritePair(host, dir, writes);
  Line("durable write, median (WAL, FULL)", w_host * 1e3, w_bare * 1e3, "ms", w_host / w_bare, "<= 2x");
  std::printf("%-36s %12.0f %12.0f %-8s\n", "  = writes per second", 1 / w_host, 1 / w_bare, "writes/s");
  std::system(("rm -rf '" + dir + "'").c_str());
  return 0;
}
