// The dashboard's pages as pure functions: a reply's `result` (PROTOCOL.md) and a language in, one
// whole HTML document out. No scripts, no inline styles, one stylesheet (/style.css); every value
// taken from a reply is escaped. Routes, login and sessions are in dashboard.cc.
#ifndef OBJECTOR_AGENT_DASHBOARD_PAGES_H_
#define OBJECTOR_AGENT_DASHBOARD_PAGES_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace objector {

// Every text a page shows, in every language of kDashboardLanguages (dashboard_strings.cc).
enum class Str {
  kAppName, kNavCoverage, kNavHistory, kNavReport, kNavExport, kNavVerify,
  kSignInHeading, kSignInText, kLinkUsed, kNotFound, kUnavailable,
  kCoverageHeading, kCoverageIntro, kNoAccounts,
  kColAccount, kColPlatform, kColForm, kColState, kColWhen, kColTodo, kColEmail, kColDue,
  kStateNone, kStateSubmitted, kStateStalled, kStateAwaitingCode, kStateCodeExpired, kStateConfirmed,
  kStateFailed, kStateCovered,
  kTodoObject, kTodoOptional, kTodoEnterCode, kTodoObjectAgain, kTodoCheckEmail, kTodoWait, kTodoNone,
  kFollowUpsHeading, kFollowCodeExpired, kFollowNoConfirmation, kDueNow,
  kSummaryHeading, kSummaryFirst, kSummaryLast,
  kStatusSubmitted, kStatusAwaitingCode, kStatusConfirmed, kStatusFailed,
  kFormOwn, kFormThirdParty,
  kHistoryOlder, kHistoryNewer, kHistoryEmpty, kHistoryCount, kHistoryCountOne,
  kExportHeading, kExportHint, kExportCsv, kExportJson, kExportHtml, kExportBundle, kExportIcs,
  kVerifyHeading, kVerifyIntact, kVerifyBroken, kChainHead, kVerifyHint,
  kCount
};

// en, de, fr, nl, it, es, pl (the extension's _locales); index 0 (en) is the fallback.
inline constexpr const char* kDashboardLanguages[] = {"en", "de", "fr", "nl", "it", "es", "pl"};
inline constexpr int kDashboardLanguageCount = 7;

// The text of `s` in language `lang` (an index into kDashboardLanguages), unescaped. "{1}", "{2}"
// mark where Fill puts values.
const char* Text(int lang, Str s);

// The best of our languages for an Accept-Language header ("de-CH,de;q=0.9,en;q=0.5"): the highest
// q whose primary subtag we have; 0 (en) when none matches or the header is absent or malformed.
int PickLanguage(std::string_view accept_language);

// HTML-escapes & < > " ' (for text and attribute values alike).
std::string Esc(std::string_view s);

// The SHA-256 source expressions ('sha256-<base64>') of every inline <style> element of `html`,
// including those inside an escaped srcdoc attribute: lets /report keep `style-src 'self'` plus
// exactly the report's own styles.
std::string InlineStyleHashes(const std::string& html);

// The pages. `result` is the reply's result for the message named.
std::string PageCoverage(int lang, const nlohmann::json& coverage);     // coverage.get
std::string PageSummary(int lang, const nlohmann::json& stats);         // stats (before coverage.get)
std::string PageHistory(int lang, const nlohmann::json& list, int offset, int limit);  // history.list
std::string PageExport(int lang, bool with_ics);
std::string PageVerify(int lang, const nlohmann::json& verify);         // history.verify
std::string PageSignIn(int lang, bool link_used);
std::string PageMessage(int lang, Str heading, const std::string& detail);

// The stylesheet served as /style.css: the colours and type of extension/options/common.css.
const std::string& DashboardStyle();

}  // namespace objector

#endif  // OBJECTOR_AGENT_DASHBOARD_PAGES_H_
