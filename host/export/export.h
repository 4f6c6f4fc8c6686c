// Exporting the history: CSV (RFC 4180, formula-neutralised), JSON (versioned schema, see
// export/JSON_SCHEMA.md) and a self-contained printable HTML report. Pure functions of the records;
// a table maps each format name to its writer.
#ifndef OBJECTOR_EXPORT_EXPORT_H_
#define OBJECTOR_EXPORT_EXPORT_H_

#include <string>
#include <vector>

#include "store/records.h"

namespace objector {

struct ExportMeta {
  std::string generated_at;  // UTC ISO time
  std::string host_version;
  Profile profile;
};

inline constexpr int kJsonExportSchemaVersion = 1;

// One CSV cell, always quoted (RFC 4180). Text starting with = + - @ TAB CR or LF gets a leading
// apostrophe, and so does such a character right after a ';' inside the text (a ';'-separated reader
// starts a cell there), so no spreadsheet runs it as a formula. Numbers are only quoted.
std::string CsvCell(const std::string& value, bool is_number = false);

std::string ExportCsv(const std::vector<HistoryItem>& items, const ExportMeta& meta);
std::string ExportJson(const std::vector<HistoryItem>& items, const ExportMeta& meta);
std::string ExportHtml(const std::vector<HistoryItem>& items, const ExportMeta& meta);

struct Exporter {
  const char* format;     // "csv", "json", "html"
  const char* mime;
  const char* extension;  // file name suffix without dot
  std::string (*write)(const std::vector<HistoryItem>&, const ExportMeta&);
};

// nullptr for an unknown format.
const Exporter* FindExporter(const std::string& format);
// "csv, json, html".
std::string ExportFormatList();

// "2026-11-25 17:54 (UTC+01:00)": the user's local wall time from a UTC time and offset;
// the UTC text unchanged when it cannot be read.
std::string LocalTimeText(const std::string& utc, int offset_minutes);

}  // namespace objector

#endif  // OBJECTOR_EXPORT_EXPORT_H_
