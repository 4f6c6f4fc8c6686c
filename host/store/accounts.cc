// The store's schema-4 part: submissions summarised for coverage, account links, notice sightings.
#include <SQLiteCpp/Statement.h>

#include "store/store.h"
#include "store/store_internal.h"

namespace objector {
namespace {

using store_internal::ReadTransaction;
using store_internal::WriteTransaction;

// The link `account` has (as the linked account), if any.
std::optional<AccountRef> LinkOf(SQLite::Database& db, const AccountRef& account) {
  SQLite::Statement q(db, "SELECT covered_by_platform, covered_by_email FROM account_links WHERE platform = ? AND email = ?");
  q.bind(1, account.platform);
  q.bind(2, account.email);
  if (!q.executeStep()) return std::nullopt;
  return AccountRef{q.getColumn(0).getString(), q.getColumn(1).getString()};
}

bool CoversOthers(SQLite::Database& db, const AccountRef& account) {
  SQLite::Statement q(db, "SELECT 1 FROM account_links WHERE covered_by_platform = ? AND covered_by_email = ? LIMIT 1");
  q.bind(1, account.platform);
  q.bind(2, account.email);
  return q.executeStep();
}

std::string Describe(const AccountRef& a) { return a.platform + " account " + a.email; }

NoticeSighting ReadNotice(SQLite::Statement& q) {
  NoticeSighting n;
  n.notice_id = q.getColumn(0).getInt64();
  n.platform = q.getColumn(1).getString();
  n.language = q.getColumn(2).getString();
  n.kind = q.getColumn(3).getString();
  n.fingerprint = q.getColumn(4).getString();
  n.first_seen_at = q.getColumn(5).getString();
  n.last_seen_at = q.getColumn(6).getString();
  n.count = q.getColumn(7).getInt64();
  return n;
}

constexpr const char kNoticeColumns[] =
    "SELECT id, platform, language, kind, fingerprint, first_seen_at, last_seen_at, count FROM notice_sightings ";

}  // namespace

Result<std::vector<SubmissionSummary>> Store::ListSubmissionSummaries() {
  return Guard<std::vector<SubmissionSummary>>([&]() -> Result<std::vector<SubmissionSummary>> {
    ReadTransaction snapshot(*db_);
    SQLite::Statement q(*db_,
                        "SELECT s.id, s.client_id, s.platform, s.form_kind, s.account_email, s.occurred_at,"
                        " e.status, e.occurred_at FROM submissions s"
                        " LEFT JOIN events e ON e.id = (SELECT e2.id FROM events e2 WHERE e2.submission_id = s.id"
                        "   AND e2.kind = 'status' ORDER BY julianday(e2.occurred_at) DESC, e2.id DESC LIMIT 1)"
                        " ORDER BY julianday(s.occurred_at), s.id");
    std::vector<SubmissionSummary> out;
    while (q.executeStep()) {
      SubmissionSummary s;
      s.submission_id = q.getColumn(0).getInt64();
      s.client_id = q.getColumn(1).getString();
      s.platform = q.getColumn(2).getString();
      s.form_kind = q.getColumn(3).getString();
      s.account_email = q.getColumn(4).getString();
      s.occurred_at = q.getColumn(5).getString();
      s.status = q.getColumn(6).getString();
      s.status_at = q.getColumn(7).getString();
      out.push_back(std::move(s));
    }
    return out;
  });
}

Result<std::vector<AccountLink>> Store::ListLinks() {
  return Guard<std::vector<AccountLink>>([&]() -> Result<std::vector<AccountLink>> {
    SQLite::Statement q(*db_,
                        "SELECT platform, email, covered_by_platform, covered_by_email, created_at FROM account_links"
                        " ORDER BY platform, email");
    std::vector<AccountLink> out;
    while (q.executeStep()) {
      AccountLink l;
      l.account = {q.getColumn(0).getString(), q.getColumn(1).getString()};
      l.covered_by = {q.getColumn(2).getString(), q.getColumn(3).getString()};
      l.created_at = q.getColumn(4).getString();
      out.push_back(std::move(l));
    }
    return out;
  });
}

Result<std::vector<AccountLink>> Store::SetLink(const AccountRef& account, const std::optional<AccountRef>& covered_by) {
  auto written = Guard<bool>([&]() -> Result<bool> {
    WriteTransaction tx(*db_);
    if (!covered_by) {
      SQLite::Statement del(*db_, "DELETE FROM account_links WHERE platform = ? AND email = ?");
      del.bind(1, account.platform);
      del.bind(2, account.email);
      del.exec();
      tx.Commit();
      return true;
    }
    if (*covered_by == account) {
      return Status(ErrorCode::kInvalidValue, "covered_by: an account cannot be covered by itself");
    }
    if (auto further = LinkOf(*db_, *covered_by)) {
      return Status(ErrorCode::kInvalidValue, "covered_by: the " + Describe(*covered_by) +
                                                  " is itself covered by the " + Describe(*further) +
                                                  "; link to that one instead");
    }
    if (CoversOthers(*db_, account)) {
      return Status(ErrorCode::kInvalidValue, "account: the " + Describe(account) +
                                                  " covers other accounts; links are one level deep (remove those first)");
    }
    SQLite::Statement q(*db_,
                        "INSERT INTO account_links (platform, email, covered_by_platform, covered_by_email, created_at)"
                        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(platform, email) DO UPDATE SET"
                        " covered_by_platform = excluded.covered_by_platform,"
                        " covered_by_email = excluded.covered_by_email, created_at = excluded.created_at");
    q.bind(1, account.platform);
    q.bind(2, account.email);
    q.bind(3, covered_by->platform);
    q.bind(4, covered_by->email);
    q.bind(5, FormatUtc(clock_.Now()));
    q.exec();
    tx.Commit();
    return true;
  });
  if (!written.ok()) return written.status();
  return ListLinks();
}

Result<NoticeSeenOutcome> Store::RecordNoticeSighting(const NoticeSighting& n) {
  return Guard<NoticeSeenOutcome>([&]() -> Result<NoticeSeenOutcome> {
    WriteTransaction tx(*db_);
    const std::string now = FormatUtc(clock_.Now());
    NoticeSeenOutcome out;
    SQLite::Statement find(*db_, std::string(kNoticeColumns) +
                                     "WHERE platform = ? AND kind = ? AND fingerprint = ? AND language = ?");
    find.bind(1, n.platform);
    find.bind(2, n.kind);
    find.bind(3, n.fingerprint);
    find.bind(4, n.language);
    if (find.executeStep()) {
      out.notice = ReadNotice(find);
      find.reset();
      SQLite::Statement up(*db_, "UPDATE notice_sightings SET count = count + 1, last_seen_at = ? WHERE id = ?");
      up.bind(1, now);
      up.bind(2, out.notice.notice_id);
      up.exec();
      ++out.notice.count;
      out.notice.last_seen_at = now;
    } else {
      find.reset();
      // A new round: this text was never seen (in any language) while another text of the same
      // platform and kind was, in the same language. A fingerprint is of the wording, so the same
      // notice read in another language has another one: only texts of one language are compared
      // (a round first met in a language never seen before is therefore not marked new).
      SQLite::Statement seen(*db_,
                             "SELECT (SELECT COUNT(*) FROM notice_sightings WHERE platform = ?1 AND kind = ?2"
                             "   AND fingerprint = ?3),"
                             " (SELECT COUNT(*) FROM notice_sightings WHERE platform = ?1 AND kind = ?2"
                             "   AND fingerprint != ?3 AND language = ?4)");
      seen.bind(1, n.platform);
      seen.bind(2, n.kind);
      seen.bind(3, n.fingerprint);
      seen.bind(4, n.language);
      seen.executeStep();
      out.new_round = seen.getColumn(0).getInt64() == 0 && seen.getColumn(1).getInt64() > 0;
      SQLite::Statement ins(*db_,
                            "INSERT INTO notice_sightings (platform, language, kind, fingerprint, first_seen_at,"
                            " last_seen_at, count) VALUES (?, ?, ?, ?, ?, ?, 1)");
      ins.bind(1, n.platform);
      ins.bind(2, n.language);
      ins.bind(3, n.kind);
      ins.bind(4, n.fingerprint);
      ins.bind(5, now);
      ins.bind(6, now);
      ins.exec();
      out.notice = n;
      out.notice.notice_id = db_->getLastInsertRowid();
      out.notice.first_seen_at = out.notice.last_seen_at = now;
      out.notice.count = 1;
    }
    tx.Commit();
    return out;
  });
}

Result<std::vector<NoticeSighting>> Store::ListNotices() {
  return Guard<std::vector<NoticeSighting>>([&]() -> Result<std::vector<NoticeSighting>> {
    SQLite::Statement q(*db_, std::string(kNoticeColumns) + "ORDER BY id");
    std::vector<NoticeSighting> out;
    while (q.executeStep()) out.push_back(ReadNotice(q));
    return out;
  });
}

}  // namespace objector
