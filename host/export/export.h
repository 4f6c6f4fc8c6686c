// Exporting the history: CSV (RFC 4180, formula-neutralised), JSON (versioned schema, see
// export/JSON_SCHEMA.md) and a self-contained printable HTML report. Pure functions of the records;
// a table maps each format name to its writer.
#ifndef OBJECTOR_EXPORT_EXPORT_H_
#define OBJECTOR_EXPORT_EXPORT_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coverage/coverage.h"
#include "store/records.h"

namespace objector {

struct ExportMeta {
  std::string generated_at;  // UTC ISO time
  std::string host_version;
  Profile profile;
  // The hash chain at export time (PROTOCOL.md, "Hash chain"): its head, and "" when it verified or
  // what `objector verify` reported as broken.
  std::string chain_head;
  std::string chain_problem;
  std::map<std::string, Blob> blobs;  // snapshots and screenshots the items name, by SHA-256
  std::vector<AccountLink> links;      // the account links (the ics export's follow-ups need them)
};

inline constexpr int kJsonExportSchemaVersion = 1;

// One CSV cell, always quoted (RFC 4180). Text starting with = + - @ TAB CR or LF gets a leading
// apostrophe, and so does such a character right after a ';' inside the text (a ';'-separated reader
// starts a cell there), so no spreadsheet runs it as a formula. Numbers are only quoted.
std::string CsvCell(const std::string& value, bool is_number = false);

// Text for HTML (element content and quoted attributes): & < > " ' as entities. The one escaper of
// every HTML the host writes (the report, the complaint letter, the dashboard).
std::string HtmlEscape(std::string_view s);

std::string ExportCsv(const std::vector<HistoryItem>& items, const ExportMeta& meta);
std::string ExportJson(const std::vector<HistoryItem>& items, const ExportMeta& meta);
std::string ExportHtml(const std::vector<HistoryItem>& items, const ExportMeta& meta);
// One .zip (stored entries): report.html, history.json, history.csv, evidence/<sha256>.<ext> for
// every snapshot and screenshot, and SHA256SUMS listing every other file (sha256sum -c format).
std::string ExportBundle(const std::vector<HistoryItem>& items, const ExportMeta& meta);
// RFC 5545 calendar of the follow-ups (coverage.get) at `meta.generated_at`: one VEVENT per
// follow-up at its due_at, UID "<kind>-<client_id>@objector"; the account email appears in the
// SUMMARY only. CRLF line ends, lines folded at 75 octets, TEXT escaped.
std::string ExportIcs(const std::vector<HistoryItem>& items, const ExportMeta& meta);
std::string IcsCalendar(const std::vector<FollowUp>& follow_ups, const std::string& stamp_utc);

// The file name of a snapshot or screenshot inside a bundle: "evidence/<sha256>.html.txt|png|jpg".
std::string EvidenceFileName(const Blob& blob);

struct Exporter {
  const char* format;     // "csv", "json", "html"
  const char* mime;
  const char* extension;  // file name suffix without dot
  bool binary;            // content is bytes (sent as Base64 on the wire)
  std::string (*write)(const std::vector<HistoryItem>&, const ExportMeta&);
};

// nullptr for an unknown format.
const Exporter* FindExporter(const std::string& format);
// "csv, json, html, bundle".
std::string ExportFormatList();

// "2026-11-25 17:54 (UTC+01:00)": the user's local wall time from a UTC time and offset;
// the UTC text unchanged when it cannot be read.
std::string LocalTimeText(const std::string& utc, int offset_minutes);

}  // namespace objector

#endif  // OBJECTOR_EXPORT_EXPORT_H_
