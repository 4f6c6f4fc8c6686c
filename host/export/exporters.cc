#include <cstdio>
#include <ctime>

#include "base/clock.h"
#include "export/export.h"

namespace objector {
namespace {

const Exporter kExporters[] = {
    {"csv", "text/csv; charset=utf-8", "csv", false, &ExportCsv},
    {"json", "application/json", "json", false, &ExportJson},
    {"html", "text/html; charset=utf-8", "html", false, &ExportHtml},
    {"bundle", "application/zip", "zip", true, &ExportBundle},
    {"ics", "text/calendar; charset=utf-8", "ics", false, &ExportIcs},
};

}  // namespace

const Exporter* FindExporter(const std::string& format) {
  for (const auto& e : kExporters) {
    if (format == e.format) return &e;
  }
  return nullptr;
}

std::string ExportFormatList() {
  std::string out;
  for (const auto& e : kExporters) out += (out.empty() ? "" : ", ") + std::string(e.format);
  return out;
}

std::string LocalTimeText(const std::string& utc, int offset_minutes) {
  if (!IsUtcTimestamp(utc)) return utc;
  std::tm tm{};
  tm.tm_year = std::stoi(utc.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(utc.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(utc.substr(8, 2));
  tm.tm_hour = std::stoi(utc.substr(11, 2));
  tm.tm_min = std::stoi(utc.substr(14, 2));
  tm.tm_sec = std::stoi(utc.substr(17, 2));
  std::time_t t = timegm(&tm) + static_cast<std::time_t>(offset_minutes) * 60;
  std::tm local{};
  gmtime_r(&t, &local);
  int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d (UTC%c%02d:%02d)", local.tm_year + 1900, local.tm_mon + 1,
                local.tm_mday, local.tm_hour, local.tm_min, offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

}  // namespace objector
