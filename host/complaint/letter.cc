#include "complaint/letter.h"

#include "complaint/letter_strings.h"
#include "export/export.h"

namespace objector {
namespace {

std::string Esc(const std::string& s) { return HtmlEscape(s); }

constexpr const char kLetterStyle[] = R"css(
.letter{margin-bottom:2em}.letter p{margin:.8em 0}.sender,.recipient{margin:0 0 1.5em 0}
.recipient{margin-top:1em;font-size:12pt}.subject{font-weight:bold;margin-top:1.5em}.signature{margin-top:3em}
.note{border:2px solid #1b4f9c;background:#eef3fb;padding:.6em 1em;margin-bottom:2em}.note h2{border:0;margin:0 0 .3em 0}
.url{word-break:break-all}.attachment{page-break-before:always;break-before:page}
.attachment-title{font-size:13pt;font-weight:bold}@media print{.note{display:none}}
)css";

const char* StatusText(const LetterStrings& t, const std::string& status) {
  if (status == "submitted") return t.status_submitted;
  if (status == "awaiting-code") return t.status_awaiting_code;
  if (status == "confirmed") return t.status_confirmed;
  if (status == "failed") return t.status_failed;
  return nullptr;
}

std::string Platform(const std::string& p) { return p == "instagram" ? "Instagram" : p == "facebook" ? "Facebook" : p; }

// Meta's latest words about this submission, as the extension read them off the page.
std::string LatestAnswer(const HistoryItem& item) {
  for (auto e = item.events.rbegin(); e != item.events.rend(); ++e) {
    auto it = e->evidence.fields.find("answer_text");
    if (it != e->evidence.fields.end() && !it->second.empty()) return it->second;
  }
  return "";
}

void Note(std::string& out, const LetterStrings& t, const Authority& a) {
  out += "<aside class=\"note\">\n<h2>" + Esc(t.note_title) + "</h2>\n<p>" + Esc(t.note_text) +
         " <span class=\"url\">" + Esc(a.web_form_url) + "</span></p>\n<p>" + Esc(t.note_attach) + "</p>\n";
  if (!a.verified) {
    out += "<p>" + Esc(t.note_unverified) + " <span class=\"url\">" + Esc(a.source_url) + "</span></p>\n";
  }
  out += "<p class=\"muted\">" + Esc(t.note_print) + "</p>\n</aside>\n";
}

void Addresses(std::string& out, const LetterStrings& t, const ExportMeta& meta, const Authority& a) {
  const Profile& p = meta.profile;
  out += "<div class=\"sender\"><strong>" + Esc(t.from) + ":</strong><br>\n";
  if (!p.name.empty()) out += Esc(p.name) + "<br>\n";
  for (const auto& e : p.emails) out += Esc(t.email) + ": " + Esc(e) + "<br>\n";
  if (p.country) out += Esc(t.country) + ": " + Esc(*p.country) + "<br>\n";
  out += "</div>\n<div class=\"recipient\"><strong>" + Esc(t.to) + ":</strong><br>\n" + Esc(a.name) + "<br>\n";
  // The last line names the country: left out when the letter stays in the sender's country.
  size_t lines = a.address.size();
  if (p.country && *p.country == a.country && lines > 1) --lines;
  for (size_t i = 0; i < lines; ++i) out += Esc(a.address[i]) + "<br>\n";
  out += "</div>\n<p>" + Esc(t.date) + ": " + Esc(meta.generated_at.substr(0, 10)) + "</p>\n";
}

void Objections(std::string& out, const LetterStrings& t, const std::vector<HistoryItem>& items) {
  if (items.empty()) {
    out += "<p><strong>" + Esc(t.none_recorded) + "</strong></p>\n";
    return;
  }
  out += "<p>" + Esc(t.list_intro) + "</p>\n<table class=\"summary objections\">\n<tr><th>" + Esc(t.col_date) +
         "</th><th>" + Esc(t.col_platform) + "</th><th>" + Esc(t.col_form) + "</th><th>" + Esc(t.col_status) +
         "</th><th>" + Esc(t.col_answer) + "</th></tr>\n";
  // Oldest first: the order in which they were sent.
  for (auto it = items.rbegin(); it != items.rend(); ++it) {
    const Submission& s = it->submission;
    const char* status = StatusText(t, it->current_status);
    const std::string answer = LatestAnswer(*it);
    out += "<tr><td>" + Esc(LocalTimeText(s.occurred_at, s.utc_offset_minutes)) + "</td><td>" +
           Esc(Platform(s.platform)) + "<br><span class=\"muted\">" + Esc(s.account_email) + "</span></td><td>" +
           Esc(s.form_kind == "third_party" ? t.form_third_party : t.form_own) + "</td><td>" +
           Esc(status ? status : it->current_status) + "</td><td>" +
           (answer.empty() ? "<span class=\"muted\">" + Esc(t.no_answer) + "</span>"
                           : "<blockquote class=\"meta\">" + Esc(answer) + "</blockquote>") +
           "</td></tr>\n";
  }
  out += "</table>\n";
}

// The report's own style and body, taken from the html export so the two never drift apart.
void Between(const std::string& doc, const std::string& open, const std::string& close, std::string* out) {
  size_t from = doc.find(open);
  size_t to = doc.rfind(close);
  if (from == std::string::npos || to == std::string::npos || to < from) return;
  from += open.size();
  *out = doc.substr(from, to - from);
}

}  // namespace

bool IsLetterLanguage(const std::string& language) { return FindLetterStrings(language) != nullptr; }

std::string LetterLanguageList() { return LetterLanguages(); }

std::string ChooseLetterLanguage(const std::string& requested, const std::optional<std::string>& profile_language) {
  if (IsLetterLanguage(requested)) return requested;
  if (requested.empty() && profile_language && IsLetterLanguage(*profile_language)) return *profile_language;
  return "en";
}

std::string ComplaintFileName(const Authority& authority, const std::string& generated_at) {
  std::string where = authority.country + (authority.region.empty() ? "" : "-" + authority.region);
  return "objector-complaint-" + where + "-" + generated_at.substr(0, 10) + ".html";
}

std::string RenderComplaint(const std::vector<HistoryItem>& items, const ExportMeta& meta, const Authority& authority,
                            const std::string& language) {
  const LetterStrings* found = FindLetterStrings(language, authority.country);
  const LetterStrings& t = *(found ? found : FindLetterStrings("en"));
  const std::string report = ExportHtml(items, meta);
  std::string report_style, report_body;
  Between(report, "<style>", "</style>", &report_style);
  Between(report, "<body>\n", "</body>", &report_body);

  std::string out = "<!DOCTYPE html>\n<html lang=\"" + Esc(t.language) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                    "'unsafe-inline'; img-src data:\">\n<title>" +
                    Esc(t.title) + "</title>\n<style>" + report_style + kLetterStyle + "</style>\n</head>\n<body>\n";
  Note(out, t, authority);
  out += "<article class=\"letter\">\n";
  Addresses(out, t, meta, authority);
  out += "<p class=\"subject\">" + Esc(t.subject) + "</p>\n<p>" + Esc(t.salutation) + "</p>\n<p>" + Esc(t.intro) +
         "</p>\n";
  Objections(out, t, items);
  out += "<p>" + Esc(t.request) + "</p>\n<p>";
  if (meta.chain_problem.empty()) {
    out += Esc(t.chain_head) + ": <span class=\"hash\">" + Esc(meta.chain_head) + "</span>. " + Esc(t.chain_after);
  } else {
    out += Esc(t.chain_broken) + " " + Esc(meta.chain_problem);
  }
  out += "</p>\n<p><strong>" + Esc(t.attached) + "</strong></p>\n<p>" + Esc(t.closing) +
         "</p>\n<p class=\"signature\">" + (meta.profile.name.empty() ? "" : Esc(meta.profile.name) + "<br>\n") +
         "<span class=\"muted\">" + Esc(t.signature) + "</span></p>\n</article>\n";
  out += "<div class=\"attachment\" lang=\"en\">\n<p class=\"attachment-title\">" + Esc(t.attachment_title) +
         "</p>\n" + report_body + "</div>\n</body>\n</html>\n";
  return out;
}

}  // namespace objector
