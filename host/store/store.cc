#include "store/store.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/digest.h"
#include "base/files.h"
#include "base/paths.h"
#include "store/chain_db.h"
#include "store/db_error.h"
#include "store/schema.h"
#include "store/store_internal.h"

namespace objector {
namespace {

using store_internal::WriteTransaction;

Justification ReadJustification(SQLite::Statement& q) {
  Justification j;
  j.id = q.getColumn(0).getInt64();
  j.language = q.getColumn(1).getString();
  j.title = q.getColumn(2).getString();
  j.text = q.getColumn(3).getString();
  j.is_default = q.getColumn(4).getInt() != 0;
  j.created_at = q.getColumn(5).getString();
  j.updated_at = q.getColumn(6).getString();
  return j;
}

constexpr const char kJustificationColumns[] =
    "SELECT id, language, title, text, is_default, created_at, updated_at FROM justifications ";

// The WHERE clause shared by history paging and counting; parameters ?1..?5. Times compare through
// julianday() so "…:06Z" and "…:06.500Z" order by instant, not by text.
constexpr const char kHistoryFilter[] =
    " FROM (SELECT s.*, (SELECT e.status FROM events e WHERE e.submission_id = s.id"
    "   AND e.kind = 'status' ORDER BY julianday(e.occurred_at) DESC, e.id DESC LIMIT 1) AS current_status"
    " FROM submissions s) h"
    " WHERE (?1 = '' OR platform = ?1) AND (?2 = '' OR current_status = ?2) AND (?3 = '' OR form_kind = ?3)"
    "   AND (?4 = '' OR julianday(occurred_at) >= julianday(?4))"
    "   AND (?5 = '' OR julianday(occurred_at) <= julianday(?5))";

void BindFilter(SQLite::Statement& q, const HistoryQuery& f) {
  q.bind(1, f.platform);
  q.bind(2, f.status);
  q.bind(3, f.form_kind);
  q.bind(4, f.from);
  q.bind(5, f.to);
}


// Keeps a blob by the SHA-256 computed here (a client's hash is never trusted); returns the hash.
std::string PutBlob(SQLite::Database& db, const std::string& mime, const std::string& content, const std::string& now) {
  std::string sha = Sha256Hex(content);
  SQLite::Statement q(db,
                      "INSERT INTO blobs (sha256, mime, size, content, recorded_at) VALUES (?, ?, ?, ?, ?)"
                      " ON CONFLICT(sha256) DO NOTHING");
  q.bind(1, sha);
  q.bind(2, mime);
  q.bind(3, static_cast<int64_t>(content.size()));
  q.bind(4, content.data(), static_cast<int>(content.size()));
  q.bind(5, now);
  q.exec();
  return sha;
}

// The evidence as the chain and the `evidence` column keep it: its fields and the snapshot's hash.
nlohmann::json StoreEvidence(SQLite::Database& db, const Evidence& e, const std::string& now) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : e.fields) j[k] = v;
  if (e.snapshot) j["snapshot_sha256"] = PutBlob(db, "text/html", *e.snapshot, now);
  return j;
}

