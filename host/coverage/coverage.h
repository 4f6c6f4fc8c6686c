// Coverage: what is covered and what is left, per account, platform and form kind, and the
// follow-ups that come due (PROTOCOL.md, coverage.get). Pure functions of the profile, the
// submissions' latest statuses, the account links and "now": no SQLite, no clock of their own.
#ifndef OBJECTOR_COVERAGE_COVERAGE_H_
#define OBJECTOR_COVERAGE_COVERAGE_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/records.h"

namespace objector {

using TimePoint = std::chrono::system_clock::time_point;

inline constexpr std::chrono::hours kCodeLifetime{1};           // Meta's one-time code
inline constexpr std::chrono::hours kConfirmationWait{7 * 24};  // submitted, no confirmation

// "2026-11-25T16:54:06Z" or with a fraction (".5", ".123") to a time point (to the millisecond);
// nullopt unless IsUtcTimestamp(s).
std::optional<TimePoint> ParseUtc(const std::string& s);

// ASCII letters lower-cased: how emails are compared and stored.
std::string LowerEmail(std::string email);

struct AccountSummary {
  std::string email;                        // lower-cased
  std::vector<std::string> platforms_seen;  // platforms of its submissions: facebook before instagram
  bool from_profile = false, from_forms = false;
};

// The profile's emails (in profile order) then every other submission's account_email (in
// alphabetical order), each once, lower-cased.
std::vector<AccountSummary> ListAccounts(const Profile& profile, const std::vector<SubmissionSummary>& submissions);

struct CoverageRow {
  std::string account_email, platform, form_kind;
  std::string state;  // none submitted stalled awaiting-code code-expired confirmed failed covered
  std::optional<std::string> last_status, last_at, client_id;  // of the row's latest submission
  std::optional<AccountRef> covered_through;                  // set when state == "covered"
  std::string todo;  // object optional enter-code object-again check-email wait none
};

struct FollowUp {
  std::string kind;  // "code-expired" | "no-confirmation"
  std::string client_id, account_email, platform, form_kind;
  std::string since;   // the status time
  std::string due_at;  // since + 1 h or + 7 d
  bool due = false;    // due_at <= now
};

struct Coverage {
  std::string generated_at;
  std::vector<CoverageRow> rows;  // accounts in ListAccounts order × facebook own, instagram own, facebook third_party
  std::vector<FollowUp> follow_ups;  // in row order
  std::vector<AccountLink> links;
};

// `submissions` in any order (the latest per account+platform+kind is chosen by occurred_at, then
// submission_id); `links` as stored (emails lower-cased).
Coverage ComputeCoverage(const Profile& profile, const std::vector<SubmissionSummary>& submissions,
                         const std::vector<AccountLink>& links, TimePoint now);

struct AlreadyObjected {
  std::string confirmed_at, platform;
};

// The latest own-information submission whose current status is `confirmed`, on `platform` or on a
// platform linked to it (a link between an account of `platform` and one of another, either way).
std::optional<AlreadyObjected> FindAlreadyObjected(const std::vector<SubmissionSummary>& submissions,
                                                   const std::vector<AccountLink>& links, const std::string& platform);

// The summaries of full history items (for exports, which hold items rather than summaries).
std::vector<SubmissionSummary> SummariseHistory(const std::vector<HistoryItem>& items);

}  // namespace objector

#endif  // OBJECTOR_COVERAGE_COVERAGE_H_
