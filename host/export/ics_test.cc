#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "export/export.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

struct Property {
  std::string name, params, value;
};
struct Component {
  std::string name;
  std::vector<Property> props;
  std::vector<Component> children;
  int Count(const std::string& n) const {
    int k = 0;
    for (const auto& p : props) k += p.name == n;
    return k;
  }
  std::string Get(const std::string& n) const {
    for (const auto& p : props) {
      if (p.name == n) return p.value;
    }
    return "";
  }
};

// A strict reading of RFC 5545 section 3.1 and 3.6: every line ends in CRLF and is at most 75
// octets; folded lines continue with one space; each unfolded line is NAME[;PARAMS]:VALUE with an
// upper-case name; BEGIN/END nest and match. Returns the VCALENDAR, or fails the test.
Component ParseIcs(const std::string& text) {
  REQUIRE(text.size() >= 2);
  REQUIRE(text.substr(text.size() - 2) == "\r\n");
  std::vector<std::string> physical;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    physical.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  std::vector<std::string> lines;
  for (const auto& p : physical) {
    INFO(p);
    CHECK(p.size() <= 75);
    CHECK(p.find('\n') == std::string::npos);
    CHECK(p.find('\r') == std::string::npos);
    if (!p.empty() && p[0] == ' ') {
      REQUIRE(!lines.empty());
      lines.back() += p.substr(1);
    } else {
      lines.push_back(p);
    }
  }
  std::vector<Component> stack(1);
  for (const auto& l : lines) {
    INFO(l);
    size_t colon = l.find(':');
    REQUIRE(colon != std::string::npos);
    std::string head = l.substr(0, colon), value = l.substr(colon + 1);
    size_t semi = head.find(';');
    Property p{head.substr(0, semi), semi == std::string::npos ? "" : head.substr(semi + 1), value};
    REQUIRE(!p.name.empty());
    CHECK(p.name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789") == std::string::npos);
    if (p.name == "BEGIN") {
      stack.push_back({value, {}, {}});
    } else if (p.name == "END") {
      REQUIRE(stack.size() > 1);
      REQUIRE(stack.back().name == value);
      Component done = stack.back();
      stack.pop_back();
      stack.back().children.push_back(done);
    } else {
      REQUIRE(stack.size() > 1);
      stack.back().props.push_back(p);
    }
  }
  REQUIRE(stack.size() == 1);
  REQUIRE(stack[0].children.size() == 1);
  REQUIRE(stack[0].children[0].name == "VCALENDAR");
  return stack[0].children[0];
}

// TEXT unescaped (RFC 5545 3.3.11); fails on a bare ',' or ';' or an unknown escape.
std::string Unescape(const std::string& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    CHECK(v[i] != ',');
    CHECK(v[i] != ';');
    if (v[i] != '\\') {
      out += v[i];
      continue;
    }
    REQUIRE(i + 1 < v.size());
    char n = v[++i];
    REQUIRE(std::string("\\;,nN").find(n) != std::string::npos);
    out += (n == 'n' || n == 'N') ? '\n' : n;
  }
  return out;
}

bool IsIcsUtc(const std::string& v) {
  return v.size() == 16 && v[8] == 'T' && v[15] == 'Z' &&
         v.substr(0, 8).find_first_not_of("0123456789") == std::string::npos &&
         v.substr(9, 6).find_first_not_of("0123456789") == std::string::npos;
}

HistoryItem Item(int64_t id, const std::string& client_id, const std::string& platform, const std::string& email,
                 const std::string& status, const std::string& at) {
  HistoryItem item;
  item.submission_id = id;
  item.submission = testing::SampleSubmission(client_id, at);
  item.submission.platform = platform;
  item.submission.account_email = email;
  item.submission.status = status;
  item.current_status = status;
  item.events = {testing::MakeEvent("initial:" + client_id, client_id, status, "", at, 60)};
  return item;
}

}  // namespace

