// The printable report: one self-contained HTML file (inline CSS, no scripts, no external
// resources) listing every submission with its dates, form, status timeline and the justification
// exactly as sent, fit to attach to a complaint to a data-protection authority.
#include <string>

#include "base/digest.h"
#include "export/export.h"

namespace objector {

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

std::string Esc(std::string_view s) { return HtmlEscape(s); }

std::string Platform(const std::string& p) { return p == "instagram" ? "Instagram" : p == "facebook" ? "Facebook" : p; }

std::string FormKind(const std::string& k) {
  return k == "third_party" ? "Objection concerning information about me shared by others (third-party information)"
                            : "Objection to the use of my own information";
}

constexpr const char kStyle[] = R"css(
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:11pt;line-height:1.4;margin:2em auto;max-width:50em;color:#111}
h1{font-size:16pt;margin-bottom:.2em}h2{font-size:13pt;margin-top:1.6em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.2em .5em;border:1px solid #bbb}
th{background:#eee;width:14em}.summary th{width:auto}blockquote{white-space:pre-wrap;border-left:3px solid #999;margin:.5em 0;padding:.3em .8em;background:#f7f7f7}
.muted{color:#555;font-size:9pt}section{page-break-inside:avoid}@media print{body{margin:0;max-width:none}}
blockquote.meta{border-left-color:#1b4f9c;background:#eef3fb}.hash{font-family:"DejaVu Sans Mono",monospace;font-size:8pt;word-break:break-all}
iframe.snapshot{width:100%;height:14em;border:1px solid #bbb;background:#fff}img.screenshot{max-width:100%;border:1px solid #bbb}
)css";

void Row(std::string& out, const std::string& label, const std::string& value) {
  out += "<tr><th>" + Esc(label) + "</th><td>" + Esc(value) + "</td></tr>\n";
}

// A snapshot is shown as the page drew it, inert: in a sandboxed frame (no scripts, forms, plugins
// or navigation, an opaque origin) whose document inherits this report's CSP (no loads at all).
std::string SnapshotFrame(const Blob& blob) {
  const std::string doc =
      "<!DOCTYPE html><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
      "'none'; style-src 'unsafe-inline'\"><style>body{font-family:sans-serif;font-size:10pt}</style>" +
      blob.content;
  return "<iframe class=\"snapshot\" sandbox=\"\" title=\"Snapshot of Meta's answer\" srcdoc=\"" + Esc(doc) +
         "\"></iframe>\n";
}

void EvidenceBlock(std::string& out, const Event& e, const ExportMeta& meta) {
  const auto& f = e.evidence.fields;
  auto field = [&](const char* k) {
    auto it = f.find(k);
    return it == f.end() ? std::string() : it->second;
  };
  if (!field("answer_text").empty()) {
    out += "<p>Meta's words, as shown on the page";
    if (!field("found_in").empty()) out += " (" + Esc(field("found_in")) + ")";
    out += ":</p>\n<blockquote class=\"meta\">" + Esc(field("answer_text")) + "</blockquote>\n";
  }
  std::string facts;
  if (!field("send_pressed_at").empty()) facts += "Send pressed (UTC): " + Esc(field("send_pressed_at")) + ". ";
  if (!field("form_origin").empty() || !field("form_path").empty()) {
    facts += "Form: " + Esc(field("form_origin") + field("form_path")) + ". ";
  }
  if (!facts.empty()) out += "<p class=\"muted\">" + facts + "</p>\n";
  if (!e.evidence.snapshot_sha256.empty()) {
    auto it = meta.blobs.find(e.evidence.snapshot_sha256);
    out += "<p class=\"muted\">Snapshot of the answer, SHA-256 <span class=\"hash\">" +
           Esc(e.evidence.snapshot_sha256) + "</span>:</p>\n";
    if (it != meta.blobs.end()) out += SnapshotFrame(it->second);
  }
}

void SubmissionSection(std::string& out, const HistoryItem& item, size_t n, const ExportMeta& meta) {
  const auto& s = item.submission;
  out += "<section>\n<h2>" + std::to_string(n) + ". " + Esc(Platform(s.platform)) + " — " +
         Esc(LocalTimeText(s.occurred_at, s.utc_offset_minutes)) + "</h2>\n<table>\n";
  Row(out, "Sent (UTC)", s.occurred_at);
  Row(out, "Sent (local time)", LocalTimeText(s.occurred_at, s.utc_offset_minutes));
  Row(out, "Platform", Platform(s.platform));
  Row(out, "Form", FormKind(s.form_kind));
  Row(out, "Form address", s.form_url);
  Row(out, "Form number", s.form_id);
  Row(out, "Account email", s.account_email);
  Row(out, "Country of residence", s.country);
  Row(out, "Page language", s.page_language);
  Row(out, "Current status", item.current_status);
  Row(out, "Browser / extension", s.browser + " / Objector " + s.extension_version);
  Row(out, "Recorded by Objector (UTC)", item.recorded_at);
  out += "</table>\n<p><strong>Status timeline</strong></p>\n<ol>\n";
  for (const auto& e : item.events) {
    out += "<li>" + Esc(LocalTimeText(e.occurred_at, e.utc_offset_minutes)) + " — " + Esc(e.status);
    if (!e.reason.empty()) out += " (" + Esc(e.reason) + ")";
    out += " <span class=\"muted\">[" + Esc(e.occurred_at) + "]</span>\n";
    EvidenceBlock(out, e, meta);
    if (!e.content_hash.empty()) {
      out += "<div class=\"muted\">row hash <span class=\"hash\">" + Esc(e.content_hash) + "</span></div>";
    }
    out += "</li>\n";
  }
  out += "</ol>\n";
  for (const auto& a : item.attachments) {
    out += "<p><strong>Screenshot saved as evidence</strong> <span class=\"muted\">(" + Esc(a.recorded_at) +
           " UTC, SHA-256 <span class=\"hash\">" + Esc(a.sha256) + "</span>)</span></p>\n";
    auto it = meta.blobs.find(a.sha256);
    if (it != meta.blobs.end() && (a.mime == "image/png" || a.mime == "image/jpeg")) {
      out += "<img class=\"screenshot\" alt=\"Screenshot of Meta's answer\" src=\"data:" + a.mime + ";base64," +
             Base64Encode(it->second.content) + "\">\n";
    }
  }
  out += "<p><strong>Justification, exactly as sent</strong></p>\n";
  out += s.justification_text.empty() ? "<p class=\"muted\">(no text was sent)</p>\n"
                                      : "<blockquote>" + Esc(s.justification_text) + "</blockquote>\n";
  out += "</section>\n";
}

}  // namespace

std::string ExportHtml(const std::vector<HistoryItem>& items, const ExportMeta& meta) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">\n"
      "<title>Record of objections to Meta's use of personal data for AI</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<h1>Record of objections to Meta's use of personal data for AI</h1>\n";
  out += "<p class=\"muted\">Generated " + Esc(meta.generated_at) + " (UTC) by Objector " + Esc(meta.host_version) +
         " from the history it kept on this computer at the time of each submission.</p>\n";
  out += "<table>\n";
  Row(out, "Name", meta.profile.name.empty() ? "—" : meta.profile.name);
  std::string emails;
  for (const auto& e : meta.profile.emails) emails += (emails.empty() ? "" : ", ") + e;
  Row(out, "Email addresses", emails.empty() ? "—" : emails);
  Row(out, "Country of residence", meta.profile.country.value_or("—"));
  Row(out, "Number of submissions", std::to_string(items.size()));
  out += "</table>\n";
  if (!meta.chain_head.empty() || !meta.chain_problem.empty()) {
    out += "<p class=\"muted\">Every event is hash-chained (SHA-256, see Objector's PROTOCOL.md). ";
    if (meta.chain_problem.empty()) {
      out += "Chain head at this export, verified: <span class=\"hash\">" + Esc(meta.chain_head) + "</span>";
    } else {
      out += "<strong>The history did not verify:</strong> " + Esc(meta.chain_problem);
    }
    out += "</p>\n";
  }
  if (items.empty()) {
    out += "<p>No submission has been recorded.</p>\n";
  } else {
    out += "<h2>Summary</h2>\n<table class=\"summary\">\n<tr><th>#</th><th>Sent (local time)</th><th>Platform</th>"
           "<th>Form</th><th>Status</th></tr>\n";
    for (size_t i = 0; i < items.size(); ++i) {
      const auto& s = items[i].submission;
      out += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + Esc(LocalTimeText(s.occurred_at, s.utc_offset_minutes)) +
             "</td><td>" + Esc(Platform(s.platform)) + "</td><td>" + Esc(s.form_id) + "</td><td>" +
             Esc(items[i].current_status) + "</td></tr>\n";
    }
    out += "</table>\n";
    for (size_t i = 0; i < items.size(); ++i) SubmissionSection(out, items[i], i + 1, meta);
  }
  out += "<p class=\"muted\">Times are shown in the sender's local time with their offset from UTC, and in UTC.</p>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace objector
