#include "handlers/complaint_handlers.h"

#include "base/build_info.h"
#include "base/clock.h"
#include "complaint/authorities.h"
#include "complaint/letter.h"
#include "protocol/validate.h"

namespace objector {
namespace {

using nlohmann::json;

// The history, profile, chain head and evidence files, as the html export gets them.
Status LoadEvidence(Context& ctx, std::vector<HistoryItem>* items, ExportMeta* meta) {
  auto store = ctx.GetStore();
  if (!store.ok()) return store.status();
  HistoryQuery all;
  all.limit = -1;
  auto page = (*store)->ListHistory(all);
  if (!page.ok()) return page.status();
  auto profile = (*store)->GetProfile();
  if (!profile.ok()) return profile.status();
  auto verified = (*store)->Verify();
  if (!verified.ok()) return verified.status();
  *meta = ExportMeta{FormatUtc(ctx.clock().Now()), build::kVersion, *profile, verified->chain_head, "", {}, {}};
  if (!verified->ok) {
    meta->chain_problem = "submission " + std::to_string(verified->submission_id) + ", event " +
                          std::to_string(verified->event_id) + ": " + verified->what;
  }
  for (const auto& item : page->items) {
    std::vector<std::string> shas;
    for (const auto& e : item.events) {
      if (!e.evidence.snapshot_sha256.empty()) shas.push_back(e.evidence.snapshot_sha256);
    }
    for (const auto& a : item.attachments) shas.push_back(a.sha256);
    for (const auto& sha : shas) {
      if (meta->blobs.count(sha)) continue;
      auto blob = (*store)->GetBlob(sha);
      if (blob.ok()) meta->blobs[sha] = std::move(*blob);
    }
  }
  *items = std::move(page->items);
  return Status::Ok();
}

}  // namespace

Result<json> AuthorityList(Context&, const json& req) {
  std::string country;
  Status s = Fields(req, "").String("country", 2, &country, false);
  if (!s.ok()) return s;
  auto list = ListAuthorities(country);
  if (!list.ok()) return list.status();
  json out = json::array();
  for (const Authority* a : *list) out.push_back(EncodeAuthority(*a));
  return json{{"authorities", out}};
}

Result<json> ComplaintRender(Context& ctx, const json& req) {
  Fields f(req, "");
  std::string country, region, language;
  Status s = f.String("country", 2, &country);
  if (s.ok()) s = f.String("region", 3, &region, false);
  if (s.ok()) s = f.String("language", 2, &language, false);
  if (!s.ok()) return s;
  if (!language.empty() && !IsLanguageCode(language)) {
    return f.Invalid("language", "not an ISO 639-1 language code (letters are written in " + LetterLanguageList() +
                                     "; any other is written in en)");
  }
  auto authority = FindAuthority(country, region);
  if (!authority.ok()) return authority.status();
  std::vector<HistoryItem> items;
  ExportMeta meta;
  s = LoadEvidence(ctx, &items, &meta);
  if (!s.ok()) return s;
  // The ICO gets the UK letter, in English, whatever the language asked for.
  const std::string used = (*authority)->country == "GB" ? "en" : ChooseLetterLanguage(language, meta.profile.language);
  return json{{"format", "html"},
              {"mime", "text/html; charset=utf-8"},
              {"filename", ComplaintFileName(**authority, meta.generated_at)},
              {"encoding", "utf-8"},
              {"content", RenderComplaint(items, meta, **authority, used)},
              {"authority", EncodeAuthority(**authority)},
              {"language", used}};
}

}  // namespace objector
