#include "coverage/coverage.h"

#include <catch2/catch.hpp>

#include "base/clock.h"

namespace objector {
namespace {

// A submission as the store summarises it: `status` set at `status_at`.
SubmissionSummary Sub(int64_t id, const std::string& email, const std::string& platform, const std::string& kind,
                      const std::string& occurred_at, const std::string& status, const std::string& status_at = "") {
  return {id, "c-" + std::to_string(id), platform, kind, email, occurred_at, status,
          status_at.empty() ? occurred_at : status_at};
}

AccountLink Link(const std::string& platform, const std::string& email, const std::string& by_platform,
                 const std::string& by_email) {
  return {{platform, email}, {by_platform, by_email}, "2026-11-01T00:00:00.000Z"};
}

TimePoint At(const std::string& utc) {
  auto t = ParseUtc(utc);
  REQUIRE(t);
  return *t;
}

const CoverageRow* FindRow(const Coverage& c, const std::string& email, const std::string& platform,
                           const std::string& kind) {
  for (const auto& r : c.rows) {
    if (r.account_email == email && r.platform == platform && r.form_kind == kind) return &r;
  }
  return nullptr;
}

struct Expect {
  std::string email, platform, kind, state, todo;
};

struct Case {
  const char* proves;
  std::vector<std::string> profile_emails;
  std::vector<SubmissionSummary> submissions;
  std::vector<AccountLink> links;
  std::string now;
  std::vector<Expect> expect;
  size_t rows;
};

}  // namespace

TEST_CASE("coverage: each history gives the documented state and to-do per account, platform and form", "[coverage]") {
  const std::string a = "anna@example.de", b = "bob@example.org";
  const Case cases[] = {
      {"no record: every row is none; own forms say object, the third-party form is optional",
       {a}, {}, {}, "2026-11-25T12:00:00Z",
       {{a, "facebook", "own", "none", "object"}, {a, "instagram", "own", "none", "object"},
        {a, "facebook", "third_party", "none", "optional"}}, 3},
      {"submitted a day ago, no answer yet: wait",
       {a}, {Sub(1, a, "facebook", "own", "2026-11-24T12:00:00Z", "submitted")}, {}, "2026-11-25T12:00:00Z",
       {{a, "facebook", "own", "submitted", "wait"}, {a, "instagram", "own", "none", "object"}}, 3},
      {"submitted 8 days ago without confirmation: stalled, check your email",
       {a}, {Sub(1, a, "facebook", "own", "2026-11-17T12:00:00Z", "submitted")}, {}, "2026-11-25T12:00:00Z",
       {{a, "facebook", "own", "stalled", "check-email"}}, 3},
      {"awaiting the code for 30 minutes: enter the code",
       {a}, {Sub(1, a, "facebook", "own", "2026-11-25T11:29:00Z", "awaiting-code", "2026-11-25T11:30:00Z")}, {},
       "2026-11-25T12:00:00Z", {{a, "facebook", "own", "awaiting-code", "enter-code"}}, 3},
      {"awaiting the code for 2 hours: the code expired, object again",
       {a}, {Sub(1, a, "facebook", "own", "2026-11-25T10:00:00Z", "awaiting-code")}, {}, "2026-11-25T12:00:00Z",
       {{a, "facebook", "own", "code-expired", "object-again"}}, 3},
      {"confirmed: nothing to do",
       {a}, {Sub(1, a, "instagram", "own", "2025-05-12T09:00:00Z", "confirmed", "2025-05-12T09:01:00Z")}, {},
       "2026-11-25T12:00:00Z", {{a, "instagram", "own", "confirmed", "none"}, {a, "facebook", "own", "none", "object"}}, 3},
      {"failed: object again",
       {a}, {Sub(1, a, "facebook", "own", "2026-11-20T12:00:00Z", "failed")}, {}, "2026-11-25T12:00:00Z",
       {{a, "facebook", "own", "failed", "object-again"}}, 3},
      {"failed, then a later submission confirmed: the latest submission decides",
       {a},
       {Sub(2, a, "facebook", "own", "2026-11-21T12:00:00Z", "confirmed"),
        Sub(1, a, "facebook", "own", "2026-11-20T12:00:00Z", "failed")},
       {}, "2026-11-25T12:00:00Z", {{a, "facebook", "own", "confirmed", "none"}}, 3},
      {"two accounts linked: the Instagram account is covered through the confirmed Facebook one",
       {a, b}, {Sub(1, a, "facebook", "own", "2026-11-20T12:00:00Z", "confirmed")},
       {Link("instagram", b, "facebook", a)}, "2026-11-25T12:00:00Z",
       {{b, "instagram", "own", "covered", "none"}, {b, "facebook", "own", "none", "object"},
        {a, "instagram", "own", "none", "object"}}, 6},
      {"a link covers a failed or expired own record too, and a submitted (not yet confirmed) cover counts",
       {a, b},
       {Sub(1, a, "facebook", "own", "2026-11-24T12:00:00Z", "submitted"),
        Sub(2, b, "facebook", "own", "2026-11-25T08:00:00Z", "awaiting-code")},
       {Link("facebook", b, "facebook", a)}, "2026-11-25T12:00:00Z",
       {{b, "facebook", "own", "covered", "none"}, {a, "facebook", "own", "submitted", "wait"}}, 6},
      {"a link to an account whose own record failed or stalled covers nothing",
       {a, b},
       {Sub(1, a, "facebook", "own", "2026-11-10T12:00:00Z", "submitted"),
        Sub(2, a, "instagram", "own", "2026-11-24T12:00:00Z", "failed")},
       {Link("facebook", b, "facebook", a), Link("instagram", b, "instagram", a)}, "2026-11-25T12:00:00Z",
       {{b, "facebook", "own", "none", "object"}, {b, "instagram", "own", "none", "object"},
        {a, "facebook", "own", "stalled", "check-email"}}, 6},
      {"a link covers per form kind: the third-party row needs the cover's third-party form",
       {a, b}, {Sub(1, a, "facebook", "own", "2026-11-20T12:00:00Z", "confirmed")},
       {Link("facebook", b, "facebook", a)}, "2026-11-25T12:00:00Z",
       {{b, "facebook", "own", "covered", "none"}, {b, "facebook", "third_party", "none", "optional"}}, 6},
      {"two platforms of one account each keep their own state",
       {a},
       {Sub(1, a, "facebook", "own", "2026-11-20T12:00:00Z", "confirmed"),
        Sub(2, a, "instagram", "own", "2026-11-25T11:45:00Z", "awaiting-code")},
       {}, "2026-11-25T12:00:00Z",
       {{a, "facebook", "own", "confirmed", "none"}, {a, "instagram", "own", "awaiting-code", "enter-code"}}, 3},
      {"the third-party form has its own row, apart from the own-information one",
       {a}, {Sub(1, a, "facebook", "third_party", "2026-11-24T12:00:00Z", "submitted")}, {}, "2026-11-25T12:00:00Z",
       {{a, "facebook", "third_party", "submitted", "wait"}, {a, "facebook", "own", "none", "object"}}, 3},
      {"emails differing in case are one account; a form's address not in the profile is an account of its own",
       {"Anna@Example.DE"},
       {Sub(1, "anna@EXAMPLE.de", "facebook", "own", "2026-11-20T12:00:00Z", "confirmed"),
        Sub(2, "Bob@Example.org", "instagram", "own", "2026-11-20T12:00:00Z", "confirmed")},
       {}, "2026-11-25T12:00:00Z",
       {{a, "facebook", "own", "confirmed", "none"}, {b, "instagram", "own", "confirmed", "none"}}, 6},
      {"now decides: 59 minutes after the code step it is still awaiting",
       {a}, {Sub(1, a, "facebook", "own", "2026-11-25T11:00:00Z", "awaiting-code")}, {}, "2026-11-25T11:59:59.999Z",
       {{a, "facebook", "own", "awaiting-code", "enter-code"}}, 3},
      {"now decides: exactly one hour after the code step it has expired",
       {a}, {Sub(1, a, "facebook", "own", "2026-11-25T11:00:00Z", "awaiting-code")}, {}, "2026-11-25T12:00:00Z",
       {{a, "facebook", "own", "code-expired", "object-again"}}, 3},
      {"now decides: exactly 7 days after submitting it has stalled",
       {a}, {Sub(1, a, "facebook", "own", "2026-11-18T12:00:00.000Z", "submitted")}, {}, "2026-11-25T12:00:00Z",
       {{a, "facebook", "own", "stalled", "check-email"}}, 3},
  };
  for (const auto& c : cases) {
    INFO(c.proves);
    Profile profile;
    profile.emails = c.profile_emails;
    Coverage cov = ComputeCoverage(profile, c.submissions, c.links, At(c.now));
    CHECK(cov.rows.size() == c.rows);
    for (const auto& e : c.expect) {
      INFO(e.email << " " << e.platform << " " << e.kind);
      const CoverageRow* row = FindRow(cov, e.email, e.platform, e.kind);
      REQUIRE(row);
      CHECK(row->state == e.state);
      CHECK(row->todo == e.todo);
      CHECK(row->covered_through.has_value() == (e.state == "covered"));
      if (e.state == "none") CHECK_FALSE(row->last_status);
      if (e.state != "none" && e.state != "covered") CHECK(row->last_status);
    }
  }
}

TEST_CASE("coverage: a row names its latest submission, and a covered row names the account covering it", "[coverage]") {
  Profile profile;
  profile.emails = {"anna@example.de", "bob@example.org"};
  std::vector<SubmissionSummary> subs = {
      Sub(7, "anna@example.de", "facebook", "own", "2026-11-20T12:00:00Z", "confirmed", "2026-11-20T12:05:00Z")};
  auto cov = ComputeCoverage(profile, subs, {Link("instagram", "bob@example.org", "facebook", "anna@example.de")},
                             At("2026-11-25T12:00:00Z"));
  CHECK(cov.generated_at == "2026-11-25T12:00:00.000Z");
  const CoverageRow* own = FindRow(cov, "anna@example.de", "facebook", "own");
  REQUIRE(own);
  CHECK(*own->last_status == "confirmed");
  CHECK(*own->last_at == "2026-11-20T12:05:00Z");
  CHECK(*own->client_id == "c-7");
  const CoverageRow* covered = FindRow(cov, "bob@example.org", "instagram", "own");
  REQUIRE(covered);
  CHECK(covered->covered_through == AccountRef{"facebook", "anna@example.de"});
  CHECK_FALSE(covered->client_id);
  CHECK(cov.links.size() == 1);
  // Rows come account by account (profile order) in the documented platform/kind order.
  REQUIRE(cov.rows.size() == 6);
  CHECK(cov.rows[0].account_email == "anna@example.de");
  CHECK((cov.rows[1].platform == "instagram" && cov.rows[1].form_kind == "own"));
  CHECK((cov.rows[2].platform == "facebook" && cov.rows[2].form_kind == "third_party"));
  CHECK(cov.rows[3].account_email == "bob@example.org");
}

TEST_CASE("coverage: follow-ups for codes and missing confirmations, due by now", "[coverage]") {
  Profile profile;
  profile.emails = {"anna@example.de"};
  std::vector<SubmissionSummary> subs = {
      Sub(1, "anna@example.de", "facebook", "own", "2026-11-25T10:00:00Z", "awaiting-code", "2026-11-25T10:00:30Z"),
      Sub(2, "anna@example.de", "instagram", "own", "2026-11-15T12:00:00Z", "submitted"),
      Sub(3, "anna@example.de", "facebook", "third_party", "2026-11-24T12:00:00Z", "submitted"),
      Sub(4, "anna@example.de", "instagram", "third_party", "2026-11-24T12:00:00Z", "confirmed"),
  };
  auto cov = ComputeCoverage(profile, subs, {}, At("2026-11-25T12:00:00Z"));
  REQUIRE(cov.follow_ups.size() == 3);
  const FollowUp& code = cov.follow_ups[0];
  CHECK(code.kind == "code-expired");
  CHECK(code.client_id == "c-1");
  CHECK(code.since == "2026-11-25T10:00:30Z");
  CHECK(code.due_at == "2026-11-25T11:00:30.000Z");
  CHECK(code.due);
  const FollowUp& stalled = cov.follow_ups[1];
  CHECK(stalled.kind == "no-confirmation");
  CHECK(stalled.platform == "instagram");
  CHECK(stalled.due_at == "2026-11-22T12:00:00.000Z");
  CHECK(stalled.due);
  const FollowUp& waiting = cov.follow_ups[2];
  CHECK(waiting.kind == "no-confirmation");
  CHECK(waiting.form_kind == "third_party");
  CHECK(waiting.due_at == "2026-12-01T12:00:00.000Z");
  CHECK_FALSE(waiting.due);
  // Earlier, nothing is due yet.
  auto earlier = ComputeCoverage(profile, subs, {}, At("2026-11-25T10:30:00Z"));
  CHECK_FALSE(earlier.follow_ups[0].due);
}

TEST_CASE("coverage: accounts are the profile's emails and every form's address, each once", "[coverage]") {
  Profile profile;
  profile.emails = {"Zoe@example.de", "anna@example.de"};
  std::vector<SubmissionSummary> subs = {Sub(1, "zoe@example.de", "instagram", "own", "2026-11-20T12:00:00Z", "confirmed"),
                                         Sub(2, "zoe@example.de", "facebook", "own", "2026-11-20T12:00:00Z", "failed"),
                                         Sub(3, "m@example.net", "facebook", "own", "2026-11-20T12:00:00Z", "failed"),
                                         Sub(4, "c@example.net", "facebook", "own", "2026-11-20T12:00:00Z", "failed")};
  auto accounts = ListAccounts(profile, subs);
  REQUIRE(accounts.size() == 4);
  CHECK(accounts[0].email == "zoe@example.de");
  CHECK(accounts[0].platforms_seen == std::vector<std::string>{"facebook", "instagram"});
  CHECK((accounts[0].from_profile && accounts[0].from_forms));
  CHECK(accounts[1].email == "anna@example.de");
  CHECK((accounts[1].from_profile && !accounts[1].from_forms && accounts[1].platforms_seen.empty()));
  CHECK(accounts[2].email == "c@example.net");  // others alphabetically
  CHECK((!accounts[2].from_profile && accounts[2].from_forms));
  CHECK(accounts[3].email == "m@example.net");
}

TEST_CASE("coverage: already objected is the latest confirmed own objection on the platform or a linked one", "[coverage]") {
  std::vector<SubmissionSummary> subs = {
      Sub(1, "anna@example.de", "facebook", "own", "2025-05-12T09:00:00Z", "confirmed", "2025-05-12T09:02:00Z"),
      Sub(2, "anna@example.de", "facebook", "own", "2026-01-10T09:00:00Z", "confirmed", "2026-01-10T09:03:00Z"),
      Sub(3, "anna@example.de", "facebook", "third_party", "2026-02-10T09:00:00Z", "confirmed"),
      Sub(4, "anna@example.de", "facebook", "own", "2026-03-10T09:00:00Z", "failed"),
  };
  auto fb = FindAlreadyObjected(subs, {}, "facebook");
  REQUIRE(fb);
  CHECK(fb->confirmed_at == "2026-01-10T09:03:00Z");
  CHECK(fb->platform == "facebook");
  CHECK_FALSE(FindAlreadyObjected(subs, {}, "instagram"));
  auto linked = FindAlreadyObjected(subs, {Link("instagram", "anna@example.de", "facebook", "anna@example.de")},
                                    "instagram");
  REQUIRE(linked);
  CHECK(linked->platform == "facebook");
}

TEST_CASE("coverage: UTC times parse to the millisecond, anything else is refused", "[coverage]") {
  CHECK(FormatUtc(At("2026-11-25T16:54:06Z")) == "2026-11-25T16:54:06.000Z");
  CHECK(FormatUtc(At("2026-11-25T16:54:06.5Z")) == "2026-11-25T16:54:06.500Z");
  CHECK(FormatUtc(At("2024-02-29T23:59:59.123456Z")) == "2024-02-29T23:59:59.123Z");
  CHECK(FormatUtc(At("2000-01-01T00:00:00Z")) == "2000-01-01T00:00:00.000Z");
  CHECK_FALSE(ParseUtc("2026-11-25T16:54:06+01:00"));
  CHECK_FALSE(ParseUtc("2025-02-29T00:00:00Z"));
  CHECK_FALSE(ParseUtc(""));
  CHECK(LowerEmail("Anna.Schmidt@Example.DE") == "anna.schmidt@example.de");
}

}  // namespace objector
