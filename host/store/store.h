// The one SQLite file holding the profile, the justifications and the append-only history.
// WAL, busy timeout, foreign keys on, synchronous=FULL (a reply is sent only after the record is
// committed and synced). Every write runs in BEGIN IMMEDIATE so several hosts and the CLI can write
// at the same time. Every method returns errors as Status (db_* codes naming the file); nothing throws.
// Every write first checks that the open file is still the one at the path (kDbMoved otherwise).
#ifndef OBJECTOR_STORE_STORE_H_
#define OBJECTOR_STORE_STORE_H_

#include <SQLiteCpp/Database.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "store/records.h"

namespace objector {

struct StoreOptions {
  int busy_timeout_ms = 5000;
  bool read_only = false;      // open without writing anything (no migration; fails if not current)
  int64_t max_page_count = 0;  // 0 = SQLite's default; tests use it to simulate a full disk
};

class Store {
 public:
  // Opens (creating when missing, 0600) and migrates the database at `path` (":memory:" for tests).
  // `clock` must outlive the store. A damaged, locked, read-only or newer file gives an error naming
  // it, and the file is left as it was.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const Clock& clock, StoreOptions options = {});

  const std::string& path() const { return path_; }
  // True once a write found the file moved or deleted (kDbMoved): the owner should close this
  // store and open the path again.
  bool moved() const { return moved_; }

  Result<Profile> GetProfile();
  Result<Profile> SetProfile(const Profile& profile);

  // All justifications (of `language` when not empty), by language then id.
  Result<std::vector<Justification>> ListJustifications(const std::string& language);
  // Inserts (id 0) or updates (kNotFound when the id does not exist). is_default=true takes the
  // default from the others of its language.
  Result<Justification> SaveJustification(const Justification& j);
  Status DeleteJustification(int64_t id);
  Result<Justification> SetDefaultJustification(int64_t id);

  // Appends a submission and its first status event. A known client_id changes nothing and
  // returns {existing id, duplicate=true}.
  Result<WriteOutcome> RecordSubmission(const Submission& s);
  // Appends a status event. kNotFound when its submission is unknown; a known client_event_id
  // changes nothing (duplicate=true).
  Result<WriteOutcome> AppendEvent(const Event& e);

  // Keeps a file (a screenshot) as evidence of a submission: its SHA-256 computed here, the file in
  // `blobs`, one chained row in `events`. kNotFound for an unknown submission; the same file for the
  // same submission again changes nothing (duplicate=true).
  Result<WriteOutcome> AttachEvidence(const Attachment& a);
  // A snapshot or screenshot by its SHA-256; kNotFound when none.
  Result<Blob> GetBlob(const std::string& sha256);
  // Recomputes every row's content hash, the chain and every blob's SHA-256 (see chain.h).
  Result<VerifyReport> Verify();

  Result<HistoryPage> ListHistory(const HistoryQuery& query);
  Result<Stats> GetStats();

  // Accounts, links and notices (schema 4; store/accounts.cc).
  // Every submission with its latest status, oldest first: what coverage is computed from.
  Result<std::vector<SubmissionSummary>> ListSubmissionSummaries();
  // Every link, by platform then email.
  Result<std::vector<AccountLink>> ListLinks();
  // Links `account` to `covered_by` (replacing its link), or removes its link (nullopt; no link is
  // fine); returns every link. Emails as given (the caller lower-cases them). kInvalidValue, nothing
  // changed: `covered_by` is `account`, `covered_by` is itself linked to another account, or
  // `account` covers others (links stay one level deep).
  Result<std::vector<AccountLink>> SetLink(const AccountRef& account, const std::optional<AccountRef>& covered_by);
  // Counts one sighting of `notice` (platform, language, kind, fingerprint) now: a new row with
  // count 1, or count + 1 and last_seen_at = now.
  Result<NoticeSeenOutcome> RecordNoticeSighting(const NoticeSighting& notice);
  // Every sighting, oldest first.
  Result<std::vector<NoticeSighting>> ListNotices();

 private:
  Store(std::unique_ptr<SQLite::Database> db, std::string path, const Clock& clock)
      : db_(std::move(db)), path_(std::move(path)), clock_(clock) {}
  template <typename T, typename Fn>
  Result<T> Guard(Fn fn);
  Result<Justification> GetJustification(int64_t id);
  void LoadEvents(int64_t submission_id, const std::string& client_id, HistoryItem* item);

  std::unique_ptr<SQLite::Database> db_;
  std::string path_;
  const Clock& clock_;
  bool moved_ = false;
};

}  // namespace objector

#endif  // OBJECTOR_STORE_STORE_H_
