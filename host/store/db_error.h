// The one place where SQLite errors become Status values with the protocol's db_* codes and a
// message that names the database file.
#ifndef OBJECTOR_STORE_DB_ERROR_H_
#define OBJECTOR_STORE_DB_ERROR_H_

#include <SQLiteCpp/Exception.h>

#include <string>

#include "base/status.h"

namespace objector {

// Maps an SQLite result code (primary or extended) to a Status naming `path`:
// BUSY/LOCKED -> kDbLocked, READONLY/PERM -> kDbReadonly (naming the database, -wal, -shm, -journal
// or folder that is really not writable), FULL -> kDbFull,
// CORRUPT/NOTADB -> kDbCorrupt, anything else -> kDbError.
Status DbStatus(int sqlite_code, const std::string& detail, const std::string& path);
Status DbStatus(const SQLite::Exception& e, const std::string& path);

}  // namespace objector

#endif  // OBJECTOR_STORE_DB_ERROR_H_
