#include "agent/dashboard_pages.h"

#include <cctype>
#include <cstdlib>
#include <set>

#include "base/digest.h"
#include "export/export.h"

namespace objector {
namespace {

using nlohmann::json;

// The text with "{1}" and "{2}" replaced by already escaped HTML (one pass: a value is never re-scanned).
std::string Fill(int lang, Str s, const std::string& a = "", const std::string& b = "") {
  std::string text = Esc(Text(lang, s)), out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "{1}") == 0 || text.compare(i, 3, "{2}") == 0) {
      out += text[i + 1] == '1' ? a : b;
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string T(int lang, Str s) { return Esc(Text(lang, s)); }

std::string Str_(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string Num(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? std::to_string(it->get<int64_t>()) : "0";
}

// "2026-11-25 16:54 UTC" from a UTC time; the text as is (escaped) when it is not one.
std::string UtcText(const std::string& utc) {
  if (utc.size() >= 16 && utc[10] == 'T') return Esc(utc.substr(0, 10) + " " + utc.substr(11, 5) + " UTC");
  return Esc(utc);
}

std::string PlatformName(const std::string& p) {
  if (p == "facebook") return "Facebook";
  if (p == "instagram") return "Instagram";
  return Esc(p);
}

std::string FormName(int lang, const std::string& kind) {
  if (kind == "own") return T(lang, Str::kFormOwn);
  if (kind == "third_party") return T(lang, Str::kFormThirdParty);
  return Esc(kind);
}

std::string StatusName(int lang, const std::string& status) {
  if (status == "submitted") return T(lang, Str::kStatusSubmitted);
  if (status == "awaiting-code") return T(lang, Str::kStatusAwaitingCode);
  if (status == "confirmed") return T(lang, Str::kStatusConfirmed);
  if (status == "failed") return T(lang, Str::kStatusFailed);
  return Esc(status);
}

enum class Nav { kCoverage, kHistory, kReport, kExport, kVerify, kNone };

std::string Layout(int lang, const std::string& title, Nav active, const std::string& body) {
  struct Link {
    Nav nav;
    const char* href;
    Str text;
  };
  static const Link kLinks[] = {{Nav::kCoverage, "/", Str::kNavCoverage},
                                {Nav::kHistory, "/history", Str::kNavHistory},
                                {Nav::kReport, "/report", Str::kNavReport},
                                {Nav::kExport, "/export", Str::kNavExport},
                                {Nav::kVerify, "/verify", Str::kNavVerify}};
  std::string nav;
  if (active != Nav::kNone) {
    nav = "<nav aria-label=\"" + T(lang, Str::kAppName) + "\"><ul>";
    for (const auto& l : kLinks) {
      nav += std::string("<li><a href=\"") + l.href + "\"" + (l.nav == active ? " aria-current=\"page\"" : "") + ">" +
             T(lang, l.text) + "</a></li>";
    }
    nav += "</ul></nav>";
  }
  return std::string("<!DOCTYPE html>\n<html lang=\"") + kDashboardLanguages[lang] +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n<title>" +
         title + " – " + T(lang, Str::kAppName) + "</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n" +
         "<body>\n<header><p class=\"brand\">" + T(lang, Str::kAppName) + "</p>" + nav + "</header>\n<main>\n<h1>" +
         title + "</h1>\n" + body + "</main>\n</body>\n</html>\n";
}

std::string StateText(int lang, const json& row) {
  static const std::pair<const char*, Str> kStates[] = {
      {"none", Str::kStateNone},           {"submitted", Str::kStateSubmitted},
      {"stalled", Str::kStateStalled},     {"awaiting-code", Str::kStateAwaitingCode},
      {"code-expired", Str::kStateCodeExpired}, {"confirmed", Str::kStateConfirmed},
      {"failed", Str::kStateFailed}};
  std::string state = Str_(row, "state");
  if (state == "covered") {
    const json& by = row.value("covered_through", json());
    std::string who = by.is_object() ? PlatformName(Str_(by, "platform")) + " " + Esc(Str_(by, "email")) : "";
    return Fill(lang, Str::kStateCovered, who);
  }
  for (const auto& [name, s] : kStates) {
    if (state == name) return T(lang, s);
  }
  return Esc(state);
}

std::string TodoText(int lang, const std::string& todo) {
  static const std::pair<const char*, Str> kTodos[] = {
      {"object", Str::kTodoObject},        {"optional", Str::kTodoOptional},
      {"enter-code", Str::kTodoEnterCode}, {"object-again", Str::kTodoObjectAgain},
      {"check-email", Str::kTodoCheckEmail}, {"wait", Str::kTodoWait},
      {"none", Str::kTodoNone}};
  for (const auto& [name, s] : kTodos) {
    if (todo == name) return T(lang, s);
  }
  return Esc(todo);
}

std::string HeaderRow(int lang, std::initializer_list<Str> cols) {
  std::string out = "<thead><tr>";
  for (Str c : cols) out += "<th scope=\"col\">" + T(lang, c) + "</th>";
  return out + "</tr></thead>\n";
}

std::string Cells(std::initializer_list<std::string> cells) {
  std::string out = "<tr>";
  for (const auto& c : cells) out += "<td>" + c + "</td>";
  return out + "</tr>\n";
}

}  // namespace

std::string Esc(std::string_view s) { return HtmlEscape(s); }

int PickLanguage(std::string_view header) {
  int best = 0;
  double best_q = 0;
  size_t pos = 0;
  while (pos <= header.size()) {
    size_t end = header.find(',', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(pos, end - pos);
    pos = end + 1;
    std::string tag;
    size_t i = 0;
    while (i < item.size() && item[i] == ' ') ++i;
    while (i < item.size() && std::isalpha(static_cast<unsigned char>(item[i]))) {
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(item[i++])));
    }
    double q = 1;
    size_t qat = item.find(";q=");
    if (qat != std::string_view::npos) q = std::strtod(std::string(item.substr(qat + 3)).c_str(), nullptr);
    for (int l = 0; l < kDashboardLanguageCount; ++l) {
      if (tag == kDashboardLanguages[l] && q > best_q) {
        best = l;
        best_q = q;
      }
    }
  }
  return best;
}

std::string InlineStyleHashes(const std::string& html) {
  std::set<std::string> hashes;
  auto collect = [&](const std::string& open, const std::string& close, bool escaped) {
    for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at)) {
      size_t start = at + open.size(), end = html.find(close, start);
      if (end == std::string::npos) break;
      std::string css = html.substr(start, end - start);
      if (escaped) {  // an srcdoc attribute: the iframe's document is the attribute's decoded value
        static const std::pair<const char*, const char*> kEntities[] = {
            {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
        for (const auto& [entity, ch] : kEntities) {
          for (size_t e = css.find(entity); e != std::string::npos; e = css.find(entity, e + 1)) {
            css.replace(e, std::string(entity).size(), ch);
          }
        }
      }
      std::string hex = Sha256Hex(css), raw;
      for (size_t i = 0; i + 1 < hex.size(); i += 2) raw += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
      hashes.insert("'sha256-" + Base64Encode(raw) + "'");
      at = end + close.size();
    }
  };
  collect("<style>", "</style>", false);
  collect("&lt;style&gt;", "&lt;/style&gt;", true);
  std::string out;
  for (const auto& h : hashes) out += (out.empty() ? "" : " ") + h;
  return out;
}

std::string PageCoverage(int lang, const json& coverage) {
  std::string body = "<p class=\"hint\">" + T(lang, Str::kCoverageIntro) + "</p>\n";
  const json& rows = coverage.value("rows", json::array());
  if (rows.empty()) {
    body += "<p>" + T(lang, Str::kNoAccounts) + "</p>\n";
  } else {
    body += "<table>\n" + HeaderRow(lang, {Str::kColAccount, Str::kColPlatform, Str::kColForm, Str::kColState,
                                           Str::kColWhen, Str::kColTodo}) + "<tbody>\n";
    for (const auto& row : rows) {
      std::string todo = Str_(row, "todo");
      body += "<tr class=\"todo-" + Esc(todo) + "\"><td>" + Esc(Str_(row, "account_email")) + "</td><td>" +
              PlatformName(Str_(row, "platform")) + "</td><td>" + FormName(lang, Str_(row, "form_kind")) + "</td><td>" +
              StateText(lang, row) + "</td><td>" + UtcText(Str_(row, "last_at")) + "</td><td>" + TodoText(lang, todo) +
              "</td></tr>\n";
    }
    body += "</tbody>\n</table>\n";
  }
  const json& follow = coverage.value("follow_ups", json::array());
  if (!follow.empty()) {
    body += "<h2>" + T(lang, Str::kFollowUpsHeading) + "</h2>\n<table>\n" +
            HeaderRow(lang, {Str::kColAccount, Str::kColPlatform, Str::kColForm, Str::kColState, Str::kColDue}) +
            "<tbody>\n";
    for (const auto& f : follow) {
      Str what = Str_(f, "kind") == "code-expired" ? Str::kFollowCodeExpired : Str::kFollowNoConfirmation;
      bool due = f.value("due", false);
      body += Cells({Esc(Str_(f, "account_email")), PlatformName(Str_(f, "platform")),
                     FormName(lang, Str_(f, "form_kind")), T(lang, what),
                     UtcText(Str_(f, "due_at")) + (due ? " <strong>" + T(lang, Str::kDueNow) + "</strong>" : "")});
    }
    body += "</tbody>\n</table>\n";
  }
  body += "<p class=\"hint\">" + UtcText(Str_(coverage, "generated_at")) + "</p>\n";
  return Layout(lang, T(lang, Str::kCoverageHeading), Nav::kCoverage, body);
}

std::string PageSummary(int lang, const json& stats) {
  int64_t total = stats.value("total", int64_t{0});
  std::string body = "<p>" + (total == 1 ? T(lang, Str::kHistoryCountOne) : Fill(lang, Str::kHistoryCount, Num(stats, "total"))) +
                     "</p>\n";
  if (total > 0) {
    body += "<table>\n" + HeaderRow(lang, {Str::kColState, Str::kHistoryCount}) + "<tbody>\n";
    const json by_status = stats.value("by_status", json::object());
    for (const auto& [status, n] : by_status.items()) {
      body += Cells({StatusName(lang, status), n.is_number_integer() ? std::to_string(n.get<int64_t>()) : "0"});
    }
    body += "</tbody>\n</table>\n<table>\n" + HeaderRow(lang, {Str::kColPlatform, Str::kHistoryCount}) + "<tbody>\n";
    const json by_platform = stats.value("by_platform", json::object());
    for (const auto& [platform, n] : by_platform.items()) {
      body += Cells({PlatformName(platform), n.is_number_integer() ? std::to_string(n.get<int64_t>()) : "0"});
    }
    body += "</tbody>\n</table>\n<dl>\n<dt>" + T(lang, Str::kSummaryFirst) + "</dt><dd>" +
            UtcText(Str_(stats, "first_at")) + "</dd>\n<dt>" + T(lang, Str::kSummaryLast) + "</dt><dd>" +
            UtcText(Str_(stats, "last_at")) + "</dd>\n</dl>\n";
  }
  return Layout(lang, T(lang, Str::kSummaryHeading), Nav::kCoverage, body);
}

std::string PageHistory(int lang, const json& list, int offset, int limit) {
  int64_t total = list.value("total", int64_t{0});
  const json& items = list.value("items", json::array());
  std::string body;
  if (total == 0) {
    body = "<p>" + T(lang, Str::kHistoryEmpty) + "</p>\n";
    return Layout(lang, T(lang, Str::kNavHistory), Nav::kHistory, body);
  }
  body = "<p>" + (total == 1 ? T(lang, Str::kHistoryCountOne) : Fill(lang, Str::kHistoryCount, std::to_string(total))) +
         "</p>\n<table>\n" +
         HeaderRow(lang, {Str::kColWhen, Str::kColPlatform, Str::kColForm, Str::kColEmail, Str::kColState}) +
         "<tbody>\n";
  for (const auto& item : items) {
    std::string timeline;
    for (const auto& e : item.value("events", json::array())) {
      std::string reason = Str_(e, "reason");
      timeline += "<li>" + StatusName(lang, Str_(e, "status")) + " · " +
                  Esc(LocalTimeText(Str_(e, "occurred_at"), e.value("utc_offset_minutes", 0))) +
                  (reason.empty() ? "" : " · <q>" + Esc(reason) + "</q>") + "</li>";
    }
    body += Cells({Esc(LocalTimeText(Str_(item, "occurred_at"), item.value("utc_offset_minutes", 0))),
                   PlatformName(Str_(item, "platform")), FormName(lang, Str_(item, "form_kind")),
                   Esc(Str_(item, "account_email")),
                   "<strong>" + StatusName(lang, Str_(item, "current_status")) + "</strong><ol class=\"timeline\">" +
                       timeline + "</ol>"});
  }
  body += "</tbody>\n</table>\n<p class=\"row\">";
  if (offset > 0) {
    body += "<a class=\"button\" href=\"/history?offset=" + std::to_string(offset > limit ? offset - limit : 0) +
            "\">" + T(lang, Str::kHistoryNewer) + "</a>";
  }
  if (offset + static_cast<int64_t>(items.size()) < total) {
    body += "<a class=\"button\" href=\"/history?offset=" + std::to_string(offset + limit) + "\">" +
            T(lang, Str::kHistoryOlder) + "</a>";
  }
  body += "</p>\n";
  return Layout(lang, T(lang, Str::kNavHistory), Nav::kHistory, body);
}

std::string PageExport(int lang, bool with_ics) {
  std::string body = "<p class=\"hint\">" + T(lang, Str::kExportHint) + "</p>\n<ul class=\"downloads\">\n";
  std::vector<std::pair<const char*, Str>> links = {{"csv", Str::kExportCsv},
                                                    {"json", Str::kExportJson},
                                                    {"html", Str::kExportHtml},
                                                    {"bundle", Str::kExportBundle}};
  if (with_ics) links.push_back({"ics", Str::kExportIcs});
  for (const auto& [format, text] : links) {
    body += std::string("<li><a class=\"button\" href=\"/export/") + format + "\">" + T(lang, text) + "</a></li>\n";
  }
  body += "</ul>\n";
  return Layout(lang, T(lang, Str::kExportHeading), Nav::kExport, body);
}

std::string PageVerify(int lang, const json& verify) {
  std::string body = "<p class=\"hint\">" + T(lang, Str::kVerifyHint) + "</p>\n";
  if (verify.value("intact", false)) {
    body += "<p class=\"ok\"><strong>" + Fill(lang, Str::kVerifyIntact, Num(verify, "events"), Num(verify, "files")) +
            "</strong></p>\n<p>" + T(lang, Str::kChainHead) + ": <code class=\"command\">" +
            Esc(Str_(verify, "chain_head")) + "</code></p>\n";
  } else {
    const json& b = verify.value("broken", json::object());
    std::string where;
    if (b.is_object()) {
      where = Esc(Str_(b, "what"));
      if (b.value("event_id", int64_t{0}) > 0) where = "#" + Num(b, "event_id") + " (" + Esc(Str_(b, "client_event_id")) + "): " + where;
    }
    body += "<p class=\"error\"><strong>" + Fill(lang, Str::kVerifyBroken, where) + "</strong></p>\n";
  }
  return Layout(lang, T(lang, Str::kVerifyHeading), Nav::kVerify, body);
}

std::string PageSignIn(int lang, bool link_used) {
  std::string body;
  if (link_used) body += "<p class=\"error\">" + T(lang, Str::kLinkUsed) + "</p>\n";
  body += "<p>" + T(lang, Str::kSignInText) + "</p>\n<code class=\"command\">objector open</code>\n";
  return Layout(lang, T(lang, Str::kSignInHeading), Nav::kNone, body);
}

std::string PageMessage(int lang, Str heading, const std::string& detail) {
  std::string body = detail.empty() ? "" : "<p class=\"error\">" + Esc(detail) + "</p>\n";
  return Layout(lang, T(lang, heading), Nav::kCoverage, body);
}

const std::string& DashboardStyle() {
  // The :root colours, type, buttons, .hint/.error/.ok and code.command of extension/options/common.css,
  // then the dashboard's own layout (header, nav, tables).
  static const std::string kCss = R"css(:root {
  --fg: #1b1f24; --muted: #4a5361; --bg: #ffffff; --panel: #f4f6f9; --line: #c9d0da;
  --accent: #0b57d0; --accent-fg: #ffffff; --ok: #0f6b2f; --warn: #8a4b00; --err: #a50e0e;
  font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.45rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 1.2rem 0 .4rem; }
a { color: var(--accent); }
.button {
  font: inherit; border: 1px solid var(--accent); color: var(--accent); background: var(--bg);
  border-radius: 6px; padding: .4rem .85rem; text-decoration: none; display: inline-block;
}
:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.hint { color: var(--muted); font-size: .9rem; margin: .2rem 0; }
.error { color: var(--err); }
.ok { color: var(--ok); }
.warn { color: var(--warn); }
code, pre { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: .88rem; }
code.command { display: block; background: var(--panel); border: 1px solid var(--line); padding: .4rem .6rem; border-radius: 5px; user-select: all; overflow-wrap: anywhere; }
.row { display: flex; gap: .6rem; flex-wrap: wrap; align-items: end; }
header { background: var(--panel); border-bottom: 1px solid var(--line); padding: .5rem 1.2rem; display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
header .brand { font-weight: 700; margin: 0; }
nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; flex-wrap: wrap; }
nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--fg); }
main { padding: 1rem 1.2rem 2rem; max-width: 72rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: .35rem .5rem; }
thead th { background: var(--panel); }
ol.timeline { margin: .2rem 0 0; padding-left: 1.2rem; color: var(--muted); font-size: .9rem; }
tr.todo-object td:last-child, tr.todo-object-again td:last-child, tr.todo-enter-code td:last-child { color: var(--warn); font-weight: 600; }
ul.downloads { list-style: none; padding: 0; display: flex; flex-direction: column; gap: .5rem; align-items: start; }
dl { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dd { margin: 0; }
@media print { header { display: none; } }
)css";
  return kCss;
}

}  // namespace objector
