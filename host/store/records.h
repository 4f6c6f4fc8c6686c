// The plain records the store keeps and returns (PROTOCOL.md, "Objects"). Validation of what a
// caller sends happens in handlers/; the store trusts these and only enforces what SQL can
// (uniqueness, append-only history, foreign keys).
#ifndef OBJECTOR_STORE_RECORDS_H_
#define OBJECTOR_STORE_RECORDS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace objector {

struct Profile {
  std::vector<std::string> emails;
  std::optional<std::string> country;   // ISO 3166-1 alpha-2, upper case
  std::optional<std::string> language;  // ISO 639-1, lower case
  std::string name;
};

struct Justification {
  int64_t id = 0;  // 0 = not stored yet
  std::string language;
  std::string title;
  std::string text;
  bool is_default = false;
  std::string created_at;
  std::string updated_at;
};

// What Meta showed, kept with a status (PROTOCOL.md, "evidence"). `fields` holds the present ones of
// answer_text, found_in, send_pressed_at, form_origin, form_path. `snapshot` is the sanitised HTML
// fragment as sent (writes only); the store keeps it by its SHA-256, returned as `snapshot_sha256`.
struct Evidence {
  std::map<std::string, std::string> fields;
  std::optional<std::string> snapshot;
  std::string snapshot_sha256;
  bool empty() const { return fields.empty() && !snapshot && snapshot_sha256.empty(); }
};

struct Submission {
  std::string client_id;
  std::string platform;
  std::string form_kind;
  std::string form_url;
  std::string form_id;
  std::string account_email;
  std::string country;
  std::string justification_text;
  std::string page_language;
  std::string browser;
  std::string extension_version;
  std::string status;
  std::string reason;
  std::string occurred_at;
  int utc_offset_minutes = 0;
  Evidence evidence;  // kept on the submission's initial event
};

struct Event {
  std::string client_event_id;
  std::string client_id;  // the submission's
  std::string status;
  std::string reason;
  std::string occurred_at;
  int utc_offset_minutes = 0;
  Evidence evidence;
  // Filled when read back:
  int64_t event_id = 0;
  std::string recorded_at, content_hash, prev_hash;
};

// A file kept as evidence of a submission (a screenshot of Meta's answer), stored by its SHA-256
// and chained like an event.
struct Attachment {
  std::string client_id;  // the submission's
  std::string kind;       // "screenshot"
  std::string mime;       // "image/png" | "image/jpeg"
  std::string data;       // the bytes (writes only)
  // Filled when stored / read back:
  std::string sha256;
  int64_t size = 0;
  int64_t event_id = 0;
  std::string recorded_at, content_hash, prev_hash;
};

struct Blob {
  std::string sha256, mime, content;
};

// The result of checking the history chain (Store::Verify). `ok` false: `broken` names the first
// row that does not match, in insertion order.
struct VerifyReport {
  bool ok = true;
  int64_t rows = 0;  // event rows checked (statuses and attachments)
  int64_t blobs = 0;
  std::string chain_head;  // the last row's content_hash (kGenesisHash when empty)
  int64_t submission_id = 0, event_id = 0;
  std::string client_id, client_event_id, what;
};

struct HistoryItem {
  int64_t submission_id = 0;
  Submission submission;  // `status`/`reason` are the submission's own first status
  std::string recorded_at;
  std::string current_status;
  std::vector<Event> events;  // oldest first; client_id/client_event_id filled
  std::vector<Attachment> attachments;  // in the order they were stored
};

struct HistoryQuery {
  int64_t offset = 0;
  int64_t limit = 50;  // -1 = all
  std::string platform, status, form_kind, from, to;  // empty = no filter
};

struct HistoryPage {
  int64_t total = 0;
  std::vector<HistoryItem> items;  // newest first
};

struct Stats {
  int64_t total = 0;
  std::map<std::string, int64_t> by_platform;
  std::map<std::string, int64_t> by_status;  // by current status
  std::optional<std::string> first_at, last_at;
};

// An account as Meta knows it: a platform and the email address it is registered with (stored and
// compared lower-cased).
struct AccountRef {
  std::string platform;  // "facebook" | "instagram"
  std::string email;
  bool operator==(const AccountRef& o) const { return platform == o.platform && email == o.email; }
  bool operator<(const AccountRef& o) const { return platform != o.platform ? platform < o.platform : email < o.email; }
};

// The person's word that `account` shares an Accounts Centre with `covered_by`: an objection for
// `covered_by` covers `account` too. Links are one level deep (a covering account is never itself
// linked to another).
struct AccountLink {
  AccountRef account, covered_by;
  std::string created_at;
};

// One submission as coverage sees it: who, where, which form, and its latest status (the status
// event last by occurred_at, then by id, as `current_status`).
struct SubmissionSummary {
  int64_t submission_id = 0;
  std::string client_id, platform, form_kind, account_email, occurred_at;
  std::string status, status_at;  // the latest status and its occurred_at
};

// A notice the extension saw (PROTOCOL.md, notice.seen): no personal data, only what identifies the
// notice's text.
struct NoticeSighting {
  int64_t notice_id = 0;
  std::string platform, language, kind, fingerprint;
  std::string first_seen_at, last_seen_at;
  int64_t count = 0;
};

struct NoticeSeenOutcome {
  NoticeSighting notice;
  bool new_round = false;  // first sighting of this fingerprint while others of its platform+kind were seen
};

struct WriteOutcome {
  int64_t id = 0;
  bool duplicate = false;  // the client id was already stored; nothing changed
};

}  // namespace objector

#endif  // OBJECTOR_STORE_RECORDS_H_
