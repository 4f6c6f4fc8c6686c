#include "coverage/coverage.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/clock.h"

namespace objector {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int Num(const std::string& s, size_t pos, size_t n) { return std::stoi(s.substr(pos, n)); }

struct Combo {
  const char* platform;
  const char* form_kind;
};
// The rows of one account: the third-party form is Facebook's only.
constexpr Combo kCombos[] = {{"facebook", "own"}, {"instagram", "own"}, {"facebook", "third_party"}};

using Key = std::tuple<std::string, std::string, std::string>;  // email, platform, form_kind

TimePoint TimeOr(const std::string& s, TimePoint fallback) { return ParseUtc(s).value_or(fallback); }

// The latest submission per account, platform and form kind.
std::map<Key, const SubmissionSummary*> LatestByKey(const std::vector<SubmissionSummary>& submissions) {
  std::map<Key, const SubmissionSummary*> latest;
  std::map<Key, TimePoint> at;
  for (const auto& s : submissions) {
    Key key{LowerEmail(s.account_email), s.platform, s.form_kind};
    TimePoint t = TimeOr(s.occurred_at, TimePoint{});
    auto it = latest.find(key);
    if (it == latest.end() || t > at[key] || (t == at[key] && s.submission_id > it->second->submission_id)) {
      latest[key] = &s;
      at[key] = t;
    }
  }
  return latest;
}

// A submission's own state at `now` (coverage aside).
std::string OwnState(const SubmissionSummary& s, TimePoint now) {
  const TimePoint since = TimeOr(s.status_at.empty() ? s.occurred_at : s.status_at, now);
  if (s.status == "confirmed" || s.status == "failed") return s.status;
  if (s.status == "awaiting-code") return now - since < kCodeLifetime ? "awaiting-code" : "code-expired";
  return now - since < kConfirmationWait ? "submitted" : "stalled";
}

std::string Todo(const std::string& state, const std::string& form_kind) {
  if (state == "none") return form_kind == "own" ? "object" : "optional";
  if (state == "submitted") return "wait";
  if (state == "stalled") return "check-email";
  if (state == "awaiting-code") return "enter-code";
  if (state == "code-expired" || state == "failed") return "object-again";
  return "none";  // confirmed, covered
}

}  // namespace

std::optional<TimePoint> ParseUtc(const std::string& s) {
  if (!IsUtcTimestamp(s)) return std::nullopt;
  int64_t days = DaysFromCivil(Num(s, 0, 4), static_cast<unsigned>(Num(s, 5, 2)), static_cast<unsigned>(Num(s, 8, 2)));
  int64_t secs = days * 86400 + Num(s, 11, 2) * 3600 + Num(s, 14, 2) * 60 + Num(s, 17, 2);
  int64_t ms = 0;
  if (s[19] == '.') {
    std::string frac = s.substr(20, s.size() - 21);
    frac = (frac + "000").substr(0, 3);
    ms = std::stoi(frac);
  }
  return TimePoint(std::chrono::milliseconds(secs * 1000 + ms));
}

std::string LowerEmail(std::string email) {
  for (char& c : email) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return email;
}

std::vector<AccountSummary> ListAccounts(const Profile& profile, const std::vector<SubmissionSummary>& submissions) {
  std::vector<AccountSummary> out;
  std::map<std::string, size_t> index;
  auto add = [&](const std::string& email) -> AccountSummary& {
    auto it = index.find(email);
    if (it != index.end()) return out[it->second];
    index[email] = out.size();
    out.push_back({email, {}, false, false});
    return out.back();
  };
  for (const auto& e : profile.emails) add(LowerEmail(e)).from_profile = true;
  std::set<std::string> others;
  std::map<std::string, std::set<std::string>> platforms;
  for (const auto& s : submissions) {
    std::string email = LowerEmail(s.account_email);
    platforms[email].insert(s.platform);
    if (!index.count(email)) others.insert(email);
  }
  for (const auto& e : others) add(e);  // std::set: alphabetical
  for (auto& a : out) {
    auto it = platforms.find(a.email);
    if (it == platforms.end()) continue;
    a.from_forms = true;
    for (const char* p : {"facebook", "instagram"}) {
      if (it->second.count(p)) a.platforms_seen.push_back(p);
    }
    for (const auto& p : it->second) {
      if (p != "facebook" && p != "instagram") a.platforms_seen.push_back(p);
    }
  }
  return out;
}

