#include "store/chain_db.h"

#include <SQLiteCpp/Statement.h>

#include <vector>

#include "base/digest.h"

namespace objector {

void ForEachStoredRow(SQLite::Database& db, const std::function<bool(const StoredRow&)>& fn) {
  SQLite::Statement q(db,
                      "SELECT e.id, e.submission_id, e.kind, s.client_id, e.client_event_id, e.status, e.reason,"
                      " e.occurred_at, e.utc_offset_minutes, e.recorded_at, e.evidence, e.content_hash, e.prev_hash,"
                      " s.platform, s.form_kind, s.form_url, s.form_id, s.account_email, s.country,"
                      " s.justification_text, s.page_language, s.browser, s.extension_version, s.occurred_at,"
                      " s.utc_offset_minutes, s.recorded_at"
                      " FROM events e JOIN submissions s ON s.id = e.submission_id ORDER BY e.id");
  while (q.executeStep()) {
    StoredRow r;
    r.event_id = q.getColumn(0).getInt64();
    r.submission_id = q.getColumn(1).getInt64();
    ChainRow& c = r.row;
    c.kind = q.getColumn(2).getString();
    c.client_id = q.getColumn(3).getString();
    c.client_event_id = q.getColumn(4).getString();
    c.status = q.getColumn(5).getString();
    c.reason = q.getColumn(6).getString();
    c.occurred_at = q.getColumn(7).getString();
    c.utc_offset_minutes = q.getColumn(8).getInt64();
    c.recorded_at = q.getColumn(9).getString();
    std::string detail = q.getColumn(10).getString();
    if (!detail.empty()) {
      c.detail = nlohmann::json::parse(detail, nullptr, false);
      r.detail_ok = c.detail.is_object();
      if (!r.detail_ok) c.detail = nlohmann::json::object();
    }
    r.content_hash = q.getColumn(11).getString();
    c.prev_hash = q.getColumn(12).getString();
    if (c.client_event_id == "initial:" + c.client_id) {
      c.submission = {{"client_id", c.client_id},
                      {"platform", q.getColumn(13).getString()},
                      {"form_kind", q.getColumn(14).getString()},
                      {"form_url", q.getColumn(15).getString()},
                      {"form_id", q.getColumn(16).getString()},
                      {"account_email", q.getColumn(17).getString()},
                      {"country", q.getColumn(18).getString()},
                      {"justification_text", q.getColumn(19).getString()},
                      {"page_language", q.getColumn(20).getString()},
                      {"browser", q.getColumn(21).getString()},
                      {"extension_version", q.getColumn(22).getString()},
                      {"occurred_at", q.getColumn(23).getString()},
                      {"utc_offset_minutes", q.getColumn(24).getInt64()},
                      {"recorded_at", q.getColumn(25).getString()}};
    }
    if (!fn(r)) return;
  }
}

std::string ChainHead(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT content_hash FROM events ORDER BY id DESC LIMIT 1");
  return q.executeStep() ? q.getColumn(0).getString() : kGenesisHash;
}

namespace {

// "" when the blob named `sha` is there and its content hashes to `sha`; else what is wrong.
std::string CheckBlob(SQLite::Database& db, const std::string& sha, const char* what) {
  SQLite::Statement q(db, "SELECT content FROM blobs WHERE sha256 = ?");
  q.bind(1, sha);
  if (!q.executeStep()) return std::string(what) + " " + sha + " is missing";
  const auto& col = q.getColumn(0);
  std::string actual = Sha256Hex(std::string_view(static_cast<const char*>(col.getBlob()),
                                                  static_cast<size_t>(col.getBytes())));
  if (actual != sha) return std::string(what) + " " + sha + " was changed: its content now hashes to " + actual;
  return "";
}

}  // namespace

VerifyReport VerifyChain(SQLite::Database& db) {
  VerifyReport rep;
  std::string prev = kGenesisHash;
  auto broken = [&](const StoredRow& r, std::string what) {
    rep.ok = false;
    rep.submission_id = r.submission_id;
    rep.event_id = r.event_id;
    rep.client_id = r.row.client_id;
    rep.client_event_id = r.row.client_event_id;
    rep.what = std::move(what);
    return false;
  };
  ForEachStoredRow(db, [&](const StoredRow& r) {
    if (!r.detail_ok) return broken(r, "its evidence is not a JSON object");
    if (r.row.prev_hash != prev) {
      return broken(r, "prev_hash " + r.row.prev_hash + " is not the previous row's content_hash " + prev);
    }
    std::string computed = RowHash(r.row);
    if (computed != r.content_hash) {
      return broken(r, "its content does not match its content_hash (stored " + r.content_hash + ", computed " +
                           computed + ")");
    }
    const bool attachment = r.row.kind == "attachment";
    const char* key = attachment ? "sha256" : "snapshot_sha256";
    if (r.row.detail.contains(key)) {
      const auto& sha = r.row.detail[key];
      std::string problem = sha.is_string() ? CheckBlob(db, sha.get<std::string>(), attachment ? "file" : "snapshot")
                                            : std::string(key) + " is not a string";
      if (!problem.empty()) return broken(r, problem);
    }
    prev = r.content_hash;
    ++rep.rows;
    return true;
  });
  if (!rep.ok) return rep;
  rep.chain_head = prev;
  SQLite::Statement orphan(db,
                           "SELECT id, client_id FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM events e"
                           " WHERE e.submission_id = s.id AND e.client_event_id = 'initial:' || s.client_id)"
                           " ORDER BY id LIMIT 1");
  if (orphan.executeStep()) {
    rep.ok = false;
    rep.submission_id = orphan.getColumn(0).getInt64();
    rep.client_id = orphan.getColumn(1).getString();
    rep.what = "the submission has no initial event (its row was removed or changed)";
    return rep;
  }
  SQLite::Statement blobs(db, "SELECT sha256 FROM blobs ORDER BY rowid");
  while (blobs.executeStep()) {
    std::string sha = blobs.getColumn(0).getString();
    std::string problem = CheckBlob(db, sha, "file");
    if (!problem.empty()) {
      rep.ok = false;
      rep.what = problem;
      return rep;
    }
    ++rep.blobs;
  }
  return rep;
}

void ChainAllRows(SQLite::Database& db) {
  struct Computed {
    int64_t id;
    std::string prev, hash;
  };
  std::vector<Computed> out;
  std::string prev = kGenesisHash;
  ForEachStoredRow(db, [&](const StoredRow& r) {
    ChainRow row = r.row;
    row.prev_hash = prev;
    std::string hash = RowHash(row);
    out.push_back({r.event_id, prev, hash});
    prev = hash;
    return true;
  });
  SQLite::Statement u(db, "UPDATE events SET prev_hash = ?, content_hash = ? WHERE id = ?");
  for (const auto& c : out) {
    u.bind(1, c.prev);
    u.bind(2, c.hash);
    u.bind(3, c.id);
    u.exec();
    u.reset();
  }
}

}  // namespace objector
