#include <catch2/catch.hpp>

#include "store/store.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795625700)));  // 2026-11-25T16:55:00Z

std::unique_ptr<Store> OpenMemory() {
  auto s = Store::Open(":memory:", kClock);
  REQUIRE(s.ok());
  return std::move(*s);
}

NoticeSighting Notice(const std::string& platform, const std::string& kind, char fill, const std::string& language = "de") {
  NoticeSighting n;
  n.platform = platform;
  n.language = language;
  n.kind = kind;
  n.fingerprint = std::string(64, fill);
  return n;
}

}  // namespace

TEST_CASE("store: submission summaries carry each submission's latest status, oldest submission first", "[accounts]") {
  auto store = OpenMemory();
  auto first = testing::SampleSubmission("s-1", "2026-11-20T10:00:00Z");
  first.status = "awaiting-code";
  REQUIRE(store->RecordSubmission(first).ok());
  // Failed, then confirmed later; an event arriving late but dated earlier does not win.
  REQUIRE(store->AppendEvent(testing::MakeEvent("e-1", "s-1", "failed", "code expired", "2026-11-20T12:00:00Z", 60)).ok());
  REQUIRE(store->AppendEvent(testing::MakeEvent("e-2", "s-1", "confirmed", "", "2026-11-21T09:00:00Z", 60)).ok());
  REQUIRE(store->AppendEvent(testing::MakeEvent("e-3", "s-1", "failed", "late", "2026-11-20T13:00:00Z", 60)).ok());
  auto second = testing::SampleSubmission("s-2", "2026-11-01T10:00:00Z");
  second.platform = "instagram";
  REQUIRE(store->RecordSubmission(second).ok());
  auto sums = store->ListSubmissionSummaries();
  REQUIRE(sums.ok());
  REQUIRE(sums->size() == 2);
  CHECK((*sums)[0].client_id == "s-2");
  CHECK((*sums)[0].status == "submitted");
  CHECK((*sums)[0].status_at == "2026-11-01T10:00:00Z");
  CHECK((*sums)[1].client_id == "s-1");
  CHECK((*sums)[1].status == "confirmed");
  CHECK((*sums)[1].status_at == "2026-11-21T09:00:00Z");
  CHECK((*sums)[1].account_email == "anna.schmidt@example.de");
}

TEST_CASE("store: account links are set, replaced, removed and kept one level deep", "[accounts]") {
  auto store = OpenMemory();
  const AccountRef fb_anna{"facebook", "anna@example.de"}, ig_anna{"instagram", "anna@example.de"},
      fb_bob{"facebook", "bob@example.org"}, ig_bob{"instagram", "bob@example.org"};
  auto links = store->SetLink(ig_anna, fb_anna);
  REQUIRE(links.ok());
  REQUIRE(links->size() == 1);
  CHECK((*links)[0].account == ig_anna);
  CHECK((*links)[0].covered_by == fb_anna);
  CHECK((*links)[0].created_at == "2026-11-25T16:55:00.000Z");
  // A second link for the same account replaces the first.
  links = store->SetLink(ig_anna, fb_bob);
  REQUIRE(links->size() == 1);
  CHECK((*links)[0].covered_by == fb_bob);
  struct Refused {
    const char* proves;
    AccountRef account, covered_by;
    const char* message;
  };
  const Refused refused[] = {
      {"an account cannot cover itself", fb_anna, fb_anna, "itself"},
      {"a covering account that is itself covered is refused", ig_bob, ig_anna, "is itself covered by the facebook account bob@example.org"},
      {"an account that covers others cannot be linked", fb_bob, fb_anna, "covers other accounts"},
  };
  for (const auto& r : refused) {
    INFO(r.proves);
    auto result = store->SetLink(r.account, r.covered_by);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == ErrorCode::kInvalidValue);
    CHECK(result.status().message().find(r.message) != std::string::npos);
  }
  CHECK(store->ListLinks()->size() == 1);  // nothing changed by the refusals
  links = store->SetLink(ig_anna, std::nullopt);
  REQUIRE(links.ok());
  CHECK(links->empty());
  CHECK(store->SetLink(ig_anna, std::nullopt).ok());  // removing what is not there is fine
  // fb_bob covered ig_anna; with that link gone it covers nobody and may be linked itself.
  CHECK(store->SetLink(fb_bob, fb_anna).ok());
}

TEST_CASE("store: a notice seen again counts, a new text of the same platform and kind is a new round", "[accounts]") {
  auto store = OpenMemory();
  auto first = store->RecordNoticeSighting(Notice("facebook", "objection", 'a'));
  REQUIRE(first.ok());
  CHECK(first->notice.count == 1);
  CHECK(first->notice.first_seen_at == "2026-11-25T16:55:00.000Z");
  CHECK_FALSE(first->new_round);  // nothing seen before it
  auto again = store->RecordNoticeSighting(Notice("facebook", "objection", 'a'));
  CHECK(again->notice.notice_id == first->notice.notice_id);
  CHECK(again->notice.count == 2);
  CHECK_FALSE(again->new_round);
  auto other_kind = store->RecordNoticeSighting(Notice("facebook", "ads", 'b'));
  CHECK_FALSE(other_kind->new_round);  // first of its kind
  auto other_platform = store->RecordNoticeSighting(Notice("instagram", "objection", 'c'));
  CHECK_FALSE(other_platform->new_round);  // first on its platform
  auto round2 = store->RecordNoticeSighting(Notice("facebook", "objection", 'd'));
  CHECK(round2->new_round);
  CHECK(round2->notice.count == 1);
  // The same text in another language is its own row but not a new round.
  auto english = store->RecordNoticeSighting(Notice("facebook", "objection", 'd', "en"));
  CHECK(english->notice.notice_id != round2->notice.notice_id);
  CHECK_FALSE(english->new_round);
  // A fingerprint is of the wording: the same notice read in French has its own, and is not a new
  // round because nothing was seen in French before it; a later other French text is one.
  auto french = store->RecordNoticeSighting(Notice("facebook", "objection", 'e', "fr"));
  CHECK_FALSE(french->new_round);
  auto french2 = store->RecordNoticeSighting(Notice("facebook", "objection", 'f', "fr"));
  CHECK(french2->new_round);
  auto list = store->ListNotices();
  REQUIRE(list.ok());
  REQUIRE(list->size() == 7);
  CHECK((*list)[0].fingerprint == std::string(64, 'a'));
  CHECK((*list)[0].count == 2);
  CHECK((*list)[4].language == "en");
}

}  // namespace objector
