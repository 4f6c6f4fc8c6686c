#include "handlers/codec.h"

#include "base/clock.h"
#include "protocol/validate.h"

namespace objector {
namespace {

using nlohmann::json;

const std::vector<std::string> kPlatforms = {"facebook", "instagram"};
const std::vector<std::string> kFormKinds = {"own", "third_party"};
const std::vector<std::string> kStatuses = {"submitted", "awaiting-code", "confirmed", "failed"};

#define RETURN_IF_ERROR(expr)    \
  do {                           \
    Status _s = (expr);          \
    if (!_s.ok()) return _s;     \
  } while (0)

Status Time(const Fields& f, const char* name, std::string* out, bool required = true) {
  RETURN_IF_ERROR(f.String(name, 40, out, required));
  if (!out->empty() && !IsUtcTimestamp(*out)) {
    return f.Invalid(name, "must be a UTC time like 2026-11-25T16:54:06Z");
  }
  return Status::Ok();
}

Status StatusAndReason(const Fields& f, std::string* status, std::string* reason) {
  RETURN_IF_ERROR(f.Enum("status", kStatuses, status));
  RETURN_IF_ERROR(f.String("reason", 1000, reason, false));
  if (*status == "failed" && reason->empty()) return Status(ErrorCode::kMissingField, "missing field: " + f.Name("reason") + " (required when failed)");
  return Status::Ok();
}

Status Offset(const Fields& f, int* out) {
  int64_t n = 0;
  RETURN_IF_ERROR(f.Integer("utc_offset_minutes", -840, 840, &n));
  *out = static_cast<int>(n);
  return Status::Ok();
}

}  // namespace

Result<Profile> DecodeProfile(const json& j) {
  Fields f(j, "profile");
  Profile p;
  RETURN_IF_ERROR(f.StringArray("emails", 5, 254, &p.emails));
  if (p.emails.empty()) return f.Invalid("emails", "at least one email address is needed");
  for (const auto& e : p.emails) {
    if (!IsEmail(e)) return f.Invalid("emails", "one of the entries is not an email address");
  }
  std::string country, language;
  RETURN_IF_ERROR(f.String("country", 2, &country));
  if (!IsCountryCode(country)) return f.Invalid("country", "not an ISO 3166-1 alpha-2 country code (upper case)");
  RETURN_IF_ERROR(f.String("language", 2, &language));
  if (!IsLanguageCode(language)) return f.Invalid("language", "not an ISO 639-1 language code (lower case)");
  p.country = country;
  p.language = language;
  RETURN_IF_ERROR(f.String("name", 200, &p.name, false));
  return p;
}

json EncodeProfile(const Profile& p) {
  return {{"emails", p.emails},
          {"country", p.country ? json(*p.country) : json(nullptr)},
          {"language", p.language ? json(*p.language) : json(nullptr)},
          {"name", p.name}};
}

Result<Justification> DecodeJustification(const json& j) {
  Fields f(j, "justification");
  Justification out;
  RETURN_IF_ERROR(f.Integer("id", 1, INT64_MAX, &out.id, false));
  RETURN_IF_ERROR(f.String("language", 2, &out.language));
  if (!IsLanguageCode(out.language)) return f.Invalid("language", "not an ISO 639-1 language code (lower case)");
  RETURN_IF_ERROR(f.String("title", kMaxTitleChars, &out.title, false));
  RETURN_IF_ERROR(f.String("text", kMaxTextChars, &out.text));
  if (out.text.find_first_not_of(" \t\r\n") == std::string::npos) return f.Invalid("text", "must not be empty");
  RETURN_IF_ERROR(f.Bool("is_default", &out.is_default, false));
  return out;
}

json EncodeJustification(const Justification& j) {
  return {{"id", j.id},           {"language", j.language},     {"title", j.title},          {"text", j.text},
          {"is_default", j.is_default}, {"created_at", j.created_at}, {"updated_at", j.updated_at}};
}

Result<Submission> DecodeSubmission(const json& j) {
  Fields f(j, "submission");
  Submission s;
  RETURN_IF_ERROR(f.String("client_id", 128, &s.client_id));
  if (!IsClientId(s.client_id)) return f.Invalid("client_id", "must be 1-128 letters, digits, '-', '_', '.', ':'");
  RETURN_IF_ERROR(f.Enum("platform", kPlatforms, &s.platform));
  RETURN_IF_ERROR(f.Enum("form_kind", kFormKinds, &s.form_kind));
  RETURN_IF_ERROR(f.String("form_url", 2000, &s.form_url));
  if (!IsMetaFormUrl(s.form_url)) return f.Invalid(
        "form_url", "must be an https URL (no user, port or backslash) on facebook.com, *.facebook.com, "
                    "help.instagram.com, privacycenter.instagram.com or www.instagram.com");
  RETURN_IF_ERROR(f.String("form_id", 32, &s.form_id));
  if (s.form_id.empty() || s.form_id.find_first_not_of("0123456789") != std::string::npos) {
    return f.Invalid("form_id", "must be digits");
  }
  RETURN_IF_ERROR(f.String("account_email", 254, &s.account_email));
  if (!IsEmail(s.account_email)) return f.Invalid("account_email", "not an email address");
  RETURN_IF_ERROR(f.String("country", 2, &s.country));
  if (!IsCountryCode(s.country)) return f.Invalid("country", "not an ISO 3166-1 alpha-2 country code (upper case)");
  RETURN_IF_ERROR(f.String("justification_text", kMaxTextChars, &s.justification_text));
  RETURN_IF_ERROR(f.String("page_language", 2, &s.page_language));
  if (!IsLanguageCode(s.page_language)) return f.Invalid("page_language", "not an ISO 639-1 language code");
  RETURN_IF_ERROR(f.String("browser", 100, &s.browser));
  RETURN_IF_ERROR(f.String("extension_version", 32, &s.extension_version));
  RETURN_IF_ERROR(StatusAndReason(f, &s.status, &s.reason));
  RETURN_IF_ERROR(Time(f, "occurred_at", &s.occurred_at));
  RETURN_IF_ERROR(Offset(f, &s.utc_offset_minutes));
  return s;
}

Result<Event> DecodeEvent(const json& j) {
  Fields f(j, "event");
  Event e;
  RETURN_IF_ERROR(f.String("client_event_id", 128, &e.client_event_id));
  if (!IsClientId(e.client_event_id)) return f.Invalid("client_event_id", "must be 1-128 letters, digits, '-', '_', '.', ':'");
  if (e.client_event_id.rfind("initial:", 0) == 0) return f.Invalid("client_event_id", "the prefix 'initial:' is reserved");
  RETURN_IF_ERROR(f.String("client_id", 128, &e.client_id));
  if (!IsClientId(e.client_id)) return f.Invalid("client_id", "must be 1-128 letters, digits, '-', '_', '.', ':'");
  RETURN_IF_ERROR(StatusAndReason(f, &e.status, &e.reason));
  RETURN_IF_ERROR(Time(f, "occurred_at", &e.occurred_at));
  RETURN_IF_ERROR(Offset(f, &e.utc_offset_minutes));
  return e;
}

Result<HistoryQuery> DecodeHistoryQuery(const json& request) {
  Fields f(request, "");
  HistoryQuery q;
  RETURN_IF_ERROR(f.Integer("offset", 0, INT32_MAX, &q.offset, false));
  RETURN_IF_ERROR(f.Integer("limit", 1, 500, &q.limit, false));
  RETURN_IF_ERROR(f.Enum("platform", kPlatforms, &q.platform, false));
  RETURN_IF_ERROR(f.Enum("status", kStatuses, &q.status, false));
  RETURN_IF_ERROR(f.Enum("form_kind", kFormKinds, &q.form_kind, false));
  RETURN_IF_ERROR(Time(f, "from", &q.from, false));
  RETURN_IF_ERROR(Time(f, "to", &q.to, false));
  return q;
}

json EncodeHistoryItem(const HistoryItem& item) {
  const Submission& s = item.submission;
  json events = json::array();
  for (const auto& e : item.events) {
    events.push_back({{"status", e.status},
                      {"reason", e.reason},
                      {"occurred_at", e.occurred_at},
                      {"utc_offset_minutes", e.utc_offset_minutes}});
  }
  return {{"submission_id", item.submission_id},
          {"client_id", s.client_id},
          {"platform", s.platform},
          {"form_kind", s.form_kind},
          {"form_url", s.form_url},
          {"form_id", s.form_id},
          {"account_email", s.account_email},
          {"country", s.country},
          {"justification_text", s.justification_text},
          {"page_language", s.page_language},
          {"browser", s.browser},
          {"extension_version", s.extension_version},
          {"status", s.status},
          {"reason", s.reason},
          {"occurred_at", s.occurred_at},
          {"utc_offset_minutes", s.utc_offset_minutes},
          {"recorded_at", item.recorded_at},
          {"current_status", item.current_status},
          {"events", events}};
}

json EncodeStats(const Stats& s) {
  return {{"total", s.total},
          {"by_platform", s.by_platform},
          {"by_status", s.by_status},
          {"first_at", s.first_at ? json(*s.first_at) : json(nullptr)},
          {"last_at", s.last_at ? json(*s.last_at) : json(nullptr)}};
}

}  // namespace objector
