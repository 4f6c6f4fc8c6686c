// Coverage on a long history: `coverage.get` through objector-host on a database of 10 000
// submissions (and their status events), against baselines measured in the same run on the same
// database and pipe: `stats` (one pass over every submission's current status, as coverage's own
// query) and `history.list` of 50 (what the history page asks for first). Issue 12's figure: the
// coverage page opens in under a second with 10 000 records. Prints absolute times and ratios. Not a test.
// Usage: objector_bench_coverage --host PATH [--dir DIR] [--records N] [--reps N]
#include <fcntl.h>
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
  if (pipe2(a, O_CLOEXEC) != 0 || pipe2(b, O_CLOEXEC) != 0) std::abort();
  Proc p;
  p.pid = fork();
  if (p.pid == 0) {
    dup2(a[0], 0);
    dup2(b[1], 1);
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

std::string ReadExact(int fd, size_t n) {
  std::string s(n, '\0');
  size_t done = 0;
  while (done < n) {
    ssize_t r = read(fd, s.data() + done, n - done);
    if (r <= 0) {
      std::fprintf(stderr, "bench: objector-host closed its output\n");
      std::exit(1);
    }
    done += static_cast<size_t>(r);
  }
  return s;
}

// One whole reply: a single frame, or every chunk frame of a chunked one. Returns its size in bytes.
size_t ReadReply(int fd, bool check_ok) {
  size_t bytes = 0;
  for (;;) {
    std::string h = ReadExact(fd, 4);
    uint32_t n;
    std::memcpy(&n, h.data(), 4);
    std::string body = ReadExact(fd, n);
    bytes += n;
    json j = json::parse(body);
    if (check_ok && j.value("ok", false) != true) {
      std::fprintf(stderr, "bench: request failed: %s\n", body.substr(0, 300).c_str());
      std::exit(1);
    }
    if (!j.contains("chunk")) return bytes;
    if (j["chunk"]["index"].get<int>() + 1 == j["chunk"]["count"].get<int>()) return bytes;
  }
}

std::string Utc(int64_t secs) {
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

const char* const kEmails[] = {"anna.schmidt@example.de", "anna.work@example.de", "a.schmidt@example.org",
                               "anna@example.net"};

// The requests that build a history of `records` submissions: four accounts (two in the profile),
// both platforms, one in five Facebook ones on the third-party form; six in ten confirmed later, one
// awaiting a code, one failed, two still submitted; spread over two years; two account links.
std::vector<json> HistoryRequests(int records) {
  std::vector<json> out;
  out.push_back({{"type", "profile.set"},
                 {"profile", {{"emails", {kEmails[0], kEmails[1]}}, {"country", "DE"}, {"language", "de"}}}});
  const int64_t start = 1717200000;  // 2024-06-01
  for (int i = 0; i < records; ++i) {
    const bool instagram = i % 3 == 0;
    const std::string id = "bench-" + std::to_string(i);
    const int64_t at = start + static_cast<int64_t>(i) * 6000;
    json s = {{"client_id", id},
              {"platform", instagram ? "instagram" : "facebook"},
              {"form_kind", !instagram && i % 5 == 0 ? "third_party" : "own"},
              {"form_url", instagram ? "https://help.instagram.com/contact/767264225370182"
                                     : "https://www.facebook.com/help/contact/6359191084165019"},
              {"form_id", instagram ? "767264225370182" : "6359191084165019"},
              {"account_email", kEmails[i % 4]},
              {"country", "DE"},
              {"justification_text", "Ich widerspreche der Nutzung meiner Daten für KI bei Meta."},
              {"page_language", "de"},
              {"browser", "chromium 156"},
              {"extension_version", "0.1.0"},
              {"status", "submitted"},
              {"occurred_at", Utc(at)},
              {"utc_offset_minutes", 60}};
    out.push_back({{"type", "submission.record"}, {"submission", s}});
    const int kind = i % 10;
    if (kind >= 8) continue;
    json e = {{"client_event_id", id + "-e"}, {"client_id", id}, {"occurred_at", Utc(at + 120)},
              {"utc_offset_minutes", 60}};
    e["status"] = kind < 6 ? "confirmed" : kind == 6 ? "awaiting-code" : "failed";
    if (kind == 7) e["reason"] = "Meta could not process the request";
    out.push_back({{"type", "submission.event"}, {"event", e}});
  }
  out.push_back({{"type", "account.link"}, {"account", {{"platform", "instagram"}, {"email", kEmails[1]}}},
                 {"covered_by", {{"platform", "facebook"}, {"email", kEmails[1]}}}});
  out.push_back({{"type", "account.link"}, {"account", {{"platform", "facebook"}, {"email", kEmails[3]}}},
                 {"covered_by", {{"platform", "facebook"}, {"email", kEmails[0]}}}});
  return out;
}

struct Figure {
  const char* name;
  std::string frame;
  std::vector<double> ms;
  size_t reply_bytes = 0;
};

double Percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  std::string host, dir;
  int records = 10000, reps = 30;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--host") host = argv[i + 1];
    else if (a == "--dir") dir = argv[i + 1];
    else if (a == "--records") records = std::atoi(argv[i + 1]);
    else if (a == "--reps") reps = std::atoi(argv[i + 1]);
  }
  if (host.empty() || records < 1 || reps < 1) {
    std::fprintf(stderr, "usage: objector_bench_coverage --host PATH [--dir DIR] [--records N] [--reps N]\n");
    return 2;
  }
  char tmpl[] = "/tmp/objector-bench-coverage-XXXXXX";
  const bool own_dir = dir.empty();
  if (own_dir) dir = mkdtemp(tmpl);
  Proc p = Spawn(host, dir);

  auto fill_start = Clock::now();
  std::vector<json> requests = HistoryRequests(records);
  // A --dir that already holds this history (a previous run's) is used as it is.
  WriteAll(p.in, Frame(R"({"id":0,"type":"stats"})"));
  {
    std::string h = ReadExact(p.out, 4);
    uint32_t n;
    std::memcpy(&n, h.data(), 4);
    json stats = json::parse(ReadExact(p.out, n));
    if (stats["result"]["total"].get<int64_t>() == records) requests.clear();
  }
  const size_t kBatch = 50;  // written ahead of their replies, so the pipe never waits on us
  for (size_t i = 0; i < requests.size(); i += kBatch) {
    size_t end = std::min(requests.size(), i + kBatch);
    std::string frames;
    for (size_t k = i; k < end; ++k) {
      requests[k]["id"] = k;
      frames += Frame(requests[k].dump());
    }
    WriteAll(p.in, frames);
    for (size_t k = i; k < end; ++k) ReadReply(p.out, true);
  }
  const double fill_s = std::chrono::duration<double>(Clock::now() - fill_start).count();

  std::vector<Figure> figures = {
      {"coverage.get", Frame(R"({"id":1,"type":"coverage.get","now":"2026-06-01T00:00:00Z"})"), {}, 0},
      {"stats", Frame(R"({"id":2,"type":"stats"})"), {}, 0},
      {"history.list (50)", Frame(R"({"id":3,"type":"history.list","limit":50})"), {}, 0},
  };
  for (auto& f : figures) {  // warm: statements prepared, pages cached
    WriteAll(p.in, f.frame);
    f.reply_bytes = ReadReply(p.out, true);
  }
  // Alternating rounds, each starting with a different request, so all three see the same load.
  for (int r = 0; r < reps; ++r) {
    for (size_t k = 0; k < figures.size(); ++k) {
      Figure& f = figures[(k + static_cast<size_t>(r)) % figures.size()];
      auto t0 = Clock::now();
      WriteAll(p.in, f.frame);
      ReadReply(p.out, true);
      f.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
  }
  close(p.in);
  close(p.out);
  waitpid(p.pid, nullptr, 0);
  if (own_dir) std::system(("rm -rf '" + dir + "'").c_str());

  std::printf("Coverage on a long history: %d submissions, %zu requests to build it (%.1f s%s), %d rounds\n\n",
              records, requests.size(), fill_s, requests.empty() ? ", reused the history in --dir" : "", reps);
  std::printf("| request | median | p95 | reply | coverage.get / this (median) |\n|---|---|---|---|---|\n");
  const double cov = Percentile(figures[0].ms, 0.5);
  for (const auto& f : figures) {
    const double med = Percentile(f.ms, 0.5);
    std::printf("| %s | %.2f ms | %.2f ms | %zu B | %.2f× |\n", f.name, med, Percentile(f.ms, 0.95), f.reply_bytes,
                cov / med);
  }
  std::printf("\ncoverage.get median %.1f ms against the issue's 1 s for the coverage page: %s\n", cov,
              cov < 1000 ? "met" : "missed");
  return 0;
}
