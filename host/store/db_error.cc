#include "store/db_error.h"

#include <sqlite3.h>

#include "base/files.h"

namespace objector {
namespace {

// SQLite says "attempt to write a readonly database" whichever of its files it could not write:
// name the one that really is read-only (the database, its -wal/-shm/-journal, or the folder).
std::string ReadOnlyWhat(const std::string& path) {
  if (path == ":memory:") return "database " + path + " is read-only";
  size_t slash = path.find_last_of("/\\");
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  std::string culprit = FirstUnwritable({path, path + "-wal", path + "-shm", path + "-journal", dir});
  if (culprit.empty() || culprit == path) return "database " + path + " is read-only";
  if (culprit == dir) return "database " + path + ": its folder " + dir + " is read-only";
  return "database " + path + ": " + culprit + " is read-only (left behind by another program or user?)";
}

}  // namespace

Status DbStatus(int sqlite_code, const std::string& detail, const std::string& path) {
  const std::string where = "database " + path;
  switch (sqlite_code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status(ErrorCode::kDbLocked, where + " is locked by another program; try again (" + detail + ")");
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Status(ErrorCode::kDbReadonly, ReadOnlyWhat(path) + "; nothing was written (" + detail + ")");
    case SQLITE_FULL:
      return Status(ErrorCode::kDbFull, where + ": the disk is full; nothing was written (" + detail + ")");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status(ErrorCode::kDbCorrupt, where + " is damaged or not an Objector database; it was left as it is (" +
                                               detail + ")");
    default:
      return Status(ErrorCode::kDbError, where + ": " + detail);
  }
}

Status DbStatus(const SQLite::Exception& e, const std::string& path) {
  return DbStatus(e.getErrorCode(), e.what(), path);
}

}  // namespace objector
