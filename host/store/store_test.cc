#include "store/store.h"
#include "store/schema.h"

#include <SQLiteCpp/Database.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "base/files.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

using testing::SampleSubmission;
using testing::TempDir;

FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795625700)));

std::unique_ptr<Store> OpenOrFail(const std::string& path, StoreOptions options = {}) {
  auto s = Store::Open(path, kClock, options);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return std::move(*s);
}

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream b;
  b << f.rdbuf();
  return b.str();
}

}  // namespace

TEST_CASE("a new database file is 0600, in WAL mode, with foreign keys on", "[store]") {
  TempDir dir;
  std::string path = dir.path() + "/objector.sqlite3";
  auto store = OpenOrFail(path);
  struct stat st {};
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  SQLite::Database peek(path, SQLite::OPEN_READONLY);
  CHECK(peek.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(peek.execAndGet("PRAGMA user_version").getInt() == LatestSchemaVersion());
}

TEST_CASE("a submission is recorded once per client_id - a retry changes nothing", "[store]") {
  auto store = OpenOrFail(":memory:");
  auto first = store->RecordSubmission(SampleSubmission("a"));
  REQUIRE(first.ok());
  CHECK_FALSE(first->duplicate);
  Submission changed = SampleSubmission("a");
  changed.justification_text = "something else";
  auto again = store->RecordSubmission(changed);
  REQUIRE(again.ok());
  CHECK(again->duplicate);
  CHECK(again->id == first->id);
  auto page = store->ListHistory({});
  REQUIRE(page.ok());
  REQUIRE(page->total == 1);
  CHECK(page->items[0].submission.justification_text == SampleSubmission().justification_text);
  CHECK(page->items[0].recorded_at == "2026-11-25T16:55:00.000Z");
}

TEST_CASE("status events append to the timeline - the latest is the current status", "[store]") {
  auto store = OpenOrFail(":memory:");
  REQUIRE(store->RecordSubmission(SampleSubmission("s1")).ok());
  Event code = testing::MakeEvent("e1", "s1", "awaiting-code", "", "2026-11-25T16:55:00Z", 60);
  Event done = testing::MakeEvent("e2", "s1", "confirmed", "", "2026-11-25T17:01:00Z", 60);
  REQUIRE(store->AppendEvent(done).ok());  // arrival order differs from occurrence order
  REQUIRE(store->AppendEvent(code).ok());
  auto dup = store->AppendEvent(code);
  REQUIRE(dup.ok());
  CHECK(dup->duplicate);
  Event orphan = testing::MakeEvent("e3", "no-such-submission", "confirmed", "", "2026-11-25T17:01:00Z", 60);
  CHECK(store->AppendEvent(orphan).status().code() == ErrorCode::kNotFound);
  auto page = store->ListHistory({});
  REQUIRE(page.ok());
  const auto& item = page->items.at(0);
  CHECK(item.current_status == "confirmed");
  REQUIRE(item.events.size() == 3);
  CHECK(item.events[0].status == "submitted");
  CHECK(item.events[1].status == "awaiting-code");
  CHECK(item.events[2].status == "confirmed");
  CHECK(item.submission.status == "submitted");
}

TEST_CASE("history pages newest first and filters by platform, status, kind and time", "[store]") {
  auto store = OpenOrFail(":memory:");
  for (int i = 0; i < 7; ++i) {
    Submission s = SampleSubmission("c" + std::to_string(i), "2026-11-2" + std::to_string(i) + "T10:00:00Z");
    if (i % 2) s.platform = "instagram";
    if (i == 3) s.form_kind = "third_party";
    REQUIRE(store->RecordSubmission(s).ok());
  }
  REQUIRE(store->AppendEvent(testing::MakeEvent("x", "c5", "failed", "form changed", "2026-11-25T11:00:00Z", 60)).ok());
  HistoryQuery q;
  q.limit = 3;
  auto p1 = store->ListHistory(q);
  REQUIRE(p1.ok());
  CHECK(p1->total == 7);
  REQUIRE(p1->items.size() == 3);
  CHECK(p1->items[0].submission.client_id == "c6");
  q.offset = 6;
  CHECK(store->ListHistory(q)->items.at(0).submission.client_id == "c0");

  struct Row {
    const char* what;
    HistoryQuery query;
    int64_t total;
  };
  auto make = [](std::string platform, std::string status, std::string kind, std::string from, std::string to) {
    HistoryQuery h;
    h.platform = platform;
    h.status = status;
    h.form_kind = kind;
    h.from = from;
    h.to = to;
    return h;
  };
  const Row rows[] = {
      {"instagram only", make("instagram", "", "", "", ""), 3},
      {"failed only", make("", "failed", "", "", ""), 1},
      {"third party", make("", "", "third_party", "", ""), 1},
      {"from 22nd", make("", "", "", "2026-11-22T00:00:00Z", ""), 5},
      {"up to 21st", make("", "", "", "", "2026-11-21T23:59:59Z"), 2},
      {"facebook submitted", make("facebook", "submitted", "", "", ""), 4},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    auto p = store->ListHistory(row.query);
    REQUIRE(p.ok());
    CHECK(p->total == row.total);
  }
  auto stats = store->GetStats();
  REQUIRE(stats.ok());
  CHECK(stats->total == 7);
  CHECK(stats->by_platform["instagram"] == 3);
  CHECK(stats->by_status["failed"] == 1);
  CHECK(*stats->first_at == "2026-11-20T10:00:00Z");
  CHECK(*stats->last_at == "2026-11-26T10:00:00Z");
}

TEST_CASE("times order by instant, whatever their precision", "[store]") {
  auto store = OpenOrFail(":memory:");
  REQUIRE(store->RecordSubmission(SampleSubmission("whole", "2026-11-25T16:54:06Z")).ok());
  REQUIRE(store->RecordSubmission(SampleSubmission("half", "2026-11-25T16:54:06.5Z")).ok());
  REQUIRE(store->RecordSubmission(SampleSubmission("early", "2026-11-25T16:54:05.999Z")).ok());
  auto page = store->ListHistory({});
  REQUIRE(page->items.size() == 3);
  CHECK(page->items[0].submission.client_id == "half");
  CHECK(page->items[1].submission.client_id == "whole");
  CHECK(page->items[2].submission.client_id == "early");
  HistoryQuery q;
  q.to = "2026-11-25T16:54:06Z";
  CHECK(store->ListHistory(q)->total == 2);
  CHECK(*store->GetStats()->last_at == "2026-11-25T16:54:06.5Z");
}

TEST_CASE("the history tables refuse UPDATE and DELETE (append-only)", "[store]") {
  TempDir dir;
  std::string path = dir.path() + "/db.sqlite3";
  {
    auto store = OpenOrFail(path);
    REQUIRE(store->RecordSubmission(SampleSubmission("k")).ok());
  }
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  CHECK_THROWS(raw.exec("UPDATE submissions SET justification_text = 'x'"));
  CHECK_THROWS(raw.exec("DELETE FROM submissions"));
  CHECK_THROWS(raw.exec("UPDATE events SET status = 'confirmed'"));
  CHECK_THROWS(raw.exec("DELETE FROM events"));
  CHECK(raw.execAndGet("SELECT COUNT(*) FROM submissions").getInt() == 1);
}

TEST_CASE("profile: empty before the first set, then as stored", "[store]") {
  auto store = OpenOrFail(":memory:");
  auto empty = store->GetProfile();
  REQUIRE(empty.ok());
  CHECK(empty->emails.empty());
  CHECK_FALSE(empty->country.has_value());
  Profile p{{"anna@example.de", "a.s@example.org"}, "DE", "de", "Anna Schmidt"};
  auto stored = store->SetProfile(p);
  REQUIRE(stored.ok());
  CHECK(stored->emails == p.emails);
  CHECK(*stored->country == "DE");
  p.name = "Anna S.";
  CHECK(store->SetProfile(p)->name == "Anna S.");
}

TEST_CASE("justifications: one default per language - update and delete by id", "[store]") {
  auto store = OpenOrFail(":memory:");
  auto a = store->SaveJustification({0, "de", "Kurz", "Ich widerspreche.", true, "", ""});
  auto b = store->SaveJustification({0, "de", "Lang", "Ich widerspreche ausdrücklich.", false, "", ""});
  auto c = store->SaveJustification({0, "fr", "Court", "Je m'oppose.", true, "", ""});
  REQUIRE((a.ok() && b.ok() && c.ok()));
  auto set = store->SetDefaultJustification(b->id);
  REQUIRE(set.ok());
  CHECK(set->is_default);
  auto de = store->ListJustifications("de");
  REQUIRE(de->size() == 2);
  CHECK_FALSE((*de)[0].is_default);
  CHECK((*de)[1].is_default);
  CHECK(store->ListJustifications("fr")->at(0).is_default);  // other languages untouched
  Justification edit = *a;
  edit.text = "Geändert.";
  auto edited = store->SaveJustification(edit);
  REQUIRE(edited.ok());
  CHECK(edited->text == "Geändert.");
  edit.id = 999;
  CHECK(store->SaveJustification(edit).status().code() == ErrorCode::kNotFound);
  CHECK(store->DeleteJustification(a->id).ok());
  CHECK(store->DeleteJustification(a->id).code() == ErrorCode::kNotFound);
  CHECK(store->SetDefaultJustification(a->id).status().code() == ErrorCode::kNotFound);
  CHECK(store->ListJustifications("")->size() == 2);
}

TEST_CASE("a corrupt file gives db_corrupt naming it, and is left byte for byte", "[store]") {
  TempDir dir;
  std::string path = dir.path() + "/objector.sqlite3";
  std::string garbage(8192, '\x5A');
  garbage.replace(0, 20, "this is no database!");
  std::ofstream(path, std::ios::binary) << garbage;
  auto s = Store::Open(path, kClock);
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().code() == ErrorCode::kDbCorrupt);
  CHECK(s.status().message().find(path) != std::string::npos);
  CHECK(Slurp(path) == garbage);
}