// Appends one row to `events`, chained to the row stored before it. The caller holds the write
// transaction, so the previous row cannot change between reading its hash and inserting.
int64_t InsertChained(SQLite::Database& db, int64_t submission_id, ChainRow row) {
  row.prev_hash = ChainHead(db);
  const std::string hash = RowHash(row);
  SQLite::Statement ev(db,
                       "INSERT INTO events (submission_id, client_event_id, status, reason, occurred_at,"
                       " utc_offset_minutes, recorded_at, kind, evidence, content_hash, prev_hash)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ev.bind(1, submission_id);
  ev.bind(2, row.client_event_id);
  ev.bind(3, row.status);
  ev.bind(4, row.reason);
  ev.bind(5, row.occurred_at);
  ev.bind(6, row.utc_offset_minutes);
  ev.bind(7, row.recorded_at);
  ev.bind(8, row.kind);
  ev.bind(9, row.detail.empty() ? std::string() : row.detail.dump());
  ev.bind(10, hash);
  ev.bind(11, row.prev_hash);
  ev.exec();
  return db.getLastInsertRowid();
}

nlohmann::json SubmissionChainFields(const Submission& s, const std::string& recorded_at) {
  return {{"client_id", s.client_id},         {"platform", s.platform},
          {"form_kind", s.form_kind},         {"form_url", s.form_url},
          {"form_id", s.form_id},             {"account_email", s.account_email},
          {"country", s.country},             {"justification_text", s.justification_text},
          {"page_language", s.page_language}, {"browser", s.browser},
          {"extension_version", s.extension_version}, {"occurred_at", s.occurred_at},
          {"utc_offset_minutes", s.utc_offset_minutes}, {"recorded_at", recorded_at}};
}

Evidence ReadEvidence(const std::string& text) {
  Evidence e;
  if (text.empty()) return e;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return e;
  for (auto& [k, v] : j.items()) {
    if (!v.is_string()) continue;
    if (k == "snapshot_sha256") e.snapshot_sha256 = v.get<std::string>();
    else e.fields[k] = v.get<std::string>();
  }
  return e;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const Clock& clock, StoreOptions options) {
  const bool memory = path == ":memory:";
  if (!memory && !PathExists(path)) {
    // A -wal or -journal with content but without its database holds records of a database that
    // was moved or deleted: a new empty database beside it would take them over or lose them.
    // Create nothing. (An empty one, as a moved store leaves after its checkpoint, holds nothing.)
    for (const char* suffix : {"-wal", "-journal"}) {
      const std::string orphan = path + suffix;
      if (FileSize(orphan) > 0) {
        return Status(ErrorCode::kDbError, "database " + path + " is missing but " + orphan +
                                               " is there and may hold records: put the database back, or move " +
                                               orphan + " away if you are sure it is not needed. Nothing was created.");
      }
    }
  }
  if (!memory && !options.read_only) {
    Status s = EnsurePrivateFile(path);
    if (!s.ok()) return s;
  }
  try {
    int flags = options.read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE;
    if (memory) flags |= SQLite::OPEN_CREATE;
    auto db = std::make_unique<SQLite::Database>(path, flags, options.busy_timeout_ms);
    // Reading the header first: a file that is not a database fails here, before anything is written.
    int version = db->execAndGet("PRAGMA user_version").getInt();
    if (version > LatestSchemaVersion()) {
      return Status(ErrorCode::kDbError, "database " + path + " has schema version " + std::to_string(version) +
                                             ", newer than this Objector (" + std::to_string(LatestSchemaVersion()) +
                                             "); update Objector. The file was left as it is.");
    }
    db->exec("PRAGMA foreign_keys = ON");
    if (options.read_only) {
      if (version != LatestSchemaVersion()) {
        return Status(ErrorCode::kDbError, "database " + path + " has schema version " + std::to_string(version) +
                                               ", expected " + std::to_string(LatestSchemaVersion()));
      }
    } else {
      db->exec("PRAGMA synchronous = FULL");
      if (options.max_page_count > 0) {
        db->exec("PRAGMA max_page_count = " + std::to_string(options.max_page_count));
      }
      // A current database is opened without any write (or write lock), so a read-only file still
      // answers reads; only a migration, or the first switch to WAL, writes at open.
      if (!memory && db->execAndGet("PRAGMA journal_mode").getString() != "wal") db->exec("PRAGMA journal_mode = WAL");
      if (version != LatestSchemaVersion()) {
        Status s = Migrate(*db, path);
        if (!s.ok()) return s;
      }
    }
    return std::unique_ptr<Store>(new Store(std::move(db), path, clock));
  } catch (const SQLite::Exception& e) {
    return DbStatus(e, path);
  }
}

Result<Profile> Store::GetProfile() {
  return Guard<Profile>([&]() -> Result<Profile> {
    Profile p;
    SQLite::Statement q(*db_, "SELECT emails, country, language, name FROM profile WHERE id = 1");
    if (!q.executeStep()) return p;
    p.emails = nlohmann::json::parse(q.getColumn(0).getString()).get<std::vector<std::string>>();
    if (!q.getColumn(1).isNull()) p.country = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) p.language = q.getColumn(2).getString();
    p.name = q.getColumn(3).getString();
    return p;
  });
}