Coverage ComputeCoverage(const Profile& profile, const std::vector<SubmissionSummary>& submissions,
                         const std::vector<AccountLink>& links, TimePoint now) {
  Coverage c;
  c.generated_at = FormatUtc(now);
  c.links = links;
  const auto latest = LatestByKey(submissions);
  std::map<AccountRef, AccountRef> link_of;
  for (const auto& l : links) link_of[l.account] = l.covered_by;
  auto find = [&](const std::string& email, const std::string& platform, const std::string& kind) {
    auto it = latest.find(Key{email, platform, kind});
    return it == latest.end() ? nullptr : it->second;
  };
  for (const auto& account : ListAccounts(profile, submissions)) {
    for (const auto& combo : kCombos) {
      CoverageRow row;
      row.account_email = account.email;
      row.platform = combo.platform;
      row.form_kind = combo.form_kind;
      const SubmissionSummary* own = find(account.email, combo.platform, combo.form_kind);
      row.state = own ? OwnState(*own, now) : "none";
      if (own) {
        row.last_status = own->status;
        row.last_at = own->status_at.empty() ? own->occurred_at : own->status_at;
        row.client_id = own->client_id;
      }
      auto link = link_of.find(AccountRef{combo.platform, account.email});
      if (link != link_of.end() && (row.state == "none" || row.state == "failed" || row.state == "code-expired")) {
        const SubmissionSummary* other = find(link->second.email, link->second.platform, combo.form_kind);
        std::string other_state = other ? OwnState(*other, now) : "none";
        if (other_state == "confirmed" || other_state == "submitted") {
          row.state = "covered";
          row.covered_through = link->second;
        }
      }
      row.todo = Todo(row.state, row.form_kind);
      if (own && row.state != "covered" && row.state != "confirmed" && row.state != "failed") {
        const bool code = row.state == "awaiting-code" || row.state == "code-expired";
        FollowUp f;
        f.kind = code ? "code-expired" : "no-confirmation";
        f.client_id = own->client_id;
        f.account_email = account.email;
        f.platform = combo.platform;
        f.form_kind = combo.form_kind;
        f.since = *row.last_at;
        TimePoint due = TimeOr(f.since, now) + (code ? kCodeLifetime : kConfirmationWait);
        f.due_at = FormatUtc(due);
        f.due = due <= now;
        c.follow_ups.push_back(std::move(f));
      }
      c.rows.push_back(std::move(row));
    }
  }
  return c;
}

std::optional<AlreadyObjected> FindAlreadyObjected(const std::vector<SubmissionSummary>& submissions,
                                                   const std::vector<AccountLink>& links, const std::string& platform) {
  std::set<std::string> platforms{platform};
  for (const auto& l : links) {
    if (l.account.platform == platform) platforms.insert(l.covered_by.platform);
    if (l.covered_by.platform == platform) platforms.insert(l.account.platform);
  }
  std::optional<AlreadyObjected> best;
  TimePoint best_at{};
  for (const auto& s : submissions) {
    if (s.form_kind != "own" || s.status != "confirmed" || !platforms.count(s.platform)) continue;
    TimePoint at = TimeOr(s.status_at, TimePoint{});
    if (!best || at >= best_at) {
      best = AlreadyObjected{s.status_at, s.platform};
      best_at = at;
    }
  }
  return best;
}

std::vector<SubmissionSummary> SummariseHistory(const std::vector<HistoryItem>& items) {
  std::vector<SubmissionSummary> out;
  out.reserve(items.size());
  for (const auto& item : items) {
    SubmissionSummary s;
    s.submission_id = item.submission_id;
    s.client_id = item.submission.client_id;
    s.platform = item.submission.platform;
    s.form_kind = item.submission.form_kind;
    s.account_email = item.submission.account_email;
    s.occurred_at = item.submission.occurred_at;
    s.status = item.current_status;
    // Events come oldest first (by occurred_at, then id): the last one is the current status.
    s.status_at = item.events.empty() ? item.submission.occurred_at : item.events.back().occurred_at;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace objector
