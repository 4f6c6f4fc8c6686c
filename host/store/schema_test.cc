#include "store/schema.h"

#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "base/digest.h"
#include "store/chain_db.h"
#include "store/store.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795625700)));

// Rows that a database at `version` can hold, written with plain SQL as that version would have.
void SeedVersion(SQLite::Database& db, int version) {
  if (version < 1) return;
  db.exec("INSERT INTO profile (id, emails, country, language, name, updated_at)"
          " VALUES (1, '[\"anna@example.de\"]', 'DE', 'de', 'Anna', '2025-05-01T10:00:00Z')");
  // Two defaults for one language were possible before version 2.
  db.exec(std::string("INSERT INTO justifications (language, title, text, is_default, created_at, updated_at) VALUES"
                      " ('de', 'a', 'Ich widerspreche.', 1, 't', 't'), ('de', 'b', 'Nein.', ") +
          (version < 2 ? "1" : "0") + ", 't', 't')");
  db.exec("INSERT INTO submissions (client_id, platform, form_kind, form_url, form_id, account_email, country,"
          " justification_text, page_language, browser, extension_version, occurred_at, utc_offset_minutes,"
          " recorded_at) VALUES ('old-1', 'facebook', 'own', 'https://www.facebook.com/help/contact/1', '1',"
          " 'anna@example.de', 'DE', 'Ich widerspreche.', 'de', 'firefox 128', '0.0.9', '2025-05-20T08:00:00Z',"
          " 120, '2025-05-20T08:00:01Z')");
  db.exec("INSERT INTO events (submission_id, client_event_id, status, reason, occurred_at, utc_offset_minutes,"
          " recorded_at) VALUES (1, 'initial:old-1', 'submitted', '', '2025-05-20T08:00:00Z', 120, 't'),"
          " (1, 'later-1', 'confirmed', '', '2025-05-20T08:05:00Z', 120, 't2')");
}

}  // namespace

TEST_CASE("every older schema version migrates to the latest and keeps its data", "[schema]") {
  for (int from = 0; from < LatestSchemaVersion(); ++from) {
    INFO("from version " << from);
    testing::TempDir dir;
    std::string path = dir.path() + "/objector.sqlite3";
    std::string head_before;
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      if (from < 3) {
        REQUIRE(Migrate(db, path, from).ok());
        SeedVersion(db, from);
      } else {
        // Version 3 rows carry their hashes: the rows a version-2 database held, chained by the
        // migration to 3 exactly as a version-3 Objector wrote them.
        REQUIRE(Migrate(db, path, 2).ok());
        SeedVersion(db, 2);
        REQUIRE(Migrate(db, path, 3).ok());
        REQUIRE(VerifyChain(db).ok);
        head_before = VerifyChain(db).chain_head;
      }
      CHECK(db.execAndGet("PRAGMA user_version").getInt() == from);
    }
    auto store = Store::Open(path, kClock);
    REQUIRE(store.ok());
    {
      SQLite::Database peek(path, SQLite::OPEN_READONLY);
      CHECK(peek.execAndGet("PRAGMA user_version").getInt() == LatestSchemaVersion());
    }
    auto history = (*store)->ListHistory({});
    REQUIRE(history.ok());
    CHECK(history->total == (from >= 1 ? 1 : 0));
    // Version 3 chained the rows already there: the chain verifies, every row has its hashes.
    auto verified = (*store)->Verify();
    REQUIRE(verified.ok());
    CHECK(verified->ok);
    CHECK(verified->rows == (from >= 1 ? 2 : 0));
    if (!head_before.empty()) CHECK(verified->chain_head == head_before);  // later migrations change no row
    if (from >= 1) {
      CHECK(history->items[0].submission.client_id == "old-1");
      CHECK(history->items[0].current_status == "confirmed");
      REQUIRE(history->items[0].events.size() == 2);
      CHECK(history->items[0].events[0].prev_hash == kGenesisHash);
      CHECK(history->items[0].events[1].prev_hash == history->items[0].events[0].content_hash);
      CHECK(history->items[0].events[1].content_hash == verified->chain_head);
      CHECK((*store)->GetProfile()->name == "Anna");
      auto just = (*store)->ListJustifications("de");
      int defaults = 0;
      for (const auto& j : *just) defaults += j.is_default;
      CHECK(defaults == 1);
    }
    // And the migrated database works for new writes, which continue the chain, and holds version
    // 4's links and notice sightings beside the history.
    CHECK((*store)->RecordSubmission(testing::SampleSubmission("new-1")).ok());
    CHECK((*store)->Verify()->ok);
    CHECK((*store)->SetLink({"instagram", "anna@example.de"}, AccountRef{"facebook", "anna@example.de"}).ok());
    NoticeSighting notice;
    notice.platform = "facebook";
    notice.language = "de";
    notice.kind = "objection";
    notice.fingerprint = std::string(64, 'e');
    CHECK((*store)->RecordNoticeSighting(notice).ok());
    CHECK((*store)->ListSubmissionSummaries()->size() == (from >= 1 ? 2 : 1));
    CHECK((*store)->ListHistory({})->total == (from >= 1 ? 2 : 1));
    CHECK((*store)->Verify()->ok);
  }
}

TEST_CASE("a database from a newer Objector is refused and left untouched", "[schema]") {
  testing::TempDir dir;
  std::string path = dir.path() + "/objector.sqlite3";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 99");
  }
  std::ifstream before_f(path, std::ios::binary);
  std::stringstream before;
  before << before_f.rdbuf();
  auto store = Store::Open(path, kClock);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().message().find("newer") != std::string::npos);
  CHECK(store.status().message().find(path) != std::string::npos);
  SQLite::Database peek(path, SQLite::OPEN_READONLY);
  CHECK(peek.execAndGet("PRAGMA user_version").getInt() == 99);
}

}  // namespace objector
