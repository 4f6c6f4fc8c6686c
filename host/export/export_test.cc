#include "export/export.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "testing/fixtures.h"

namespace objector {
namespace {

std::vector<HistoryItem> SampleItems() {
  HistoryItem item;
  item.submission_id = 1;
  item.submission = testing::SampleSubmission("c1");
  item.submission.justification_text = "=HYPERLINK(\"http://x\")\nzweite Zeile, mit Komma";
  item.recorded_at = "2026-11-25T16:54:07.000Z";
  item.current_status = "confirmed";
  item.events = {{"initial:c1", "c1", "submitted", "", "2026-11-25T16:54:06Z", 60},
                 {"e2", "c1", "confirmed", "", "2026-11-25T17:10:00Z", 60}};
  return {item};
}

ExportMeta Meta() { return {"2026-11-26T09:00:00.000Z", "0.1.0", {{"anna@example.de"}, "DE", "de", "Anna <Schmidt>"}}; }

}  // namespace

TEST_CASE("CsvCell quotes per RFC 4180 and neutralises formula starts", "[export]") {
  struct Row {
    std::string in;
    bool number;
    std::string out;
  };
  const Row rows[] = {
      {"plain", false, "plain"},
      {"a,b", false, "\"a,b\""},
      {"say \"no\"", false, "\"say \"\"no\"\"\""},
      {"line\r\nbreak", false, "\"line\r\nbreak\""},
      {"=1+1", false, "'=1+1"},
      {"+49 30 1234", false, "'+49 30 1234"},
      {"-cmd", false, "'-cmd"},
      {"@SUM(A1)", false, "'@SUM(A1)"},
      {"\tTAB", false, "'\tTAB"},
      {"-60", true, "-60"},
      {"", false, ""},
  };
  for (const auto& row : rows) {
    INFO(row.in);
    CHECK(CsvCell(row.in, row.number) == row.out);
  }
}

TEST_CASE("CSV export: header, CRLF rows, dates and the neutralised justification", "[export]") {
  std::string csv = ExportCsv(SampleItems(), Meta());
  CHECK(csv.rfind("submission_id,occurred_at_utc,local_time,", 0) == 0);
  CHECK(csv.find("\r\n1,2026-11-25T16:54:06Z,2026-11-25 17:54 (UTC+01:00),60,") != std::string::npos);
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\nzweite Zeile, mit Komma\"") != std::string::npos);
  CHECK(csv.find("submitted 2026-11-25T16:54:06Z; confirmed 2026-11-25T17:10:00Z") != std::string::npos);
}

TEST_CASE("JSON export follows the documented versioned schema", "[export]") {
  auto doc = nlohmann::json::parse(ExportJson(SampleItems(), Meta()));
  CHECK(doc["schema"] == "org.objector.history");
  CHECK(doc["schema_version"] == 1);
  CHECK(doc["generated_at"] == "2026-11-26T09:00:00.000Z");
  CHECK(doc["profile"]["country"] == "DE");
  REQUIRE(doc["submissions"].size() == 1);
  const auto& s = doc["submissions"][0];
  CHECK(s["occurred_at"] == "2026-11-25T16:54:06Z");
  CHECK(s["justification_text"] == SampleItems()[0].submission.justification_text);
  CHECK(s["events"].size() == 2);
  CHECK(s["current_status"] == "confirmed");
}

TEST_CASE("HTML report is self-contained, escaped, and carries dates and the text", "[export]") {
  std::string html = ExportHtml(SampleItems(), Meta());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("http://x") != std::string::npos);  // only as escaped text
  CHECK(html.find("Anna &lt;Schmidt&gt;") != std::string::npos);
  CHECK(html.find("2026-11-25 17:54 (UTC+01:00)") != std::string::npos);
  CHECK(html.find("2026-11-25T16:54:06Z") != std::string::npos);
  CHECK(html.find("=HYPERLINK(&quot;http://x&quot;)\nzweite Zeile") != std::string::npos);
  CHECK(html.find("confirmed") != std::string::npos);
  std::string empty = ExportHtml({}, Meta());
  CHECK(empty.find("No submission has been recorded.") != std::string::npos);
}

TEST_CASE("the exporter table knows csv, json, html and nothing else", "[export]") {
  REQUIRE(FindExporter("csv"));
  CHECK(std::string(FindExporter("html")->mime).rfind("text/html", 0) == 0);
  CHECK(FindExporter("json")->write == &ExportJson);
  CHECK(FindExporter("pdf") == nullptr);
  CHECK(ExportFormatList() == "csv, json, html");
}

TEST_CASE("LocalTimeText shifts by the user's offset across midnight", "[export]") {
  CHECK(LocalTimeText("2026-11-25T23:30:00Z", 90) == "2026-11-26 01:00 (UTC+01:30)");
  CHECK(LocalTimeText("2026-01-01T00:10:00Z", -300) == "2025-12-31 19:10 (UTC-05:00)");
  CHECK(LocalTimeText("garbage", 60) == "garbage");
}

}  // namespace objector