TEST_CASE("a database locked by another writer gives db_locked, and works once released", "[store]") {
  TempDir dir;
  std::string path = dir.path() + "/objector.sqlite3";
  auto store = OpenOrFail(path, StoreOptions{100, false, 0});
  SQLite::Database other(path, SQLite::OPEN_READWRITE);
  other.exec("BEGIN EXCLUSIVE");
  auto r = store->RecordSubmission(SampleSubmission("locked"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kDbLocked);
  CHECK(r.status().message().find(path) != std::string::npos);
  other.exec("COMMIT");
  CHECK(store->RecordSubmission(SampleSubmission("locked")).ok());
}

TEST_CASE("a read-only database gives db_readonly and keeps what it has", "[store]") {
  TempDir dir;
  std::string path = dir.path() + "/objector.sqlite3";
  REQUIRE(OpenOrFail(path)->RecordSubmission(SampleSubmission("kept")).ok());
  auto ro = OpenOrFail(path, StoreOptions{100, true, 0});
  auto r = ro->RecordSubmission(SampleSubmission("new"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kDbReadonly);
  CHECK(r.status().message().find(path) != std::string::npos);
  CHECK(ro->ListHistory({})->total == 1);
}

TEST_CASE("a full disk gives db_full - records already stored stay", "[store]") {
  TempDir dir;
  std::string path = dir.path() + "/objector.sqlite3";
  auto store = OpenOrFail(path, StoreOptions{100, false, 40});
  REQUIRE(store->RecordSubmission(SampleSubmission("before")).ok());
  Status last;
  for (int i = 0; i < 200 && last.ok(); ++i) {
    Submission big = SampleSubmission("big" + std::to_string(i));
    big.justification_text = std::string(4000, 'x');
    auto r = store->RecordSubmission(big);
    if (!r.ok()) last = r.status();
  }
  CHECK(last.code() == ErrorCode::kDbFull);
  CHECK(last.message().find(path) != std::string::npos);
  HistoryQuery q;
  q.limit = -1;
  auto page = store->ListHistory(q);
  REQUIRE(page.ok());
  bool found = false;
  for (const auto& item : page->items) found |= item.submission.client_id == "before";
  CHECK(found);
}

}  // namespace objector

namespace objector {

TEST_CASE("a write into a database moved or deleted while open gets db_moved; nothing acknowledged is lost",
          "[store][moved]") {
  for (const char* how : {"moved", "deleted"}) {
    INFO(how);
    TempDir dir;
    const std::string path = dir.path() + "/objector.sqlite3";
    const std::string away = dir.path() + "/elsewhere.sqlite3";
    auto store = OpenOrFail(path);
    REQUIRE(store->RecordSubmission(SampleSubmission("before")).ok());
    if (std::string(how) == "moved") {
      REQUIRE(std::rename(path.c_str(), away.c_str()) == 0);
    } else {
      REQUIRE(std::remove(path.c_str()) == 0);
    }
    auto r = store->RecordSubmission(SampleSubmission("after"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kDbMoved);
    CHECK(r.status().message().find(path) != std::string::npos);
    CHECK(store->moved());
    CHECK(store->SetProfile({{"anna@example.de"}, "DE", "de", ""}).status().code() == ErrorCode::kDbMoved);
    store.reset();
    CHECK(FileSize(path + "-wal") <= 0);  // the WAL went into the file it belongs to
    if (std::string(how) == "moved") {
      SQLite::Database moved(away, SQLite::OPEN_READONLY);
      CHECK(moved.execAndGet("SELECT group_concat(client_id) FROM submissions").getString() == "before");
    }
    // A fresh open of the real path works (a new, empty database when the old one is gone).
    auto again = OpenOrFail(path);
    CHECK(again->RecordSubmission(SampleSubmission("after")).ok());
    CHECK(again->ListHistory({})->total == 1);
  }
}

TEST_CASE("no new database is created beside an orphaned -wal or -journal; the message names it",
          "[store][moved]") {
  for (const char* suffix : {"-wal", "-journal"}) {
    INFO(suffix);
    TempDir dir;
    const std::string path = dir.path() + "/objector.sqlite3";
    std::ofstream(path + suffix, std::ios::binary) << std::string(4096, '\x01');
    auto s = Store::Open(path, kClock);
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().code() == ErrorCode::kDbError);
    CHECK(s.status().message().find(path + suffix + " is there") != std::string::npos);
    CHECK_FALSE(PathExists(path));
    CHECK(Slurp(path + suffix) == std::string(4096, '\x01'));
  }
}

TEST_CASE("a read-only -wal left behind: db_readonly names the -wal, not the database", "[store][readonly]") {
  TempDir dir;
  const std::string path = dir.path() + "/objector.sqlite3";
  REQUIRE(OpenOrFail(path)->RecordSubmission(SampleSubmission("kept")).ok());
  REQUIRE_FALSE(PathExists(path + "-wal"));  // a clean close removed it
  std::ofstream(path + "-wal").close();      // left behind by another user, read-only
  REQUIRE(chmod((path + "-wal").c_str(), 0444) == 0);
  std::string message = testing::AsUnprivileged(dir.path(), {path}, [&]() -> std::string {
    auto store = Store::Open(path, kClock);
    if (!store.ok()) return "open: " + store.status().ToString();
    auto r = (*store)->RecordSubmission(SampleSubmission("new"));
    return r.ok() ? std::string("written") : r.status().ToString();
  });
  INFO(message);
  CHECK(message.rfind("db_readonly: ", 0) == 0);
  CHECK(message.find(path + "-wal is read-only") != std::string::npos);
}

TEST_CASE("a read-only database with no migration due opens without a write lock and answers reads",
          "[store][readonly]") {
  TempDir dir;
  const std::string path = dir.path() + "/objector.sqlite3";
  REQUIRE(OpenOrFail(path)->RecordSubmission(SampleSubmission("kept")).ok());
  REQUIRE(chmod(path.c_str(), 0444) == 0);
  std::string result = testing::AsUnprivileged(dir.path(), {}, [&]() -> std::string {
    auto store = Store::Open(path, kClock);
    if (!store.ok()) return "open: " + store.status().ToString();
    auto page = (*store)->ListHistory({});
    if (!page.ok()) return "read: " + page.status().ToString();
    auto w = (*store)->RecordSubmission(SampleSubmission("new"));
    return "total " + std::to_string(page->total) + "; write " + (w.ok() ? "ok" : w.status().ToString());
  });
  INFO(result);
  CHECK(result.rfind("total 1; write db_readonly: database " + path + " is read-only", 0) == 0);
}

}  // namespace objector
