// Test helper: the built objector-host (or objector CLI) as a child process with pipes, talked to
// frame by frame. stderr goes to a file so a chatty child can never block on it.
#ifndef OBJECTOR_TESTS_HOST_HOST_PROCESS_H_
#define OBJECTOR_TESTS_HOST_HOST_PROCESS_H_

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace objector::itest {

using nlohmann::json;

inline std::string FrameOf(const std::string& payload) {
  uint32_t n = static_cast<uint32_t>(payload.size());
  std::string out(4, '\0');
  std::memcpy(out.data(), &n, 4);
  return out + payload;
}

inline std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream b;
  b << f.rdbuf();
  return b.str();
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/objector-itest-XXXXXX";
    if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() { std::system(("rm -rf '" + path_ + "'").c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class Child {
 public:
  // Starts `binary` with `args`; `env` entries are added to (and override) the test's environment.
  Child(const std::string& binary, const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
        const std::string& stderr_path)
      : stderr_path_(stderr_path) {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      dup2(in[0], 0);
      dup2(out[1], 1);
      int err = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (err >= 0) dup2(err, 2);
      for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
      std::vector<char*> argv;
      argv.push_back(const_cast<char*>(binary.c_str()));
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
    close(in[0]);
    close(out[1]);
    stdin_ = in[1];
    stdout_ = out[0];
    signal(SIGPIPE, SIG_IGN);
  }
  ~Child() {
    CloseStdin();
    if (stdout_ >= 0) close(stdout_);
    if (!exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  pid_t pid() const { return pid_; }

  // Writes raw bytes; false when the child closed its end.
  bool Write(const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = write(stdin_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }
  bool Send(const json& request) { return Write(FrameOf(request.dump())); }

  // The next frame's JSON, or nullopt on EOF / timeout.
  std::optional<json> Receive(int timeout_ms = 10000) {
    std::string header, body;
    if (!ReadExactly(4, &header, timeout_ms)) return std::nullopt;
    uint32_t n;
    std::memcpy(&n, header.data(), 4);
    if (n > 1024 * 1024) throw std::runtime_error("host sent a frame over 1 MiB");
    if (!ReadExactly(n, &body, timeout_ms)) return std::nullopt;
    return json::parse(body);
  }

  // Sends a request and returns the reassembled reply (chunks joined).
  std::optional<json> Call(const json& request, int timeout_ms = 10000) {
    if (!Send(request)) return std::nullopt;
    auto first = Receive(timeout_ms);
    if (!first || !first->contains("chunk")) return first;
    std::string data = (*first)["data"];
    int count = (*first)["chunk"]["count"];
    for (int i = 1; i < count; ++i) {
      auto next = Receive(timeout_ms);
      if (!next) return std::nullopt;
      data += (*next)["data"].get<std::string>();
    }
    return json{{"id", (*first)["id"]}, {"ok", true}, {"result", json::parse(data)}};
  }

  void CloseStdin() {
    if (stdin_ >= 0) close(stdin_);
    stdin_ = -1;
  }

  // Exit code (128 + signal when killed), or -1 when it did not exit within `timeout_ms`.
  int Wait(int timeout_ms = 10000) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!exited_) {
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        break;
      }
      if (std::chrono::steady_clock::now() > deadline) return -1;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return exit_code_;
  }

  void Signal(int sig) { kill(pid_, sig); }
  std::string Stderr() const { return Slurp(stderr_path_); }

  // Everything left on stdout until EOF (for a finished child).
  std::string ReadRest(int timeout_ms = 10000) {
    std::string out;
    char buf[65536];
    for (;;) {
      pollfd p{stdout_, POLLIN, 0};
      if (poll(&p, 1, timeout_ms) <= 0) break;
      ssize_t n = read(stdout_, buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }

 private:
  bool ReadExactly(size_t n, std::string* out, int timeout_ms) {
    out->clear();
    char buf[65536];
    while (out->size() < n) {
      pollfd p{stdout_, POLLIN, 0};
      if (poll(&p, 1, timeout_ms) <= 0) return false;
      ssize_t r = read(stdout_, buf, std::min(sizeof buf, n - out->size()));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) return false;
      out->append(buf, static_cast<size_t>(r));
    }
    return true;
  }

  std::string stderr_path_;
  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  bool exited_ = false;
  int exit_code_ = -1;
};

inline json SubmissionJson(const std::string& client_id) {
  return {{"client_id", client_id},
          {"platform", "instagram"},
          {"form_kind", "own"},
          {"form_url", "https://help.instagram.com/contact/767264225370182"},
          {"form_id", "767264225370182"},
          {"account_email", "marie.dupont@example.fr"},
          {"country", "FR"},
          {"justification_text", "Je m'oppose à l'utilisation de mes informations pour l'IA de Meta."},
          {"page_language", "fr"},
          {"browser", "firefox 153"},
          {"extension_version", "0.1.0"},
          {"status", "submitted"},
          {"occurred_at", "2026-11-25T16:54:06Z"},
          {"utc_offset_minutes", 60}};
}

// Runs a CLI to completion; returns {exit code, stdout}.
inline std::pair<int, std::string> RunCli(const std::string& binary, const std::vector<std::string>& args,
                                          const std::string& data_dir, const std::string& input = "") {
  Child c(binary, args, {{"OBJECTOR_DATA_DIR", data_dir}}, data_dir + "/../cli-stderr.txt");
  std::thread writer([&] {
    c.Write(input);
    c.CloseStdin();
  });
  std::string out = c.ReadRest(60000);
  writer.join();
  return {c.Wait(60000), out};
}

}  // namespace objector::itest

#endif  // OBJECTOR_TESTS_HOST_HOST_PROCESS_H_