TEST_CASE("ics: one VEVENT per follow-up at its due time, parsed as RFC 5545", "[export][ics]") {
  ExportMeta meta;
  meta.generated_at = "2026-11-25T12:15:00.000Z";
  meta.profile.emails = {"anna.schmidt@example.de"};
  // A long address so that the SUMMARY must fold; a comma and a semicolon in the text to escape.
  const std::string long_email = "anna.maria.schmidt-mueller.with.a.very.long.address@example.de";
  std::vector<HistoryItem> items = {
      Item(1, "c-code", "facebook", "Anna.Schmidt@example.de", "awaiting-code", "2026-11-25T10:00:00Z"),
      Item(2, "c-wait", "instagram", long_email, "submitted", "2026-11-24T12:00:00Z"),
      Item(3, "c-done", "facebook", long_email, "confirmed", "2026-11-01T12:00:00Z"),
  };
  std::string ics = ExportIcs(items, meta);
  Component cal = ParseIcs(ics);
  CHECK(cal.Get("VERSION") == "2.0");
  CHECK(cal.Count("PRODID") == 1);
  REQUIRE(cal.children.size() == 2);  // the confirmed one needs no follow-up
  std::map<std::string, Component> by_uid;
  for (const auto& ev : cal.children) {
    CHECK(ev.name == "VEVENT");
    for (const char* required : {"UID", "DTSTAMP", "DTSTART", "SUMMARY"}) CHECK(ev.Count(required) == 1);
    CHECK(IsIcsUtc(ev.Get("DTSTAMP")));
    CHECK(IsIcsUtc(ev.Get("DTSTART")));
    by_uid[ev.Get("UID")] = ev;
  }
  REQUIRE(by_uid.count("code-expired-c-code@objector"));
  REQUIRE(by_uid.count("no-confirmation-c-wait@objector"));
  const Component& code = by_uid["code-expired-c-code@objector"];
  CHECK(code.Get("DTSTART") == "20261125T110000Z");
  CHECK(code.Get("DTSTAMP") == "20261125T121500Z");
  CHECK(Unescape(code.Get("SUMMARY")) ==
        "Objector: the code has expired - object again (anna.schmidt@example.de, Facebook, own information)");
  const Component& wait = by_uid["no-confirmation-c-wait@objector"];
  CHECK(wait.Get("DTSTART") == "20261201T120000Z");
  std::string summary = Unescape(wait.Get("SUMMARY"));
  CHECK(summary.find(long_email) != std::string::npos);
  CHECK(summary.find("Instagram, own information") != std::string::npos);
  // The email is in the summary only.
  for (const auto& ev : cal.children) CHECK(Unescape(ev.Get("DESCRIPTION")).find("@") == std::string::npos);
  CHECK(ics.find("\r\n ") != std::string::npos);  // a line was folded
}

TEST_CASE("ics: folding never splits a UTF-8 character, and escapes are undone by a reader", "[export][ics]") {
  FollowUp f;
  f.kind = "no-confirmation";
  f.client_id = "3b241101-e2bb-4255-8caf-4136c566a962";
  f.account_email = "jürgen.özdemir.ünal.äöüß.sehr.lange.adresse@bücher-beispiel.de";
  f.platform = "facebook";
  f.form_kind = "third_party";
  f.since = "2026-11-18T12:00:00Z";
  f.due_at = "2026-11-25T12:00:00.000Z";
  std::string ics = IcsCalendar({f}, "2026-11-25T12:15:00.000Z");
  Component cal = ParseIcs(ics);
  REQUIRE(cal.children.size() == 1);
  // Every physical line is valid UTF-8 on its own: no line starts with a continuation byte.
  std::istringstream lines(ics);
  for (std::string line; std::getline(lines, line);) {
    std::string content = !line.empty() && line[0] == ' ' ? line.substr(1) : line;
    if (!content.empty()) CHECK((static_cast<unsigned char>(content[0]) & 0xC0) != 0x80);
  }
  CHECK(Unescape(cal.children[0].Get("SUMMARY")).find(f.account_email + ", Facebook, information from others") !=
        std::string::npos);
}

TEST_CASE("ics: nothing to follow up gives an empty calendar", "[export][ics]") {
  Component cal = ParseIcs(IcsCalendar({}, "2026-11-25T12:15:00.000Z"));
  CHECK(cal.children.empty());
  CHECK(cal.Get("VERSION") == "2.0");
}

}  // namespace objector
