#include "handlers/coverage_handlers.h"

#include <initializer_list>

#include "coverage/coverage.h"
#include "protocol/validate.h"

namespace objector {
namespace {

using nlohmann::json;

#define COV_RETURN_IF_ERROR(expr) \
  do {                            \
    Status _s = (expr);           \
    if (!_s.ok()) return _s;      \
  } while (0)

#define COV_ASSIGN_OR_RETURN(lhs, expr)                 \
  auto lhs##_result = (expr);                           \
  if (!lhs##_result.ok()) return lhs##_result.status(); \
  auto& lhs = *lhs##_result

const std::vector<std::string> kPlatforms = {"facebook", "instagram"};
const std::vector<std::string> kNoticeKinds = {"objection", "ai-info", "ads", "other"};

// invalid_value naming the first member of `obj` not in `allowed` (`name` "" for the request,
// whose envelope members id and type are always allowed).
Status OnlyMembers(const json& obj, const std::string& name, std::initializer_list<const char*> allowed) {
  for (const auto& item : obj.items()) {
    const std::string& key = item.key();
    if (name.empty() && (key == "id" || key == "type")) continue;
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (known) continue;
    std::string shown = key.size() > 64 ? key.substr(0, 64) + "..." : key;
    return Status(ErrorCode::kInvalidValue, (name.empty() ? std::string("the request") : name) +
                                                " has an unknown member " +
                                                json(shown).dump(-1, ' ', false, json::error_handler_t::replace));
  }
  return Status::Ok();
}

bool IsLowerHex64(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// {platform, email}: the email lower-cased.
Result<AccountRef> DecodeAccount(const json& obj, const std::string& name) {
  COV_RETURN_IF_ERROR(OnlyMembers(obj, name, {"platform", "email"}));
  Fields f(obj, name);
  AccountRef a;
  COV_RETURN_IF_ERROR(f.Enum("platform", kPlatforms, &a.platform));
  COV_RETURN_IF_ERROR(f.String("email", 254, &a.email));
  if (!IsEmail(a.email)) return f.Invalid("email", "not an email address");
  a.email = LowerEmail(a.email);
  return a;
}

json EncodeAccount(const AccountRef& a) { return {{"platform", a.platform}, {"email", a.email}}; }

json EncodeLinks(const std::vector<AccountLink>& links) {
  json out = json::array();
  for (const auto& l : links) {
    out.push_back({{"account", EncodeAccount(l.account)}, {"covered_by", EncodeAccount(l.covered_by)},
                   {"created_at", l.created_at}});
  }
  return out;
}

json Optional(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json EncodeCoverage(const Coverage& c) {
  json rows = json::array();
  for (const auto& r : c.rows) {
    rows.push_back({{"account_email", r.account_email},
                    {"platform", r.platform},
                    {"form_kind", r.form_kind},
                    {"state", r.state},
                    {"last_status", Optional(r.last_status)},
                    {"last_at", Optional(r.last_at)},
                    {"client_id", Optional(r.client_id)},
                    {"covered_through", r.covered_through ? EncodeAccount(*r.covered_through) : json(nullptr)},
                    {"todo", r.todo}});
  }
  json follow_ups = json::array();
  for (const auto& f : c.follow_ups) {
    follow_ups.push_back({{"kind", f.kind},
                          {"client_id", f.client_id},
                          {"account_email", f.account_email},
                          {"platform", f.platform},
                          {"form_kind", f.form_kind},
                          {"since", f.since},
                          {"due_at", f.due_at},
                          {"due", f.due}});
  }
  return {{"generated_at", c.generated_at}, {"rows", rows}, {"follow_ups", follow_ups}, {"links", EncodeLinks(c.links)}};
}

json EncodeNotice(const NoticeSighting& n) {
  return {{"notice_id", n.notice_id},         {"platform", n.platform},          {"language", n.language},
          {"kind", n.kind},                   {"fingerprint", n.fingerprint},    {"first_seen_at", n.first_seen_at},
          {"last_seen_at", n.last_seen_at},   {"count", n.count}};
}

}  // namespace

Result<json> AccountListHandler(Context& ctx, const json& req) {
  COV_RETURN_IF_ERROR(OnlyMembers(req, "", {}));
  COV_ASSIGN_OR_RETURN(store, ctx.GetStore());
  COV_ASSIGN_OR_RETURN(profile, store->GetProfile());
  COV_ASSIGN_OR_RETURN(submissions, store->ListSubmissionSummaries());
  json accounts = json::array();
  for (const auto& a : ListAccounts(profile, submissions)) {
    accounts.push_back({{"email", a.email},
                        {"platforms_seen", a.platforms_seen},
                        {"from_profile", a.from_profile},
                        {"from_forms", a.from_forms}});
  }
  return json{{"accounts", accounts}};
}

Result<json> AccountLinkHandler(Context& ctx, const json& req) {
  COV_RETURN_IF_ERROR(OnlyMembers(req, "", {"account", "covered_by"}));
  const json* obj = nullptr;
  COV_RETURN_IF_ERROR(Fields(req, "").Object("account", &obj));
  COV_ASSIGN_OR_RETURN(account, DecodeAccount(*obj, "account"));
  // covered_by must be there: an object links, null removes the link.
  if (!req.contains("covered_by")) {
    return Status(ErrorCode::kMissingField, "missing field: covered_by (an account, or null to remove the link)");
  }
  std::optional<AccountRef> covered_by;
  const json& cb = req["covered_by"];
  if (!cb.is_null()) {
    if (!cb.is_object()) return Status(ErrorCode::kWrongType, "covered_by must be an object or null");
    COV_ASSIGN_OR_RETURN(decoded, DecodeAccount(cb, "covered_by"));
    covered_by = decoded;
  }
  COV_ASSIGN_OR_RETURN(store, ctx.GetStore());
  COV_ASSIGN_OR_RETURN(links, store->SetLink(account, covered_by));
  return json{{"links", EncodeLinks(links)}};
}

Result<json> CoverageGetHandler(Context& ctx, const json& req) {
  COV_RETURN_IF_ERROR(OnlyMembers(req, "", {"now"}));
  Fields f(req, "");
  std::string now_text;
  COV_RETURN_IF_ERROR(f.String("now", 40, &now_text, false));
  TimePoint now = ctx.clock().Now();
  if (!now_text.empty() || (req.contains("now") && !req["now"].is_null())) {
    auto parsed = ParseUtc(now_text);
    if (!parsed) return f.Invalid("now", "must be a UTC time like 2026-11-25T16:54:06Z");
    now = *parsed;
  }
  COV_ASSIGN_OR_RETURN(store, ctx.GetStore());
  COV_ASSIGN_OR_RETURN(profile, store->GetProfile());
  COV_ASSIGN_OR_RETURN(submissions, store->ListSubmissionSummaries());
  COV_ASSIGN_OR_RETURN(links, store->ListLinks());
  return EncodeCoverage(ComputeCoverage(profile, submissions, links, now));
}

Result<json> NoticeSeenHandler(Context& ctx, const json& req) {
  COV_RETURN_IF_ERROR(OnlyMembers(req, "", {"notice"}));
  const json* obj = nullptr;
  COV_RETURN_IF_ERROR(Fields(req, "").Object("notice", &obj));
  COV_RETURN_IF_ERROR(OnlyMembers(*obj, "notice", {"platform", "language", "kind", "fingerprint"}));
  Fields f(*obj, "notice");
  NoticeSighting n;
  COV_RETURN_IF_ERROR(f.Enum("platform", kPlatforms, &n.platform));
  COV_RETURN_IF_ERROR(f.String("language", 2, &n.language));
  if (!IsLanguageCode(n.language)) return f.Invalid("language", "not an ISO 639-1 language code (lower case)");
  COV_RETURN_IF_ERROR(f.Enum("kind", kNoticeKinds, &n.kind));
  COV_RETURN_IF_ERROR(f.String("fingerprint", 64, &n.fingerprint));
  if (!IsLowerHex64(n.fingerprint)) {
    return f.Invalid("fingerprint", "must be 64 lower-case hex digits (SHA-256 of the normalised notice text)");
  }
  COV_ASSIGN_OR_RETURN(store, ctx.GetStore());
  COV_ASSIGN_OR_RETURN(seen, store->RecordNoticeSighting(n));
  COV_ASSIGN_OR_RETURN(submissions, store->ListSubmissionSummaries());
  COV_ASSIGN_OR_RETURN(links, store->ListLinks());
  auto already = FindAlreadyObjected(submissions, links, n.platform);
  return json{{"notice_id", seen.notice.notice_id},
              {"first_seen_at", seen.notice.first_seen_at},
              {"last_seen_at", seen.notice.last_seen_at},
              {"count", seen.notice.count},
              {"new_round", seen.new_round},
              {"already_objected", already ? json{{"confirmed_at", already->confirmed_at}, {"platform", already->platform}}
                                           : json(nullptr)}};
}

Result<json> NoticeListHandler(Context& ctx, const json& req) {
  COV_RETURN_IF_ERROR(OnlyMembers(req, "", {}));
  COV_ASSIGN_OR_RETURN(store, ctx.GetStore());
  COV_ASSIGN_OR_RETURN(notices, store->ListNotices());
  json out = json::array();
  for (const auto& n : notices) out.push_back(EncodeNotice(n));
  return json{{"notices", out}};
}

}  // namespace objector
