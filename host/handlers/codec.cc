#include "handlers/codec.h"

#include <algorithm>
#include <iterator>

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

bool IsDigits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// `/help/contact/<digits>` (Facebook) or `/contact/<digits>` (help.instagram.com).
bool IsFormPath(const std::string& p) {
  for (const char* prefix : {"/help/contact/", "/contact/"}) {
    std::string pre(prefix);
    if (p.rfind(pre, 0) == 0 && IsDigits(p.substr(pre.size()))) return true;
  }
  return false;
}

// The optional `evidence` member of a submission or event (PROTOCOL.md, "evidence").
Status DecodeEvidence(const Fields& parent, Evidence* out) {
  const json* obj = nullptr;
  RETURN_IF_ERROR(parent.Object("evidence", &obj, false));
  if (!obj) return Status::Ok();
  Fields f(*obj, parent.Name("evidence"));
  static const char* const kMembers[] = {"answer_text", "found_in", "send_pressed_at", "form_origin", "form_path",
                                         "snapshot"};
  for (const auto& [key, value] : obj->items()) {
    if (std::find_if(std::begin(kMembers), std::end(kMembers), [&](const char* m) { return key == m; }) ==
        std::end(kMembers)) {
      std::string shown = key.size() > 64 ? key.substr(0, 64) + "..." : key;
      return Status(ErrorCode::kInvalidValue,
                    f.Name("") + " has an unknown member " +
                        json(shown).dump(-1, ' ', false, json::error_handler_t::replace));
    }
  }
  std::string v;
  auto present = [&](const char* name) { return obj->contains(name) && !(*obj)[name].is_null(); };
  auto take = [&](const char* name) {
    if (present(name)) out->fields[name] = v;
  };
  RETURN_IF_ERROR(f.String("answer_text", kMaxAnswerChars, &v, false));
  take("answer_text");
  v.clear();
  RETURN_IF_ERROR(f.String("found_in", 200, &v, false));
  take("found_in");
  v.clear();
  RETURN_IF_ERROR(Time(f, "send_pressed_at", &v, false));
  take("send_pressed_at");
  v.clear();
  RETURN_IF_ERROR(f.String("form_origin", 300, &v, false));
  if (present("form_origin")) {
    auto url = ParseHttpsUrl(v);
    if (!url || !IsMetaHost(url->host) || v != "https://" + url->host) {
      return f.Invalid("form_origin", "must be https://<a Meta host> (scheme and host only, lower case)");
    }
  }
  take("form_origin");
  v.clear();
  RETURN_IF_ERROR(f.String("form_path", 200, &v, false));
  if (present("form_path") && !IsFormPath(v)) {
    return f.Invalid("form_path", "must be /help/contact/<digits> or /contact/<digits> (path only, no query)");
  }
  take("form_path");
  v.clear();
  RETURN_IF_ERROR(f.String("snapshot", kMaxSnapshotBytes, &v, false));
  if (v.size() > kMaxSnapshotBytes) {
    return Status(ErrorCode::kTooLong, f.Name("snapshot") + " is larger than " + std::to_string(kMaxSnapshotBytes) +
                                           " bytes");
  }
  if (present("snapshot")) out->snapshot = v;
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
  RETURN_IF_ERROR(DecodeEvidence(f, &s.evidence));
  return s;
}

Result<Event> DecodeEvent(const json& j) {
  Fields f(j, "event");
  Event e;
  RETURN_IF_ERROR(f.String("client_event_id", 128, &e.client_event_id));
  if (!IsClientId(e.client_event_id)) return f.Invalid("client_event_id", "must be 1-128 letters, digits, '-', '_', '.', ':'");
  if (e.client_event_id.rfind("initial:", 0) == 0 || e.client_event_id.rfind("attachment:", 0) == 0) {
    return f.Invalid("client_event_id", "the prefixes 'initial:' and 'attachment:' are reserved");
  }
  RETURN_IF_ERROR(f.String("client_id", 128, &e.client_id));
  if (!IsClientId(e.client_id)) return f.Invalid("client_id", "must be 1-128 letters, digits, '-', '_', '.', ':'");
  RETURN_IF_ERROR(StatusAndReason(f, &e.status, &e.reason));
  RETURN_IF_ERROR(Time(f, "occurred_at", &e.occurred_at));
  RETURN_IF_ERROR(Offset(f, &e.utc_offset_minutes));
  RETURN_IF_ERROR(DecodeEvidence(f, &e.evidence));
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

json EncodeEvidence(const Evidence& e) {
  json j = json::object();
  for (const auto& [k, v] : e.fields) j[k] = v;
  if (!e.snapshot_sha256.empty()) j["snapshot_sha256"] = e.snapshot_sha256;
  return j;
}

json EncodeHistoryItem(const HistoryItem& item) {
  const Submission& s = item.submission;
  json events = json::array();
  for (const auto& e : item.events) {
    json ev = {{"event_id", e.event_id},
               {"client_event_id", e.client_event_id},
               {"status", e.status},
               {"reason", e.reason},
               {"occurred_at", e.occurred_at},
               {"utc_offset_minutes", e.utc_offset_minutes},
               {"recorded_at", e.recorded_at},
               {"content_hash", e.content_hash},
               {"prev_hash", e.prev_hash}};
    if (!e.evidence.empty()) ev["evidence"] = EncodeEvidence(e.evidence);
    events.push_back(std::move(ev));
  }
  json attachments = json::array();
  for (const auto& a : item.attachments) {
    attachments.push_back({{"event_id", a.event_id},
                           {"kind", a.kind},
                           {"mime", a.mime},
                           {"sha256", a.sha256},
                           {"size", a.size},
                           {"recorded_at", a.recorded_at},
                           {"content_hash", a.content_hash},
                           {"prev_hash", a.prev_hash}});
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
          {"events", events},
          {"attachments", attachments}};
}

json EncodeStats(const Stats& s) {
  return {{"total", s.total},
          {"by_platform", s.by_platform},
          {"by_status", s.by_status},
          {"first_at", s.first_at ? json(*s.first_at) : json(nullptr)},
          {"last_at", s.last_at ? json(*s.last_at) : json(nullptr)}};
}

}  // namespace objector
