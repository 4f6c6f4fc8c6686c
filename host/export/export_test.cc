#include "export/export.h"

#include <catch2/catch.hpp>
#include <algorithm>
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
  item.events = {testing::MakeEvent("initial:c1", "c1", "submitted", "", "2026-11-25T16:54:06Z", 60),
                 testing::MakeEvent("e2", "c1", "confirmed", "", "2026-11-25T17:10:00Z", 60)};
  return {item};
}

ExportMeta Meta() {
  return {"2026-11-26T09:00:00.000Z", "0.1.0", {{"anna@example.de"}, "DE", "de", "Anna <Schmidt>"}, "", "", {}, {}};
}

}  // namespace

TEST_CASE("CsvCell quotes every cell per RFC 4180 and neutralises formula starts", "[export][csv]") {
  struct Row {
    std::string in;
    bool number;
    std::string out;
  };
  const Row rows[] = {
      {"plain", false, "\"plain\""},
      {"a,b", false, "\"a,b\""},
      {"a;b", false, "\"a;b\""},
      {"say \"no\"", false, "\"say \"\"no\"\"\""},
      {"line\r\nbreak", false, "\"line\r\nbreak\""},
      {"=1+1", false, "\"'=1+1\""},
      {"+49 30 1234", false, "\"'+49 30 1234\""},
      {"-cmd", false, "\"'-cmd\""},
      {"@SUM(A1)", false, "\"'@SUM(A1)\""},
      {"\tTAB", false, "\"'\tTAB\""},
      {"x;=cmd", false, "\"x;'=cmd\""},
      {"x;\"=cmd", false, "\"x;'\"\"=cmd\""},
      {"submitted a; confirmed b", false, "\"submitted a; confirmed b\""},
      {"-60", true, "\"-60\""},
      {"", false, "\"\""},
  };
  for (const auto& row : rows) {
    INFO(row.in);
    CHECK(CsvCell(row.in, row.number) == row.out);
  }
}

namespace {

// A lenient reader like Python's csv module and spreadsheets: quotes only open at a cell's start;
// after a closing quote, or inside an unquoted cell, every character is literal up to `sep`.
std::vector<std::string> ReadCells(const std::string& text, char sep) {
  std::vector<std::string> cells;
  std::string cell;
  enum { kStart, kUnquoted, kQuoted, kQuoteInQuoted } state = kStart;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (state == kQuoted) {
      if (c == '"') state = kQuoteInQuoted; else cell += c;
      continue;
    }
    if (state == kQuoteInQuoted && c == '"') {
      cell += c;
      state = kQuoted;
      continue;
    }
    if (c == sep || c == '\n') {
      if (!cell.empty() && cell.back() == '\r' && c == '\n') cell.pop_back();
      cells.push_back(cell);
      cell.clear();
      state = kStart;
      continue;
    }
    if (state == kStart && c == '"') {
      state = kQuoted;
      continue;
    }
    cell += c;
    state = kUnquoted;
  }
  if (!cell.empty()) cells.push_back(cell);
  return cells;
}

bool IsInteger(const std::string& s) {
  size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
  return i < s.size() && s.find_first_not_of("0123456789", i) == std::string::npos;
}

}  // namespace

TEST_CASE("CSV read as ';'-separated or as ','-separated never yields a cell starting with = + - @",
          "[export][csv]") {
  auto items = SampleItems();
  items[0].submission.justification_text = "Nein;=HYPERLINK(\"http://x\");+1;-2;@SUM(A1);\"=3\", auch, so";
  items[0].submission.browser = "-chromium;=1";
  items[0].events[1].reason = "=cmd|' /C calc'!A0";
  items[0].events[1].status = "failed";
  items[0].submission.utc_offset_minutes = -60;
  std::string csv = ExportCsv(items, Meta());
  for (char sep : {',', ';'}) {
    INFO("separator " << sep);
    auto cells = ReadCells(csv, sep);
    CHECK(cells.size() > (sep == ',' ? 20u : 5u));
    for (const auto& cell : cells) {
      INFO(cell);
      CHECK_FALSE((!cell.empty() && std::string("=+-@").find(cell[0]) != std::string::npos && !IsInteger(cell)));
    }
  }
  // The ','-reader gets back exactly what was stored, behind the apostrophe.
  auto cells = ReadCells(csv, ',');
  CHECK(std::find(cells.begin(), cells.end(), "'-chromium;'=1") != cells.end());
  CHECK(std::find(cells.begin(), cells.end(), "-60") != cells.end());
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
  CHECK(html.find("src=") == std::string::npos);  // no screenshot here, so no image at all
  CHECK(html.find("http://x") != std::string::npos);  // only as escaped text
  CHECK(html.find("Anna &lt;Schmidt&gt;") != std::string::npos);
  CHECK(html.find("2026-11-25 17:54 (UTC+01:00)") != std::string::npos);
  CHECK(html.find("2026-11-25T16:54:06Z") != std::string::npos);
  CHECK(html.find("=HYPERLINK(&quot;http://x&quot;)\nzweite Zeile") != std::string::npos);
  CHECK(html.find("confirmed") != std::string::npos);
  std::string empty = ExportHtml({}, Meta());
  CHECK(empty.find("No submission has been recorded.") != std::string::npos);
}

