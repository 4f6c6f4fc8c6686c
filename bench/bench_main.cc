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
  if (pipe(a) != 0 || pipe(b) != 0) std::abort();
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

// Median seconds from fork to the first reply read.
double StartUp(const std::string& binary, const std::string& dir, int runs) {
  const std::string hello = Frame(R"({"id":1,"type":"hello"})");
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    Proc p = Spawn(binary, dir);
    WriteAll(p.in, hello);
    ReadFrame(p.out);
    t.push_back(Seconds(Clock::now() - start));
    Finish(p);
  }
  return Median(t);
}

// Round trips per second of `hello` on one open pipe.
double RoundTrips(const std::string& binary, const std::string& dir, int n) {
  const std::string hello = Frame(R"({"id":1,"type":"hello"})");
  Proc p = Spawn(binary, dir);
  for (int i = 0; i < 100; ++i) {  // warm-up
    WriteAll(p.in, hello);
    ReadFrame(p.out);
  }
  auto start = Clock::now();
  for (int i = 0; i < n; ++i) {
    WriteAll(p.in, hello);
    ReadFrame(p.out);
  }
  double s = Seconds(Clock::now() - start);
  Finish(p);
  return n / s;
}

json Submission(const std::string& client_id) {
  return {{"client_id", client_id}, {"platform", "facebook"}, {"form_kind", "own"},
          {"form_url", "https://www.facebook.com/help/contact/6359191084165019"}, {"form_id", "6359191084165019"},
          {"account_email", "anna.schmidt@example.de"}, {"country", "DE"},
          {"justification_text", "Ich widerspreche der Nutzung meiner Daten für KI bei Meta."},
          {"page_language", "de"}, {"browser", "chromium 156"}, {"extension_version", "0.1.0"},
          {"status", "submitted"}, {"occurred_at", "2026-11-25T16:54:06Z"}, {"utc_offset_minutes", 60}};
}

// Seconds per acknowledged submission.record through the host.
double HostWrites(const std::string& binary, const std::string& dir, int n) {
  Proc p = Spawn(binary, dir);
  WriteAll(p.in, Frame(R"({"id":0,"type":"stats"})"));  // opens and migrates the database
  ReadFrame(p.out);
  auto start = Clock::now();
  for (int i = 0; i < n; ++i) {
    WriteAll(p.in, Frame(json{{"id", i}, {"type", "submission.record"},
                              {"submission", Submission("bench-" + std::to_string(i))}}.dump()));
    std::string reply = ReadFrame(p.out);
    if (reply.find("\"ok\":true") == std::string::npos) {
      std::fprintf(stderr, "bench: write failed: %s\n", reply.c_str());
      std::exit(1);
    }
  }
  double s = Seconds(Clock::now() - start);
  Finish(p);
  return s / n;
}

void Check(int rc, sqlite3* db) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "bench: sqlite: %s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
}

// Seconds per bare INSERT (autocommit), same row, WAL + synchronous=FULL.
double BareWrites(const std::string& path, int n) {
  sqlite3* db = nullptr;
  Check(sqlite3_open(path.c_str(), &db), db);
  Check(sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE TABLE s (id INTEGER PRIMARY KEY, client_id TEXT UNIQUE, body TEXT)",
                     nullptr, nullptr, nullptr),
        db);
  sqlite3_stmt* st = nullptr;
  Check(sqlite3_prepare_v2(db, "INSERT INTO s (client_id, body) VALUES (?, ?)", -1, &st, nullptr), db);
  const std::string body = Submission("x").dump();
  auto start = Clock::now();
  for (int i = 0; i < n; ++i) {
    std::string id = "bare-" + std::to_string(i);
    sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, body.c_str(), -1, SQLITE_TRANSIENT);
    Check(sqlite3_step(st), db);
    sqlite3_reset(st);
  }
  double s = Seconds(Clock::now() - start);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return s / n;
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

  double su_host = StartUp(host, dir + "/startup", starts);
  double su_echo = StartUp(echo, dir + "/startup", starts);
  Line("start -> first hello reply (median)", su_host * 1e3, su_echo * 1e3, "ms", su_host / su_echo, "<= 1.5x");

  double rt_host = RoundTrips(host, dir + "/roundtrip", trips);
  double rt_echo = RoundTrips(echo, dir + "/roundtrip", trips);
  Line("small message round trips", rt_host, rt_echo, "frames/s", rt_echo / rt_host, "<= 1.2x");
  std::printf("%-36s %12.1f %12.1f %-8s\n", "  = time per round trip", 1e6 / rt_host, 1e6 / rt_echo, "us");

  std::system(("mkdir -p '" + dir + "/host' && rm -f '" + dir + "/host/'* '" + dir + "/bare.sqlite3'*").c_str());
  double w_host = HostWrites(host, dir + "/host", writes);
  double w_bare = BareWrites(dir + "/bare.sqlite3", writes);
  Line("durable write (WAL, synchronous=FULL)", w_host * 1e3, w_bare * 1e3, "ms", w_host / w_bare, "<= 2x");
  std::printf("%-36s %12.0f %12.0f %-8s\n", "  = writes per second", 1 / w_host, 1 / w_bare, "writes/s");
  std::system(("rm -rf '" + dir + "'").c_str());
  return 0;
}
