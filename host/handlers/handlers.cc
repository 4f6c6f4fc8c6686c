#include "handlers/handlers.h"

#include "base/build_info.h"
#include "base/digest.h"
#include "export/export.h"
#include "handlers/codec.h"
#include "handlers/coverage_handlers.h"
#include "handlers/complaint_handlers.h"
#include "protocol/envelope.h"
#include "protocol/frame.h"
#include "protocol/validate.h"

namespace objector {
namespace {

using nlohmann::json;

#define ASSIGN_OR_RETURN(lhs, expr)          \
  auto lhs##_result = (expr);                \
  if (!lhs##_result.ok()) return lhs##_result.status(); \
  auto& lhs = *lhs##_result

Result<json> Hello(Context& ctx, const json& req) {
  const json* client = nullptr;
  Status s = Fields(req, "").Object("client", &client, false);
  if (!s.ok()) return s;
  json& cached = ctx.hello_cache();
  if (cached.is_null()) {
    json caps = json::array();
    for (const auto& m : MessageTypes()) caps.push_back(m.type);
    cached = json{{"protocol", 1},
                  {"host_version", build::kVersion},
                  {"data_dir", ctx.data_dir()},
                  {"database", ctx.database_path()},
                  {"capabilities", caps},
                  {"max_request_bytes", kMaxRequestBytes},
                  {"max_reply_bytes", kMaxReplyBytes}};
  }
  return cached;
}

Result<json> ProfileGet(Context& ctx, const json&) {
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(profile, store->GetProfile());
  return json{{"profile", EncodeProfile(profile)}};
}

Result<json> ProfileSet(Context& ctx, const json& req) {
  const json* obj = nullptr;
  Status s = Fields(req, "").Object("profile", &obj);
  if (!s.ok()) return s;
  ASSIGN_OR_RETURN(profile, DecodeProfile(*obj));
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(stored, store->SetProfile(profile));
  return json{{"profile", EncodeProfile(stored)}};
}

Result<json> JustificationList(Context& ctx, const json& req) {
  std::string language;
  Fields f(req, "");
  Status s = f.String("language", 2, &language, false);
  if (!s.ok()) return s;
  if (!language.empty() && !IsLanguageCode(language)) return f.Invalid("language", "not an ISO 639-1 language code");
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(list, store->ListJustifications(language));
  json out = json::array();
  for (const auto& j : list) out.push_back(EncodeJustification(j));
  return json{{"justifications", out}};
}

Result<json> JustificationSave(Context& ctx, const json& req) {
  const json* obj = nullptr;
  Status s = Fields(req, "").Object("justification", &obj);
  if (!s.ok()) return s;
  ASSIGN_OR_RETURN(j, DecodeJustification(*obj));
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(saved, store->SaveJustification(j));
  return json{{"justification", EncodeJustification(saved)}};
}

// The envelope's `id` is the request's id, so these name the justification `justification_id`.
Result<json> JustificationDelete(Context& ctx, const json& req) {
  int64_t id = 0;
  Status s = Fields(req, "").Integer("justification_id", 1, INT64_MAX, &id);
  if (!s.ok()) return s;
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  s = store->DeleteJustification(id);
  if (!s.ok()) return s;
  return json{{"deleted", true}};
}

Result<json> JustificationSetDefault(Context& ctx, const json& req) {
  int64_t id = 0;
  Status s = Fields(req, "").Integer("justification_id", 1, INT64_MAX, &id);
  if (!s.ok()) return s;
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(j, store->SetDefaultJustification(id));
  return json{{"justification", EncodeJustification(j)}};
}

Result<json> SubmissionRecord(Context& ctx, const json& req) {
  const json* obj = nullptr;
  Status s = Fields(req, "").Object("submission", &obj);
  if (!s.ok()) return s;
  ASSIGN_OR_RETURN(sub, DecodeSubmission(*obj));
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(outcome, store->RecordSubmission(sub));
  return json{{"submission_id", outcome.id}, {"client_id", sub.client_id}, {"duplicate", outcome.duplicate}};
}

Result<json> SubmissionEvent(Context& ctx, const json& req) {
  const json* obj = nullptr;
  Status s = Fields(req, "").Object("event", &obj);
  if (!s.ok()) return s;
  ASSIGN_OR_RETURN(ev, DecodeEvent(*obj));
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(outcome, store->AppendEvent(ev));
  return json{{"event_id", outcome.id}, {"client_event_id", ev.client_event_id}, {"duplicate", outcome.duplicate}};
}

Result<json> HistoryList(Context& ctx, const json& req) {
  ASSIGN_OR_RETURN(query, DecodeHistoryQuery(req));
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(page, store->ListHistory(query));
  json items = json::array();
  for (const auto& item : page.items) items.push_back(EncodeHistoryItem(item));
  return json{{"total", page.total}, {"items", items}};
}

Result<json> HistoryExport(Context& ctx, const json& req) {
  std::string format;
  Fields f(req, "");
  Status s = f.String("format", 16, &format);
  if (!s.ok()) return s;
  const Exporter* exporter = FindExporter(format);
  if (!exporter) return f.Invalid("format", "must be one of " + ExportFormatList());
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  HistoryQuery all;
  all.limit = -1;
  ASSIGN_OR_RETURN(page, store->ListHistory(all));
  ASSIGN_OR_RETURN(profile, store->GetProfile());
  ExportMeta meta{FormatUtc(ctx.clock().Now()), build::kVersion, profile, "", "", {}, {}};
  ASSIGN_OR_RETURN(links, store->ListLinks());
  meta.links = links;  // the ics export's follow-ups
  ASSIGN_OR_RETURN(verified, store->Verify());
  meta.chain_head = verified.chain_head;
  if (!verified.ok) {
    meta.chain_problem = "submission " + std::to_string(verified.submission_id) + ", event " +
                         std::to_string(verified.event_id) + ": " + verified.what;
  }
  // The snapshots and screenshots the report shows and the bundle carries.
  for (const auto& item : page.items) {
    std::vector<std::string> shas;
    for (const auto& e : item.events) {
      if (!e.evidence.snapshot_sha256.empty()) shas.push_back(e.evidence.snapshot_sha256);
    }
    for (const auto& a : item.attachments) shas.push_back(a.sha256);
    for (const auto& sha : shas) {
      if (meta.blobs.count(sha)) continue;
      auto blob = store->GetBlob(sha);
      if (blob.ok()) meta.blobs[sha] = std::move(*blob);
    }
  }
  std::string date = meta.generated_at.substr(0, 10);
  std::string content = exporter->write(page.items, meta);
  return json{{"format", exporter->format},
              {"mime", exporter->mime},
              {"filename", "objector-history-" + date + "." + exporter->extension},
              {"encoding", exporter->binary ? "base64" : "utf-8"},
              {"content", exporter->binary ? Base64Encode(content) : std::move(content)}};
}

bool IsSha256Hex(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// A screenshot of Meta's answer, kept by its SHA-256 and chained with the submission's events.
Result<json> EvidenceAttach(Context& ctx, const json& req) {
  Fields f(req, "");
  Attachment a;
  Status s = f.String("client_id", 128, &a.client_id);
  if (!s.ok()) return s;
  if (!IsClientId(a.client_id)) return f.Invalid("client_id", "must be 1-128 letters, digits, '-', '_', '.', ':'");
  if (!(s = f.Enum("kind", {"screenshot"}, &a.kind)).ok()) return s;
  if (!(s = f.Enum("mime", {"image/png", "image/jpeg"}, &a.mime)).ok()) return s;
  std::string b64;
  if (!(s = f.String("data_base64", kMaxRequestBytes, &b64)).ok()) return s;
  auto data = Base64Decode(b64);
  if (!data) return f.Invalid("data_base64", "is not standard padded Base64");
  if (data->size() > kMaxAttachmentBytes) {
    return Status(ErrorCode::kTooLong, "data_base64 decodes to more than " + std::to_string(kMaxAttachmentBytes) +
                                           " bytes");
  }
  const bool png = data->rfind("\x89PNG\r\n\x1a\n", 0) == 0;
  const bool jpeg = data->rfind("\xFF\xD8\xFF", 0) == 0;
  if ((a.mime == "image/png" && !png) || (a.mime == "image/jpeg" && !jpeg)) {
    return f.Invalid("data_base64", "is not a " + a.mime + " file");
  }
  a.data = std::move(*data);
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(outcome, store->AttachEvidence(a));
  return json{{"event_id", outcome.id}, {"sha256", Sha256Hex(a.data)}, {"size", a.data.size()},
              {"duplicate", outcome.duplicate}};
}

// A stored snapshot (text/html, returned as text) or screenshot (returned as Base64).
Result<json> EvidenceGet(Context& ctx, const json& req) {
  Fields f(req, "");
  std::string sha;
  Status s = f.String("sha256", 64, &sha);
  if (!s.ok()) return s;
  if (!IsSha256Hex(sha)) return f.Invalid("sha256", "must be 64 lower-case hex digits");
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(blob, store->GetBlob(sha));
  const bool text = blob.mime.rfind("text/", 0) == 0;
  return json{{"sha256", blob.sha256},
              {"mime", blob.mime},
              {"size", blob.content.size()},
              {"encoding", text ? "utf-8" : "base64"},
              {"content", text ? blob.content : Base64Encode(blob.content)}};
}

json EncodeVerify(const VerifyReport& r) {
  json broken = nullptr;
  if (!r.ok) {
    broken = {{"submission_id", r.submission_id}, {"client_id", r.client_id}, {"event_id", r.event_id},
              {"client_event_id", r.client_event_id}, {"what", r.what}};
  }
  return {{"intact", r.ok}, {"events", r.rows}, {"files", r.blobs},
          {"chain_head", r.ok ? json(r.chain_head) : json(nullptr)}, {"broken", broken}};
}

Result<json> HistoryVerify(Context& ctx, const json&) {
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(report, store->Verify());
  return EncodeVerify(report);
}

Result<json> GetStats(Context& ctx, const json&) {
  ASSIGN_OR_RETURN(store, ctx.GetStore());
  ASSIGN_OR_RETURN(stats, store->GetStats());
  return EncodeStats(stats);
}

}  // namespace

const std::vector<MessageType>& MessageTypes() {
  static const std::vector<MessageType> kTypes = {
      {"hello", &Hello},
      {"profile.get", &ProfileGet},
      {"profile.set", &ProfileSet},
      {"justification.list", &JustificationList},
      {"justification.save", &JustificationSave},
      {"justification.delete", &JustificationDelete},
      {"justification.set_default", &JustificationSetDefault},
      {"submission.record", &SubmissionRecord},
      {"submission.event", &SubmissionEvent},
      {"history.list", &HistoryList},
      {"history.export", &HistoryExport},
      {"stats", &GetStats},
      {"evidence.attach", &EvidenceAttach},
      {"evidence.get", &EvidenceGet},
      {"history.verify", &HistoryVerify},
      // Issue 12: accounts, links, coverage and follow-ups, notice rounds (coverage_handlers.cc).
      {"account.list", &AccountListHandler},
      {"account.link", &AccountLinkHandler},
      {"coverage.get", &CoverageGetHandler},
      {"notice.seen", &NoticeSeenHandler},
      {"notice.list", &NoticeListHandler},
      {"authority.list", &AuthorityList},
      {"complaint.render", &ComplaintRender},
  };
  return kTypes;
}

Result<json> Dispatch(Context& ctx, const ParsedRequest& request) {
  for (const auto& m : MessageTypes()) {
    if (request.type == m.type) return m.handler(ctx, request.body);
  }
  std::string shown = request.type.size() > 64 ? request.type.substr(0, 64) + "..." : request.type;
  return Status(ErrorCode::kUnknownType, "unknown message type: " + json(shown).dump(-1, ' ', false, json::error_handler_t::replace));
}

std::vector<std::string> HandleFrame(Context& ctx, std::string_view frame, const Status& caller_status) {
  json id;
  try {
    auto parsed = ParseRequest(frame, &id);
    if (!parsed.ok()) return {ErrorReply(id, parsed.status())};
    if (!caller_status.ok()) return {ErrorReply(id, caller_status)};
    auto result = Dispatch(ctx, *parsed);
    if (!result.ok()) return {ErrorReply(id, result.status())};
    return ReplyFrames(id, *result);
  } catch (const std::exception& e) {
    return {ErrorReply(id, Status(ErrorCode::kInternal, std::string("internal error: ") + e.what()))};
  }
}

}  // namespace objector