TEST_CASE("HTML report quotes Meta's words, shows the snapshot inert and the screenshot inline, and the chain head",
          "[export]") {
  auto items = SampleItems();
  Event& answer = items[0].events[1];
  answer.evidence.fields = {{"answer_text", "Wir haben deinen Widerspruch erhalten."}, {"found_in", "dialog"},
                            {"send_pressed_at", "2026-11-25T17:09:58.100Z"}, {"form_origin", "https://www.facebook.com"},
                            {"form_path", "/help/contact/6359191084165019"}};
  answer.evidence.snapshot_sha256 = std::string(64, 'b');
  answer.content_hash = std::string(64, 'c');
  Attachment shot;
  shot.kind = "screenshot";
  shot.mime = "image/png";
  shot.sha256 = std::string(64, 'd');
  items[0].attachments.push_back(shot);
  ExportMeta meta = Meta();
  meta.chain_head = std::string(64, 'c');
  meta.blobs[std::string(64, 'b')] = {std::string(64, 'b'), "text/html",
                                      "<p>Wir haben deinen Widerspruch erhalten.</p><script>alert(1)</script>"};
  meta.blobs[std::string(64, 'd')] = {std::string(64, 'd'), "image/png", "\x89PNG\r\n\x1a\n...."};
  std::string html = ExportHtml(items, meta);
  CHECK(html.find("<blockquote class=\"meta\">Wir haben deinen Widerspruch erhalten.</blockquote>") != std::string::npos);
  CHECK(html.find("Send pressed (UTC): 2026-11-25T17:09:58.100Z") != std::string::npos);
  CHECK(html.find("https://www.facebook.com/help/contact/6359191084165019") != std::string::npos);
  CHECK(html.find("sandbox=\"\" title=\"Snapshot of Meta's answer\" srcdoc=\"") != std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);  // inert, inside srcdoc
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=\"data:image/png;base64,iVBORw0KGgo") != std::string::npos);
  CHECK(html.find("Chain head at this export, verified: <span class=\"hash\">" + std::string(64, 'c')) !=
        std::string::npos);
  meta.chain_problem = "submission 1, event 2: its content does not match its content_hash";
  CHECK(ExportHtml(items, meta).find("The history did not verify:</strong> submission 1, event 2") != std::string::npos);
}

TEST_CASE("the exporter table knows csv, json, html, bundle, ics and nothing else", "[export]") {
  REQUIRE(FindExporter("csv"));
  CHECK(std::string(FindExporter("html")->mime).rfind("text/html", 0) == 0);
  CHECK(FindExporter("json")->write == &ExportJson);
  CHECK(FindExporter("pdf") == nullptr);
  CHECK(FindExporter("bundle")->binary);
  CHECK(std::string(FindExporter("ics")->mime) == "text/calendar; charset=utf-8");
  CHECK(ExportFormatList() == "csv, json, html, bundle, ics");
}

TEST_CASE("LocalTimeText shifts by the user's offset across midnight", "[export]") {
  CHECK(LocalTimeText("2026-11-25T23:30:00Z", 90) == "2026-11-26 01:00 (UTC+01:30)");
  CHECK(LocalTimeText("2026-01-01T00:10:00Z", -300) == "2025-12-31 19:10 (UTC-05:00)");
  CHECK(LocalTimeText("garbage", 60) == "garbage");
}

}  // namespace objector
