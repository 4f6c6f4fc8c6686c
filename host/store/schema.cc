#include "store/schema.h"

#include <string>

#include "store/chain_db.h"

namespace objector {
namespace {

// Version 1: profile, justifications, and the append-only history (submissions + events).
constexpr const char kV1[] = R"sql(
CREATE TABLE profile (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  emails TEXT NOT NULL,                 -- JSON array of strings
  country TEXT,
  language TEXT,
  name TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE TABLE justifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE submissions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  form_kind TEXT NOT NULL,
  form_url TEXT NOT NULL,
  form_id TEXT NOT NULL,
  account_email TEXT NOT NULL,
  country TEXT NOT NULL,
  justification_text TEXT NOT NULL,
  page_language TEXT NOT NULL,
  browser TEXT NOT NULL,
  extension_version TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  utc_offset_minutes INTEGER NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  client_event_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  occurred_at TEXT NOT NULL,
  utc_offset_minutes INTEGER NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE TRIGGER submissions_append_only_update BEFORE UPDATE ON submissions
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER submissions_append_only_delete BEFORE DELETE ON submissions
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
)sql";

// Version 2: indexes for history paging and the status timeline, and at most one default
// justification per language enforced by the database.
constexpr const char kV2[] = R"sql(
CREATE INDEX submissions_by_time ON submissions(julianday(occurred_at), id);
CREATE INDEX events_by_submission ON events(submission_id, julianday(occurred_at), id);
UPDATE justifications SET is_default = 0
  WHERE is_default = 1 AND id NOT IN (SELECT MAX(id) FROM justifications WHERE is_default = 1 GROUP BY language);
CREATE UNIQUE INDEX justifications_one_default ON justifications(language) WHERE is_default = 1;
)sql";

// Version 3: evidence and the hash chain. Every events row gets its kind ('status' or 'attachment'),
// its evidence (canonical JSON; for an attachment the attachment object), content_hash and prev_hash
// (computed for the rows already there by ChainAllRows); snapshots and screenshots live in `blobs`,
// keyed by the SHA-256 the host computed. Append-only like the history.
constexpr const char kV3[] = R"sql(
ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'status';
ALTER TABLE events ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  content BLOB NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE TRIGGER blobs_append_only_update BEFORE UPDATE ON blobs
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER blobs_append_only_delete BEFORE DELETE ON blobs
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
DROP TRIGGER events_append_only_update;
)sql";

// Version 4: accounts the person links (an Accounts Centre shared by two accounts) and the notices
// the extension saw, each notice text once by its fingerprint with a count. Neither is history:
// a link can be removed, a sighting's count and last_seen_at grow. Emails are stored lower-cased.
constexpr const char kV4[] = R"sql(
CREATE TABLE account_links (
  platform TEXT NOT NULL,
  email TEXT NOT NULL,
  covered_by_platform TEXT NOT NULL,
  covered_by_email TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (platform, email)
);
CREATE TABLE notice_sightings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  platform TEXT NOT NULL,
  language TEXT NOT NULL,
  kind TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  count INTEGER NOT NULL,
  UNIQUE (platform, kind, fingerprint, language)
);
)sql";

void ChainV3(SQLite::Database& db) {
  ChainAllRows(db);
  db.exec("CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events"
          " BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;");
}

struct Migration {
  const char* sql;
  void (*then)(SQLite::Database& db);  // a step SQL cannot do (hashing), or nullptr
};

constexpr Migration kMigrations[] = {{kV1, nullptr}, {kV2, nullptr}, {kV3, &ChainV3}, {kV4, nullptr}};
constexpr int kLatest = sizeof(kMigrations) / sizeof(kMigrations[0]);

}  // namespace

int LatestSchemaVersion() { return kLatest; }

Status Migrate(SQLite::Database& db, const std::string& path, int target) {
  if (target < 0) target = kLatest;
  db.exec("BEGIN IMMEDIATE");
  try {
    int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version > kLatest) {
      db.exec("ROLLBACK");
      return Status(ErrorCode::kDbError, "database " + path + " has schema version " + std::to_string(version) +
                                             ", newer than this Objector (" + std::to_string(kLatest) +
                                             "); update Objector. The file was left as it is.");
    }
    for (int v = version; v < target; ++v) {
      db.exec(kMigrations[v].sql);
      if (kMigrations[v].then) kMigrations[v].then(db);
    }
    if (version < target) db.exec("PRAGMA user_version = " + std::to_string(target));
    db.exec("COMMIT");
  } catch (...) {
    try {
      db.exec("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
  return Status::Ok();
}

}  // namespace objector