Result<Profile> Store::SetProfile(const Profile& p) {
  auto written = Guard<bool>([&]() -> Result<bool> {
    WriteTransaction tx(*db_);
    SQLite::Statement q(*db_,
                        "INSERT INTO profile (id, emails, country, language, name, updated_at) VALUES (1, ?, ?, ?, ?, ?)"
                        " ON CONFLICT(id) DO UPDATE SET emails = excluded.emails, country = excluded.country,"
                        " language = excluded.language, name = excluded.name, updated_at = excluded.updated_at");
    q.bind(1, nlohmann::json(p.emails).dump());
    if (p.country) q.bind(2, *p.country); else q.bind(2);
    if (p.language) q.bind(3, *p.language); else q.bind(3);
    q.bind(4, p.name);
    q.bind(5, FormatUtc(clock_.Now()));
    q.exec();
    tx.Commit();
    return true;
  });
  if (!written.ok()) return written.status();
  return GetProfile();
}

Result<std::vector<Justification>> Store::ListJustifications(const std::string& language) {
  return Guard<std::vector<Justification>>([&]() -> Result<std::vector<Justification>> {
    SQLite::Statement q(*db_, std::string(kJustificationColumns) +
                                  "WHERE (?1 = '' OR language = ?1) ORDER BY language, id");
    q.bind(1, language);
    std::vector<Justification> out;
    while (q.executeStep()) out.push_back(ReadJustification(q));
    return out;
  });
}

