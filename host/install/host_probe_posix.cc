#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "host_probe.h"

namespace objector::install {
namespace {

using Clock = std::chrono::steady_clock;
constexpr uint32_t kMaxReply = 1024 * 1024;

struct Pipes {
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1},
      exec[2] = {-1, -1};
  ~Pipes() {
    for (int* p : {in, out, err, exec}) {
      for (int i = 0; i < 2; ++i) {
        if (p[i] >= 0) close(p[i]);
      }
    }
  }
};

void CloseFd(int* fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

[[noreturn]] void Child(const ProbeRequest& r, Pipes& p) {
  dup2(p.in[0], 0);
  dup2(p.out[1], 1);
  dup2(p.err[1], 2);
  int code = 0;
  if (chdir(r.working_dir.c_str()) == 0) {
    std::vector<char*> argv, envp;
    for (const std::string& a : r.argv)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (const std::string& e : r.env)
      envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    execve(r.path.c_str(), argv.data(), envp.data());
  }
  code = errno;
  ssize_t ignored = write(p.exec[1], &code, sizeof(code));
  (void)ignored;
  _exit(127);
}

std::string Printable(const std::string& bytes) {
  std::string s;
  for (unsigned char c : bytes.substr(0, 40)) {
    s += (c >= 32 && c < 127) ? static_cast<char>(c) : '.';
  }
  return s;
}

// Reads what is available on `fd` into *buf; returns false at EOF.
bool ReadSome(int fd, std::string* buf) {
  char chunk[4096];
  ssize_t n = read(fd, chunk, sizeof(chunk));
  if (n > 0) buf->append(chunk, static_cast<size_t>(n));
  return n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN));
}

// Judges the stdout bytes: a complete frame, junk, or "need more".
enum class Parse { kNeedMore, kFrame, kJunk };
Parse ParseFrame(const std::string& out, size_t* frame_end,
                 nlohmann::json* json, std::string* why) {
  if (out.size() < 4) return Parse::kNeedMore;
  uint32_t len = 0;
  std::memcpy(&len, out.data(),
              4);  // native order, little-endian on every platform we ship
  if (len == 0 || len > kMaxReply) {
    *why = "the first bytes on stdout are not a frame length: '" +
           Printable(out) + "'";
    return Parse::kJunk;
  }
  if (out.size() < 4 + static_cast<size_t>(len)) return Parse::kNeedMore;
  *json = nlohmann::json::parse(out.begin() + 4, out.begin() + 4 + len, nullptr,
                                false);
  if (json->is_discarded()) {
    *why = "a frame on stdout is not JSON: '" + Printable(out.substr(4)) + "'";
    return Parse::kJunk;
  }
  *frame_end = 4 + len;
  return Parse::kFrame;
}

}  // namespace

ProbeResult ProbeHost(const ProbeRequest& r) {
  ProbeResult result;
  Pipes p;
  if (pipe(p.in) || pipe(p.out) || pipe(p.err) || pipe(p.exec)) {
    result.outcome = ProbeOutcome::kCannotStart;
    result.exec_errno = errno;
    result.detail = std::string("cannot create pipes: ") + std::strerror(errno);
    return result;
  }
  for (int* fds : {p.in, p.out, p.err, p.exec}) {
    fcntl(
        fds[0], F_SETFD,
        FD_CLOEXEC);  // dup2 onto 0/1/2 clears the flag for the child's copies
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  }
  const Clock::time_point start = Clock::now();
  pid_t pid = fork();
  if (pid == 0) Child(r, p);
  CloseFd(&p.in[0]);
  CloseFd(&p.out[1]);
  CloseFd(&p.err[1]);
  CloseFd(&p.exec[1]);
  int code = 0;
  if (pid < 0 || read(p.exec[0], &code, sizeof(code)) ==
                     static_cast<ssize_t>(sizeof(code))) {
    if (pid > 0) waitpid(pid, nullptr, 0);
    result.outcome = ProbeOutcome::kCannotStart;
    result.exec_errno = pid < 0 ? errno : code;
    result.detail = std::strerror(result.exec_errno);
    return result;
  }
  signal(SIGPIPE, SIG_IGN);
  uint32_t len = static_cast<uint32_t>(r.request_json.size());
  std::string frame(reinterpret_cast<const char*>(&len), 4);
  frame += r.request_json;
  ssize_t written = write(p.in[1], frame.data(), frame.size());
  (void)written;  // a host that exited shows up as EOF below

  std::string out, err_bytes;
  bool out_open = true, err_open = true, replied = false;
  size_t frame_end = 0;
  Clock::time_point deadline = start + r.timeout;
  while (out_open && Clock::now() < deadline) {
    pollfd fds[2] = {{p.out[0], POLLIN, 0},
                     {err_open ? p.err[0] : -1, POLLIN, 0}};
    int ms =
        static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                             deadline - Clock::now())
                             .count());
    if (poll(fds, 2, ms < 0 ? 0 : ms) <= 0) continue;
    if (fds[1].revents) err_open = ReadSome(p.err[0], &err_bytes);
    if (!fds[0].revents) continue;
    out_open = ReadSome(p.out[0], &out);
    if (replied) continue;
    std::string why;
    Parse parse = ParseFrame(out, &frame_end, &result.reply, &why);
    if (parse == Parse::kJunk) {
      result.outcome = ProbeOutcome::kJunk;
      result.detail = why;
      break;
    }
    if (parse == Parse::kFrame) {
      replied = true;
      result.reply_ms =
          std::chrono::duration<double, std::milli>(Clock::now() - start)
              .count();
      // Give the host a moment to show anything else it prints, then close its
      // stdin.
      CloseFd(&p.in[1]);
      deadline = Clock::now() + std::chrono::milliseconds(500);
    }
  }
  if (replied && result.outcome != ProbeOutcome::kJunk) {
    result.outcome = ProbeOutcome::kReplied;
    if (out.size() > frame_end) {
      std::string rest = out.substr(frame_end);
      size_t end2 = 0;
      nlohmann::json extra;
      std::string why;
      if (ParseFrame(rest, &end2, &extra, &why) != Parse::kFrame) {
        result.outcome = ProbeOutcome::kJunk;
        result.detail =
            "after its reply the host wrote non-frame bytes on stdout: '" +
            Printable(rest) + "'";
      }
    }
  } else if (!replied && result.outcome != ProbeOutcome::kJunk) {
    result.outcome = out_open ? ProbeOutcome::kTimeout : ProbeOutcome::kExited;
    if (!out_open && !out.empty()) {
      result.outcome = ProbeOutcome::kJunk;
      result.detail = "the host closed stdout after an incomplete frame: '" +
                      Printable(out) + "'";
    }
  }
  CloseFd(&p.in[1]);
  int status = 0;
  for (int i = 0; i < 50 && waitpid(pid, &status, WNOHANG) == 0; ++i)
    usleep(10000);
  if (waitpid(pid, &status, WNOHANG) == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  if (result.outcome == ProbeOutcome::kExited) {
    result.detail =
        WIFEXITED(status)
            ? "exit status " + std::to_string(WEXITSTATUS(status))
            : "killed by signal " + std::to_string(WTERMSIG(status));
  }
  if (result.outcome == ProbeOutcome::kTimeout) {
    result.detail =
        "no reply within " + std::to_string(r.timeout.count()) + " ms";
  }
  if (err_open) {
    pollfd f{p.err[0], POLLIN, 0};
    if (poll(&f, 1, 0) > 0) ReadSome(p.err[0], &err_bytes);
  }
  result.stderr_head = Printable(err_bytes.substr(0, 200));
  return result;
}

}  // namespace objector::install
