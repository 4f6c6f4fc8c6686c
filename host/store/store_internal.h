// What the store's source files share (not part of the store's interface): the write transaction
// that refuses a moved database file, and Store::Guard, the one place where SQLite exceptions
// become Status values.
#ifndef OBJECTOR_STORE_STORE_INTERNAL_H_
#define OBJECTOR_STORE_STORE_INTERNAL_H_

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <stdexcept>

#include "store/db_error.h"
#include "store/store.h"

namespace objector {
namespace store_internal {

// Thrown inside a write when the database file is no longer at its path; Store::Guard turns it
// into kDbMoved.
struct DbMovedError : std::runtime_error {
  DbMovedError() : std::runtime_error("database file moved") {}
};

// SQLITE_FCNTL_HAS_MOVED: the path now names another file or nothing (renamed, deleted, replaced).
inline void ThrowIfMoved(SQLite::Database& db) {
  int moved = 0;
  if (sqlite3_file_control(db.getHandle(), "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved) {
    throw DbMovedError();
  }
}

// BEGIN IMMEDIATE ... COMMIT, rolled back when left without Commit(). Both ends check that the file
// is still the one at the path: a write into a moved or deleted file is never acknowledged.
class WriteTransaction {
 public:
  explicit WriteTransaction(SQLite::Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
    try {
      ThrowIfMoved(db_);
    } catch (...) {
      Rollback();
      throw;
    }
  }
  ~WriteTransaction() {
    if (!done_) Rollback();
  }
  void Commit() {
    ThrowIfMoved(db_);
    db_.exec("COMMIT");
    done_ = true;
  }

 private:
  void Rollback() {
    try {
      db_.exec("ROLLBACK");
    } catch (...) {
    }
  }

  SQLite::Database& db_;
  bool done_ = false;
};

// BEGIN ... COMMIT around reads that must see one snapshot while others write.
class ReadTransaction {
 public:
  explicit ReadTransaction(SQLite::Database& db) : db_(db) { db_.exec("BEGIN"); }
  ~ReadTransaction() {
    try {
      db_.exec("COMMIT");
    } catch (...) {
    }
  }

 private:
  SQLite::Database& db_;
};

}  // namespace store_internal

template <typename T, typename Fn>
Result<T> Store::Guard(Fn fn) {
  try {
    return fn();
  } catch (const store_internal::DbMovedError&) {
    // What this connection committed before the move may still be in the WAL beside the old path;
    // SQLite does not checkpoint a moved file on close, so do it now: into the file it belongs to.
    moved_ = true;
    try {
      db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (...) {
    }
    return Status(ErrorCode::kDbMoved, "database " + path_ +
                                           " was moved or deleted while Objector had it open; nothing was written."
                                           " The next request opens " + path_ +
                                           " again (put the file back there first if you moved it)");
  } catch (const SQLite::Exception& e) {
    return DbStatus(e, path_);
  } catch (const std::exception& e) {
    return Status(ErrorCode::kDbError, "database " + path_ + ": " + e.what());
  }
}

}  // namespace objector

#endif  // OBJECTOR_STORE_STORE_INTERNAL_H_
