#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/paths.h"

namespace objector {

EnvLookup ProcessEnv() {
  return [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v ? v : "");
  };
}

namespace {

std::string HomeDir(const EnvLookup& env) {
  std::string home = env("HOME");
  if (!home.empty()) return home;
  if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) return pw->pw_dir;
  return "";
}

}  // namespace

Result<std::string> DataDir(const EnvLookup& env) {
  if (std::string dir = env("OBJECTOR_DATA_DIR"); !dir.empty()) return dir;
#if defined(__APPLE__)
  std::string home = HomeDir(env);
  if (home.empty()) return Status(ErrorCode::kInternal, "no home directory; set OBJECTOR_DATA_DIR");
  return home + "/Library/Application Support/Objector";
#else
  if (std::string xdg = env("XDG_DATA_HOME"); !xdg.empty() && xdg[0] == '/') return xdg + "/objector";
  std::string home = HomeDir(env);
  if (home.empty()) return Status(ErrorCode::kInternal, "no home directory; set OBJECTOR_DATA_DIR");
  return home + "/.local/share/objector";
#endif
}

Status EnsurePrivateDir(const std::string& dir) {
  if (dir.empty()) return Status(ErrorCode::kInternal, "empty data directory path");
  struct stat st {};
  if (stat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::Ok();
    return Status(ErrorCode::kDbError, "not a directory: " + dir);
  }
  // Create parents with default permissions, the last component 0700.
  size_t slash = dir.find_last_of('/');
  if (slash != std::string::npos && slash > 0) {
    std::string parent = dir.substr(0, slash);
    if (stat(parent.c_str(), &st) != 0) {
      Status s = EnsurePrivateDir(parent);
      if (!s.ok()) return s;
    }
  }
  if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return Status(ErrorCode::kDbError, "cannot create directory " + dir + ": " + std::strerror(errno));
  }
  chmod(dir.c_str(), 0700);  // umask may have removed bits we asked for; never adds group/other
  return Status::Ok();
}

Status EnsurePrivateFile(const std::string& file) {
  int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    close(fd);
    return Status::Ok();
  }
  if (errno == EEXIST) return Status::Ok();
  return Status(errno == EROFS || errno == EACCES ? ErrorCode::kDbReadonly : ErrorCode::kDbError,
                "cannot create " + file + ": " + std::strerror(errno));
}

std::string DatabasePath(const std::string& data_dir) { return data_dir + "/objector.sqlite3"; }

}  // namespace objector
