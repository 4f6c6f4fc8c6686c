// Reading the history chain from the database: every `events` row in insertion order with what
// its content hash covers. Used by the schema migration that chains older rows, by each write (the
// previous row's hash) and by Store::Verify.
#ifndef OBJECTOR_STORE_CHAIN_DB_H_
#define OBJECTOR_STORE_CHAIN_DB_H_

#include <SQLiteCpp/Database.h>

#include <functional>
#include <string>

#include "store/chain.h"
#include "store/records.h"

namespace objector {

struct StoredRow {
  int64_t event_id = 0, submission_id = 0;
  ChainRow row;              // prev_hash as stored
  std::string content_hash;  // as stored
  bool detail_ok = true;     // the stored evidence/attachment text is a JSON object
};

// Calls `fn` for each row, oldest first, until it returns false. Throws SQLite::Exception.
void ForEachStoredRow(SQLite::Database& db, const std::function<bool(const StoredRow&)>& fn);

// The content_hash of the last row stored (kGenesisHash when there is none).
std::string ChainHead(SQLite::Database& db);

// Checks, in insertion order, that every row's prev_hash is the previous row's content_hash, that its
// content hashes to its content_hash, that the files it names are there and hash to their names;
// then every blob, and that each submission has its initial event. Stops at the first broken row.
VerifyReport VerifyChain(SQLite::Database& db);

// Computes prev_hash and content_hash for every row in insertion order and writes them (the
// migration to version 3; the caller holds the write transaction and has lifted the update trigger).
void ChainAllRows(SQLite::Database& db);

}  // namespace objector

#endif  // OBJECTOR_STORE_CHAIN_DB_H_
