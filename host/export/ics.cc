// The follow-ups as an iCalendar file (RFC 5545), so a person's own calendar reminds them.
#include <string>

#include "base/build_info.h"
#include "base/clock.h"
#include "coverage/coverage.h"
#include "export/export.h"

namespace objector {
namespace {

// RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.
std::string EscapeText(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

// RFC 5545 3.1: a line longer than 75 octets continues on the next after CRLF and one space, never
// inside a UTF-8 sequence.
std::string Fold(const std::string& line) {
  std::string out;
  size_t start = 0, limit = 75;
  while (line.size() - start > limit) {
    size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(start, cut - start) + "\r\n ";
    start = cut;
    limit = 74;  // the leading space counts
  }
  return out + line.substr(start) + "\r\n";
}

// "2026-11-25T12:40:00.000Z" -> "20261125T124000Z" (a UTC DATE-TIME, seconds precision).
std::string IcsTime(const std::string& utc) {
  auto t = ParseUtc(utc);
  std::string s = t ? FormatUtc(*t) : utc;
  if (s.size() < 19) return s;
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2) + "T" + s.substr(11, 2) + s.substr(14, 2) +
         s.substr(17, 2) + "Z";
}

std::string PlatformName(const std::string& p) {
  if (p == "facebook") return "Facebook";
  if (p == "instagram") return "Instagram";
  return p;
}

std::string FormName(const std::string& kind) {
  return kind == "third_party" ? "information from others" : "own information";
}

}  // namespace

std::string IcsCalendar(const std::vector<FollowUp>& follow_ups, const std::string& stamp_utc) {
  std::string out;
  out += Fold("BEGIN:VCALENDAR");
  out += Fold("VERSION:2.0");
  out += Fold(std::string("PRODID:-//Objector//Objector ") + build::kVersion + "//EN");
  out += Fold("CALSCALE:GREGORIAN");
  out += Fold("METHOD:PUBLISH");
  out += Fold("X-WR-CALNAME:Objector follow-ups");
  for (const auto& f : follow_ups) {
    const bool code = f.kind == "code-expired";
    const std::string where = PlatformName(f.platform) + ", " + FormName(f.form_kind);
    std::string summary = code ? "Objector: the code has expired - object again (" : "Objector: no confirmation yet - check your email or object again (";
    summary += f.account_email + ", " + where + ")";
    std::string description =
        code ? "Meta's one-time code for the objection of " + f.since + " (UTC) on " + where +
                   " is valid for one hour. Open Objector and object again."
             : "Meta has not confirmed the objection of " + f.since + " (UTC) on " + where +
                   " for 7 days. Check your email for Meta's answer, or object again with Objector.";
    out += Fold("BEGIN:VEVENT");
    out += Fold("UID:" + f.kind + "-" + f.client_id + "@objector");
    out += Fold("DTSTAMP:" + IcsTime(stamp_utc));
    out += Fold("DTSTART:" + IcsTime(f.due_at));
    out += Fold("DURATION:PT15M");
    out += Fold("SUMMARY:" + EscapeText(summary));
    out += Fold("DESCRIPTION:" + EscapeText(description));
    out += Fold("TRANSP:TRANSPARENT");
    out += Fold("END:VEVENT");
  }
  out += Fold("END:VCALENDAR");
  return out;
}

std::string ExportIcs(const std::vector<HistoryItem>& items, const ExportMeta& meta) {
  auto now = ParseUtc(meta.generated_at);
  Coverage c = ComputeCoverage(meta.profile, SummariseHistory(items), meta.links, now.value_or(TimePoint{}));
  return IcsCalendar(c.follow_ups, meta.generated_at);
}

}  // namespace objector