Result<Justification> Store::GetJustification(int64_t id) {
  return Guard<Justification>([&]() -> Result<Justification> {
    SQLite::Statement q(*db_, std::string(kJustificationColumns) + "WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return Status(ErrorCode::kNotFound, "no justification with id " + std::to_string(id));
    return ReadJustification(q);
  });
}

Result<Justification> Store::SaveJustification(const Justification& j) {
  auto saved_id = Guard<int64_t>([&]() -> Result<int64_t> {
    WriteTransaction tx(*db_);
    const std::string now = FormatUtc(clock_.Now());
    int64_t id = j.id;
    if (j.is_default) {
      SQLite::Statement clear(*db_, "UPDATE justifications SET is_default = 0 WHERE language = ? AND id != ?");
      clear.bind(1, j.language);
      clear.bind(2, id);
      clear.exec();
    }
    if (id == 0) {
      SQLite::Statement q(*db_,
                          "INSERT INTO justifications (language, title, text, is_default, created_at, updated_at)"
                          " VALUES (?, ?, ?, ?, ?, ?)");
      q.bind(1, j.language);
      q.bind(2, j.title);
      q.bind(3, j.text);
      q.bind(4, j.is_default ? 1 : 0);
      q.bind(5, now);
      q.bind(6, now);
      q.exec();
      id = db_->getLastInsertRowid();
    } else {
      SQLite::Statement q(*db_,
                          "UPDATE justifications SET language = ?, title = ?, text = ?, is_default = ?, updated_at = ?"
                          " WHERE id = ?");
      q.bind(1, j.language);
      q.bind(2, j.title);
      q.bind(3, j.text);
      q.bind(4, j.is_default ? 1 : 0);
      q.bind(5, now);
      q.bind(6, id);
      if (q.exec() == 0) return Status(ErrorCode::kNotFound, "no justification with id " + std::to_string(id));
    }
    tx.Commit();
    return id;
  });
  if (!saved_id.ok()) return saved_id.status();
  return GetJustification(*saved_id);
}

Status Store::DeleteJustification(int64_t id) {
  auto r = Guard<bool>([&]() -> Result<bool> {
    WriteTransaction tx(*db_);
    SQLite::Statement q(*db_, "DELETE FROM justifications WHERE id = ?");
    q.bind(1, id);
    if (q.exec() == 0) return Status(ErrorCode::kNotFound, "no justification with id " + std::to_string(id));
    tx.Commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Result<Justification> Store::SetDefaultJustification(int64_t id) {
  auto r = Guard<bool>([&]() -> Result<bool> {
    WriteTransaction tx(*db_);
    SQLite::Statement lang(*db_, "SELECT language FROM justifications WHERE id = ?");
    lang.bind(1, id);
    if (!lang.executeStep()) return Status(ErrorCode::kNotFound, "no justification with id " + std::to_string(id));
    SQLite::Statement clear(*db_, "UPDATE justifications SET is_default = 0 WHERE language = ? AND is_default = 1");
    clear.bind(1, lang.getColumn(0).getString());
    clear.exec();
    SQLite::Statement set(*db_, "UPDATE justifications SET is_default = 1, updated_at = ? WHERE id = ?");
    set.bind(1, FormatUtc(clock_.Now()));
    set.bind(2, id);
    set.exec();
    tx.Commit();
    return true;
  });
  if (!r.ok()) return r.status();
  return GetJustification(id);
}

Result<WriteOutcome> Store::RecordSubmission(const Submission& s) {
  return Guard<WriteOutcome>([&]() -> Result<WriteOutcome> {
    WriteTransaction tx(*db_);
    SQLite::Statement find(*db_, "SELECT id FROM submissions WHERE client_id = ?");
    find.bind(1, s.client_id);
    if (find.executeStep()) return WriteOutcome{find.getColumn(0).getInt64(), true};
    const std::string now = FormatUtc(clock_.Now());
    SQLite::Statement q(*db_,
                        "INSERT INTO submissions (client_id, platform, form_kind, form_url, form_id, account_email,"
                        " country, justification_text, page_language, browser, extension_version, occurred_at,"
                        " utc_offset_minutes, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    int i = 1;
    for (const std::string* v : {&s.client_id, &s.platform, &s.form_kind, &s.form_url, &s.form_id, &s.account_email,
                                 &s.country, &s.justification_text, &s.page_language, &s.browser,
                                 &s.extension_version, &s.occurred_at}) {
      q.bind(i++, *v);
    }
    q.bind(i++, s.utc_offset_minutes);
    q.bind(i++, now);
    q.exec();
    int64_t id = db_->getLastInsertRowid();
    ChainRow row;
    row.kind = "status";
    row.client_id = s.client_id;
    row.client_event_id = "initial:" + s.client_id;
    row.status = s.status;
    row.reason = s.reason;
    row.occurred_at = s.occurred_at;
    row.utc_offset_minutes = s.utc_offset_minutes;
    row.recorded_at = now;
    row.detail = StoreEvidence(*db_, s.evidence, now);
    row.submission = SubmissionChainFields(s, now);
    InsertChained(*db_, id, std::move(row));
    tx.Commit();
    return WriteOutcome{id, false};
  });
}

Result<WriteOutcome> Store::AppendEvent(const Event& e) {
  return Guard<WriteOutcome>([&]() -> Result<WriteOutcome> {
    WriteTransaction tx(*db_);
    SQLite::Statement find(*db_, "SELECT id FROM events WHERE client_event_id = ?");
    find.bind(1, e.client_event_id);
    if (find.executeStep()) return WriteOutcome{find.getColumn(0).getInt64(), true};
    SQLite::Statement sub(*db_, "SELECT id FROM submissions WHERE client_id = ?");
    sub.bind(1, e.client_id);
    if (!sub.executeStep()) return Status(ErrorCode::kNotFound, "no submission with client_id " + e.client_id);
    const std::string now = FormatUtc(clock_.Now());
    ChainRow row;
    row.kind = "status";
    row.client_id = e.client_id;
    row.client_event_id = e.client_event_id;
    row.status = e.status;
    row.reason = e.reason;
    row.occurred_at = e.occurred_at;
    row.utc_offset_minutes = e.utc_offset_minutes;
    row.recorded_at = now;
    row.detail = StoreEvidence(*db_, e.evidence, now);
    int64_t id = InsertChained(*db_, sub.getColumn(0).getInt64(), std::move(row));
    tx.Commit();
    return WriteOutcome{id, false};
  });
}

void Store::LoadEvents(int64_t submission_id, const std::string& client_id, HistoryItem* item) {
  SQLite::Statement q(*db_,
                      "SELECT client_event_id, status, reason, occurred_at, utc_offset_minutes, id, recorded_at,"
                      " content_hash, prev_hash, evidence, kind FROM events"
                      " WHERE submission_id = ? ORDER BY julianday(occurred_at), id");
  q.bind(1, submission_id);
  while (q.executeStep()) {
    if (q.getColumn(10).getString() == "attachment") {
      Attachment a;
      a.client_id = client_id;
      auto j = nlohmann::json::parse(q.getColumn(9).getString(), nullptr, false);
      if (j.is_object()) {
        a.kind = j.value("kind", "");
        a.mime = j.value("mime", "");
        a.sha256 = j.value("sha256", "");
        a.size = j.value("size", int64_t{0});
      }
      a.event_id = q.getColumn(5).getInt64();
      a.recorded_at = q.getColumn(6).getString();
      a.content_hash = q.getColumn(7).getString();
      a.prev_hash = q.getColumn(8).getString();
      item->attachments.push_back(std::move(a));
      continue;
    }
    Event e;
    e.client_event_id = q.getColumn(0).getString();
    e.client_id = client_id;
    e.status = q.getColumn(1).getString();
    e.reason = q.getColumn(2).getString();
    e.occurred_at = q.getColumn(3).getString();
    e.utc_offset_minutes = q.getColumn(4).getInt();
    e.event_id = q.getColumn(5).getInt64();
    e.recorded_at = q.getColumn(6).getString();
    e.content_hash = q.getColumn(7).getString();
    e.prev_hash = q.getColumn(8).getString();
    e.evidence = ReadEvidence(q.getColumn(9).getString());
    item->events.push_back(std::move(e));
  }
  std::sort(item->attachments.begin(), item->attachments.end(),
            [](const Attachment& a, const Attachment& b) { return a.event_id < b.event_id; });
}

Result<WriteOutcome> Store::AttachEvidence(const Attachment& a) {
  return Guard<WriteOutcome>([&]() -> Result<WriteOutcome> {
    WriteTransaction tx(*db_);
    SQLite::Statement sub(*db_, "SELECT id FROM submissions WHERE client_id = ?");
    sub.bind(1, a.client_id);
    if (!sub.executeStep()) return Status(ErrorCode::kNotFound, "no submission with client_id " + a.client_id);
    const std::string sha = Sha256Hex(a.data);
    const std::string client_event_id = "attachment:" + a.client_id + ":" + sha;
    SQLite::Statement find(*db_, "SELECT id FROM events WHERE client_event_id = ?");
    find.bind(1, client_event_id);
    if (find.executeStep()) return WriteOutcome{find.getColumn(0).getInt64(), true};
    const std::string now = FormatUtc(clock_.Now());
    PutBlob(*db_, a.mime, a.data, now);
    ChainRow row;
    row.kind = "attachment";
    row.client_id = a.client_id;
    row.client_event_id = client_event_id;
    row.occurred_at = now;
    row.recorded_at = now;
    row.detail = {{"kind", a.kind}, {"mime", a.mime}, {"sha256", sha}, {"size", static_cast<int64_t>(a.data.size())}};
    int64_t id = InsertChained(*db_, sub.getColumn(0).getInt64(), std::move(row));
    tx.Commit();
    return WriteOutcome{id, false};
  });
}

Result<VerifyReport> Store::Verify() {
  return Guard<VerifyReport>([&]() -> Result<VerifyReport> {
    db_->exec("BEGIN");  // one snapshot of the whole history while others write
    struct End {
      SQLite::Database& db;
      ~End() {
        try {
          db.exec("COMMIT");
        } catch (...) {
        }
      }
    } end{*db_};
    return VerifyChain(*db_);
  });
}

Result<Blob> Store::GetBlob(const std::string& sha256) {
  return Guard<Blob>([&]() -> Result<Blob> {
    SQLite::Statement q(*db_, "SELECT sha256, mime, content FROM blobs WHERE sha256 = ?");
    q.bind(1, sha256);
    if (!q.executeStep()) return Status(ErrorCode::kNotFound, "no evidence with sha256 " + sha256);
    Blob b;
    b.sha256 = q.getColumn(0).getString();
    b.mime = q.getColumn(1).getString();
    const auto& col = q.getColumn(2);
    b.content.assign(static_cast<const char*>(col.getBlob()), static_cast<size_t>(col.getBytes()));
    return b;
  });
}

Result<HistoryPage> Store::ListHistory(const HistoryQuery& f) {
  return Guard<HistoryPage>([&]() -> Result<HistoryPage> {
    // One read transaction so the count and the page agree while others write.
    db_->exec("BEGIN");
    struct End {
      SQLite::Database& db;
      ~End() {
        try {
          db.exec("COMMIT");
        } catch (...) {
        }
      }
    } end{*db_};
    HistoryPage page;
    SQLite::Statement count(*db_, std::string("SELECT COUNT(*)") + kHistoryFilter);
    BindFilter(count, f);
    count.executeStep();
    page.total = count.getColumn(0).getInt64();
    SQLite::Statement q(*db_,
                        std::string("SELECT id, client_id, platform, form_kind, form_url, form_id, account_email,"
                                    " country, justification_text, page_language, browser, extension_version,"
                                    " occurred_at, utc_offset_minutes, recorded_at, current_status") +
                            kHistoryFilter + " ORDER BY julianday(occurred_at) DESC, id DESC LIMIT ?6 OFFSET ?7");
    BindFilter(q, f);
    q.bind(6, f.limit);
    q.bind(7, f.offset);
    while (q.executeStep()) {
      HistoryItem item;
      item.submission_id = q.getColumn(0).getInt64();
      Submission& s = item.submission;
      std::string* fields[] = {&s.client_id, &s.platform,           &s.form_kind,     &s.form_url,
                               &s.form_id,   &s.account_email,      &s.country,       &s.justification_text,
                               &s.page_language, &s.browser,        &s.extension_version, &s.occurred_at};
      for (int k = 0; k < 12; ++k) *fields[k] = q.getColumn(k + 1).getString();
      s.utc_offset_minutes = q.getColumn(13).getInt();
      item.recorded_at = q.getColumn(14).getString();
      item.current_status = q.getColumn(15).getString();
      LoadEvents(item.submission_id, s.client_id, &item);
      if (!item.events.empty()) {
        s.status = item.events.front().status;
        s.reason = item.events.front().reason;
        for (const auto& e : item.events) {
          if (e.client_event_id == "initial:" + s.client_id) {
            s.status = e.status;
            s.reason = e.reason;
          }
        }
      }
      page.items.push_back(std::move(item));
    }
    return page;
  });
}

Result<Stats> Store::GetStats() {
  return Guard<Stats>([&]() -> Result<Stats> {
    Stats st;
    HistoryQuery all;
    SQLite::Statement q(*db_, std::string("SELECT platform, current_status, occurred_at") + kHistoryFilter +
                                  " ORDER BY julianday(occurred_at), id");
    BindFilter(q, all);
    while (q.executeStep()) {
      ++st.total;
      ++st.by_platform[q.getColumn(0).getString()];
      ++st.by_status[q.getColumn(1).getString()];
      std::string at = q.getColumn(2).getString();
      if (!st.first_at) st.first_at = at;  // rows come oldest first
      st.last_at = at;
    }
    return st;
  });
}

}  // namespace objector
