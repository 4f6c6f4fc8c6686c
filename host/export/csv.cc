#include <string>
#include <string_view>

#include "export/export.h"

namespace objector {

namespace {

// What a spreadsheet may run as a formula at the start of a cell; '"' too, since a lenient reader
// that splits at ';' unquotes a piece that starts with it.
bool Dangerous(char c) { return std::string_view("=+-@\t\r\n\"").find(c) != std::string_view::npos; }

}  // namespace

std::string CsvCell(const std::string& value, bool is_number) {
  std::string out = "\"";
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (!is_number && i == 0 && Dangerous(c) && c != '"') out += '\'';
    if (c == '"') out += '"';
    out += c;
    // A reader that splits at ';' (German Excel) starts a cell after every ';' it sees.
    if (!is_number && c == ';' && i + 1 < value.size() && Dangerous(value[i + 1])) out += '\'';
  }
  return out + "\"";
}

std::string ExportCsv(const std::vector<HistoryItem>& items, const ExportMeta& /*meta*/) {
  const char* const kHeader[] = {"submission_id", "occurred_at_utc", "local_time", "utc_offset_minutes",
                                 "recorded_at_utc", "platform", "form_kind", "form_id", "form_url",
                                 "account_email", "country", "page_language", "status", "current_status",
                                 "status_timeline", "failure_reason", "justification_text", "browser",
                                 "extension_version", "client_id"};
  std::string out;
  for (size_t i = 0; i < std::size(kHeader); ++i) out += (i ? "," : "") + CsvCell(kHeader[i]);
  out += "\r\n";
  for (const auto& item : items) {
    const Submission& s = item.submission;
    std::string timeline, reason;
    for (const auto& e : item.events) {
      timeline += (timeline.empty() ? "" : "; ") + e.status + " " + e.occurred_at;
      if (!e.reason.empty()) reason = e.reason;
    }
    const std::pair<std::string, bool> row[] = {
        {std::to_string(item.submission_id), true}, {s.occurred_at, false},
        {LocalTimeText(s.occurred_at, s.utc_offset_minutes), false},
        {std::to_string(s.utc_offset_minutes), true}, {item.recorded_at, false}, {s.platform, false},
        {s.form_kind, false}, {s.form_id, true}, {s.form_url, false}, {s.account_email, false},
        {s.country, false}, {s.page_language, false}, {s.status, false}, {item.current_status, false},
        {timeline, false}, {reason, false}, {s.justification_text, false}, {s.browser, false},
        {s.extension_version, false}, {s.client_id, false}};
    for (size_t i = 0; i < std::size(row); ++i) out += (i ? "," : "") + CsvCell(row[i].first, row[i].second);
    out += "\r\n";
  }
  return out;
}

}  // namespace objector
