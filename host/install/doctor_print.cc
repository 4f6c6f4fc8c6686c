// Rendering of a DoctorReport for people (text) and machines (--json).
#include <nlohmann/json.hpp>

#include "doctor.h"

namespace objector::install {

using nlohmann::json;

void PrintReport(const DoctorReport& report, bool as_json, std::ostream& out) {
  auto finding_json = [](const Finding& f) {
    return json{{"failure", FailureName(f.failure)},
                {"problem", f.problem},
                {"fix", f.fix}};
  };
  if (as_json) {
    json j = {{"ok", report.ok()},
              {"browsers", json::array()},
              {"problems", json::array()}};
    for (const BrowserCheck& b : report.browsers) {
      json o = {{"browser", b.name},
                {"manifest", b.manifest.string()},
                {"problems", json::array()}};
      for (const Finding& f : b.findings) {
        json p = finding_json(f);
        if (*BrowserMessage(f.failure, b.family))
          p["browser_message"] = BrowserMessage(f.failure, b.family);
        o["problems"].push_back(p);
      }
      if (b.reply_ms >= 0) o["reply_ms"] = b.reply_ms;
      o["extension"] = b.extension;
      j["browsers"].push_back(o);
    }
    for (const Finding& f : report.general)
      j["problems"].push_back(finding_json(f));
    j["database"] = {{"path", report.database}, {"note", report.database_note}};
    if (!report.agent_note.empty()) j["agent"] = report.agent_note;
    out << j.dump(2) << "\n";
    return;
  }
  int problems = static_cast<int>(report.general.size());
  for (const BrowserCheck& b : report.browsers) {
    out << b.display << " (" << b.name << ")"
        << (b.manifest.empty() ? "" : ": " + b.manifest.string()) << "\n";
    for (const std::string& line : b.extension)
      out << "  extension: " << line << "\n";
    // The host's own check stands even when the extension has a problem.
    if (!b.note.empty()) out << "  ok: " << b.note << "\n";
    for (const Finding& f : b.findings) {
      out << "  PROBLEM [" << FailureName(f.failure) << "] " << f.problem
          << "\n";
      if (*BrowserMessage(f.failure, b.family)) {
        out << "    the extension sees: \""
            << BrowserMessage(f.failure, b.family) << "\"\n";
      }
      out << "    fix: " << f.fix << "\n";
      ++problems;
    }
  }
  if (!report.database.empty() && !report.database_note.empty()) {
    out << "Database " << report.database << ": " << report.database_note
        << "\n";
  }
  if (!report.agent_note.empty()) out << "Loopback agent: " << report.agent_note << "\n";
  for (const Finding& f : report.general) {
    out << "PROBLEM [" << FailureName(f.failure) << "] " << f.problem
        << "\n  fix: " << f.fix << "\n";
  }
  out << (problems == 0 ? "All good.\n"
                        : std::to_string(problems) + " problem(s) found.\n");
}

}  // namespace objector::install
