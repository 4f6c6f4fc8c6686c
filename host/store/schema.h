// The database schema, versioned with PRAGMA user_version. kMigrations[i] takes a database from
// version i to i + 1; a new version only ever appends a migration.
#ifndef OBJECTOR_STORE_SCHEMA_H_
#define OBJECTOR_STORE_SCHEMA_H_

#include <SQLiteCpp/Database.h>

#include "base/status.h"

namespace objector {

// The version this build writes.
int LatestSchemaVersion();

// Reads user_version and applies the missing migrations inside one BEGIN IMMEDIATE transaction.
// `target` defaults to the latest (tests pass lower ones to build older databases).
// Errors: a database newer than this build (kDbError, untouched), or SQLite errors (thrown as
// SQLite::Exception for the caller's one conversion point).
Status Migrate(SQLite::Database& db, const std::string& path, int target = -1);

}  // namespace objector

#endif  // OBJECTOR_STORE_SCHEMA_H_
