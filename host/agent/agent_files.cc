#include "agent/agent_files.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "base/paths.h"

namespace objector {

using nlohmann::json;

std::string AgentFilePath(const std::string& data_dir) { return data_dir + "/agent.json"; }
std::string AgentPortPath(const std::string& data_dir) { return data_dir + "/agent-port"; }
std::string AgentClientsPath(const std::string& data_dir) { return data_dir + "/agent-clients.json"; }

namespace {

void RandomBytes(unsigned char* out, size_t n) {
  if (RAND_bytes(out, static_cast<int>(n)) != 1) throw std::runtime_error("no random bytes from the system");
}

Status Errno(const std::string& what, const std::string& path) {
  return Status(errno == EROFS || errno == EACCES ? ErrorCode::kDbReadonly : ErrorCode::kDbError,
                "cannot " + what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

std::string RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  RandomBytes(reinterpret_cast<unsigned char*>(raw.data()), bytes);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

int RandomInt(int lo, int hi) {
  const uint32_t span = static_cast<uint32_t>(hi - lo) + 1;
  const uint32_t limit = UINT32_MAX - UINT32_MAX % span;  // rejection sampling: no modulo bias
  uint32_t v;
  do {
    RandomBytes(reinterpret_cast<unsigned char*>(&v), sizeof v);
  } while (v >= limit);
  return lo + static_cast<int>(v % span);
}

Status WritePrivateFileAtomic(const std::string& path, const std::string& content) {
  size_t slash = path.find_last_of('/');
  if (slash != std::string::npos) {
    Status dir = EnsurePrivateDir(path.substr(0, slash));
    if (!dir.ok()) return dir;
  }
  std::string tmp = path + ".tmp-" + RandomHex(6);
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Errno("create", tmp);
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Status s = Errno("write", tmp);
      close(fd);
      unlink(tmp.c_str());
      return s;
    }
    done += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0 || close(fd) != 0) {
    Status s = Errno("write", tmp);
    unlink(tmp.c_str());
    return s;
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    Status s = Errno("replace", path);
    unlink(tmp.c_str());
    return s;
  }
  return Status::Ok();
}

std::optional<std::string> ReadSmallFile(const std::string& path, size_t max_bytes) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  std::string out(max_bytes + 1, '\0');
  f.read(out.data(), static_cast<std::streamsize>(out.size()));
  if (f.bad() || static_cast<size_t>(f.gcount()) > max_bytes) return std::nullopt;
  out.resize(static_cast<size_t>(f.gcount()));
  return out;
}

std::optional<AgentFile> ReadAgentFile(const std::string& data_dir) {
  auto text = ReadSmallFile(AgentFilePath(data_dir), 4096);
  if (!text) return std::nullopt;
  json j = json::parse(*text, nullptr, false);
  if (!j.is_object() || !j.contains("port") || !j["port"].is_number_integer() || !j.contains("secret") ||
      !j["secret"].is_string() || !j.contains("pid") || !j["pid"].is_number_integer()) {
    return std::nullopt;
  }
  return AgentFile{j["port"].get<int>(), j["secret"].get<std::string>(), j["pid"].get<long>()};
}

Status WriteAgentFile(const std::string& data_dir, const AgentFile& file) {
  json j = {{"port", file.port}, {"secret", file.secret}, {"pid", file.pid}};
  return WritePrivateFileAtomic(AgentFilePath(data_dir), j.dump() + "\n");
}

std::optional<int> ReadKeptPort(const std::string& data_dir) {
  auto text = ReadSmallFile(AgentPortPath(data_dir), 64);
  if (!text) return std::nullopt;
  std::istringstream in(*text);
  int port = 0;
  if (!(in >> port) || port < kAgentPortMin || port > kAgentPortMax) return std::nullopt;
  return port;
}

Status WriteKeptPort(const std::string& data_dir, int port) {
  return WritePrivateFileAtomic(AgentPortPath(data_dir), std::to_string(port) + "\n");
}

Result<std::unique_ptr<AgentLock>> AgentLock::Acquire(const std::string& data_dir) {
  Status dir = EnsurePrivateDir(data_dir);
  if (!dir.ok()) return dir;
  std::string path = data_dir + "/agent.lock";
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Errno("open", path);
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int e = errno;
    close(fd);
    if (e == EWOULDBLOCK) return Status(ErrorCode::kDbLocked, "another agent is serving " + data_dir);
    errno = e;
    return Errno("lock", path);
  }
  return std::unique_ptr<AgentLock>(new AgentLock(fd));
}

AgentLock::~AgentLock() { close(fd_); }

}  // namespace objector
