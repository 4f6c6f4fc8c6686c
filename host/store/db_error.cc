#include "store/db_error.h"

#include <sqlite3.h>

namespace objector {

Status DbStatus(int sqlite_code, const std::string& detail, const std::string& path) {
  const std::string where = "database " + path;
  switch (sqlite_code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status(ErrorCode::kDbLocked, where + " is locked by another program; try again (" + detail + ")");
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Status(ErrorCode::kDbReadonly, where + " is read-only; nothing was written (" + detail + ")");
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
