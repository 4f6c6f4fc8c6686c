// The complaint pack: the authorities table, the letter in seven languages through the handlers,
// bad input, an empty history, hostile strings, and the CLI's file.
#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/cli.h"
#include "complaint/authorities.h"
#include "complaint/letter.h"
#include "complaint/letter_strings.h"
#include "handlers/handlers.h"
#include "protocol/validate.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

using nlohmann::json;

FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795625700)));

json Call(Context& ctx, const json& request) {
  auto frames = HandleFrame(ctx, request.dump());
  REQUIRE(!frames.empty());
  json first = json::parse(frames[0]);
  if (!first.contains("chunk")) return first;
  std::string data;
  for (const auto& f : frames) data += json::parse(f)["data"].get<std::string>();
  return {{"id", first["id"]}, {"ok", true}, {"result", json::parse(data)}};
}

bool Has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// `s` as the letter writes it (HTML-escaped).
std::string Html(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

const char kAnswer[] = "Wir haben deinen Widerspruch erhalten. Wir werden ihn prüfen.";

// A person with one Facebook objection that Meta confirmed, with Meta's words kept.
void Seed(Context& ctx, const json& name = "Anna Schmidt", const std::string& answer = kAnswer) {
  json profile = {{"emails", {"anna.schmidt@example.de"}}, {"country", "DE"}, {"language", "de"}, {"name", name}};
  REQUIRE(Call(ctx, {{"id", 1}, {"type", "profile.set"}, {"profile", profile}})["ok"] == true);
  REQUIRE(Call(ctx, {{"id", 2}, {"type", "submission.record"}, {"submission", testing::SubmissionJson()}})["ok"] ==
          true);
  json event = {{"client_event_id", "9f0c2a4e-8d1b-4c55-a3f7-2b1e0d9c6a10"},
                {"client_id", "3b241101-e2bb-4255-8caf-4136c566a962"},
                {"status", "confirmed"},
                {"occurred_at", "2026-11-25T16:54:09Z"},
                {"utc_offset_minutes", 60},
                {"evidence", {{"answer_text", answer}, {"found_in", "dialog"}}}};
  REQUIRE(Call(ctx, {{"id", 3}, {"type", "submission.event"}, {"event", event}})["ok"] == true);
}

json Render(Context& ctx, json body) {
  body["id"] = 7;
  body["type"] = "complaint.render";
  return Call(ctx, body);
}

}  // namespace

TEST_CASE("complaint: every authority entry is complete, with an https source, for a known country", "[complaint]") {
  const std::set<std::string> kCountries = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
                                            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT",
                                            "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB"};
  const std::set<std::string> kLaender = {"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV",
                                          "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"};
  std::set<std::string> ids, national, laender;
  for (const Authority& a : Authorities()) {
    INFO(a.id);
    CHECK(ids.insert(a.id).second);
    CHECK(kCountries.count(a.country) == 1);
    CHECK(!a.name.empty());
    CHECK(!a.name_en.empty());
    CHECK(a.address.size() >= 2);
    for (const auto& line : a.address) CHECK(!line.empty());
    CHECK(ParseHttpsUrl(a.source_url).has_value());
    CHECK(ParseHttpsUrl(a.web_form_url).has_value());
    CHECK(ParseHttpsUrl(a.website).has_value());
    if (a.region.empty()) {
      CHECK(national.insert(a.country).second);  // one national authority per country
    } else {
      CHECK(a.country == "DE");
      CHECK(laender.insert(a.region).second);
    }
  }
  CHECK(national == kCountries);
  CHECK(laender == kLaender);
}

TEST_CASE("complaint: each language's letter text is complete", "[complaint]") {
  static_assert(sizeof(LetterStrings) % sizeof(const char*) == 0, "LetterStrings holds only strings");
  for (const char* lang : {"en", "de", "fr", "nl", "it", "es", "pl"}) {
    INFO(lang);
    const LetterStrings* t = FindLetterStrings(lang);
    REQUIRE(t != nullptr);
    const char* const* field = reinterpret_cast<const char* const*>(t);
    for (size_t i = 0; i < sizeof(LetterStrings) / sizeof(const char*); ++i) {
      INFO(i);
      REQUIRE(field[i] != nullptr);
      CHECK(field[i][0] != '\0');
    }
  }
  CHECK(LetterLanguages() == "en, de, fr, nl, it, es, pl");
}

TEST_CASE("complaint: the letter names the competent authority, in the language asked for", "[complaint]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  Seed(ctx);
  const std::string head = Call(ctx, {{"id", 4}, {"type", "history.verify"}})["result"]["chain_head"];
  struct Row {
    const char* country;
    const char* region;    // "" = none
    const char* language;  // "" = not given: the profile's (de)
    const char* authority_id;
    const char* language_used;
    const char* address_line;
  };
  const Row rows[] = {
      {"DE", "HH", "de", "de-hh-hmbbfdi", "de", "20459 Hamburg"},
      {"DE", "BY", "", "de-by-baylda", "de", "91522 Ansbach"},
      {"FR", "", "fr", "fr-cnil", "fr", "75334 Paris Cedex 07"},
      {"IE", "", "en", "ie-dpc", "en", "D02 RD28"},
      {"NL", "", "nl", "nl-ap", "nl", "2509 AJ Den Haag"},
      {"PL", "", "pl", "pl-uodo", "pl", "00-193 Warszawa"},
      {"IT", "", "it", "it-garante", "it", "00187 Roma"},
      {"ES", "", "es", "es-aepd", "es", "28001 Madrid"},
      {"AT", "", "", "at-dsb", "de", "1030 Wien"},
      {"NO", "", "no", "no-datatilsynet", "en", "0105 Oslo"},  // no Norwegian letter: English
      {"GB", "", "en", "gb-ico", "en", "SK9 5AF"},
  };
  for (const auto& row : rows) {
    INFO(row.country << " " << row.region << " " << row.language);
    json body = {{"country", row.country}};
    if (*row.region) body["region"] = row.region;
    if (*row.language) body["language"] = row.language;
    json r = Render(ctx, body);
    REQUIRE(r["ok"] == true);
    const json& res = r["result"];
    CHECK(res["format"] == "html");
    CHECK(res["mime"] == "text/html; charset=utf-8");
    CHECK(res["encoding"] == "utf-8");
    CHECK(res["language"] == row.language_used);
    CHECK(res["authority"]["id"] == row.authority_id);
    CHECK(res["filename"] == std::string("objector-complaint-") + row.country + (*row.region ? "-" : "") + row.region +
                                 "-2026-11-25.html");
    const std::string html = res["content"];
    const LetterStrings& t = *FindLetterStrings(row.language_used, row.country);
    CHECK(Has(html, std::string("<html lang=\"") + row.language_used + "\">"));
    // The controller: Meta Platforms Ireland for the EU/EEA, Meta Platforms, Inc. under UK GDPR for the ICO.
    const bool uk = std::string(row.country) == "GB";
    CHECK(Has(html, "Meta Platforms, Inc.") == uk);
    CHECK(Has(html, "UK GDPR") == uk);
    CHECK(Has(html, "Meta Platforms Ireland Limited") == !uk);
    CHECK(Has(html, "Content-Security-Policy\" content=\"default-src 'none'"));
    CHECK_FALSE(Has(html, "<script"));
    CHECK(Count(html, "<!DOCTYPE html>") == 1);
    CHECK(Has(html, Html(res["authority"]["name"].get<std::string>())));
    CHECK(Has(html, row.address_line));
    // The profile's country is DE: a letter to a German authority leaves out the country line.
    CHECK(Has(html, Html(res["authority"]["address"].back().get<std::string>()) + "<br>") ==
          (std::string(row.country) != "DE"));
    CHECK(Has(html, Html(t.salutation)));
    CHECK(Has(html, Html(t.status_confirmed)));
    CHECK(Has(html, Html(t.form_own)));
    CHECK(Has(html, "2026-11-25 17:54 (UTC+01:00)"));
    CHECK(Has(html, "Anna Schmidt"));
    CHECK(Has(html, "anna.schmidt@example.de"));
    CHECK(Has(html, kAnswer));  // Meta's words, quoted
    CHECK(Has(html, head));     // the chain head
    CHECK(Has(html, Html(t.attached)));
    CHECK(Has(html, "<div class=\"attachment\" lang=\"en\">"));
    CHECK(Has(html, "Record of objections to Meta's use of personal data for AI"));  // the report follows
    CHECK(Has(html, Html(t.note_text)));  // the note: Objector sent nothing
    CHECK(Has(html, Html(res["authority"]["web_form_url"].get<std::string>())));
    if (!res["authority"]["verified"].get<bool>()) CHECK(Has(html, Html(t.note_unverified)));
  }
}

TEST_CASE("complaint: the ICO's letter is the UK one in English whatever language is asked for", "[complaint]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  json r = Render(ctx, {{"country", "GB"}, {"language", "de"}});
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["language"] == "en");
  const std::string html = r["result"]["content"];
  CHECK(Has(html, "Meta Platforms, Inc. (1 Meta Way, Menlo Park, California 94025, USA)"));
  CHECK_FALSE(Has(html, "Ireland Limited"));
  CHECK_FALSE(Has(html, "Articles 56 and 60"));  // no lead authority under UK GDPR
}

TEST_CASE("complaint: unknown country or region is invalid_value naming what is accepted", "[complaint]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  struct Row {
    const char* what;
    json body;
    const char* code;
    const char* message;
  };
  const Row rows[] = {
      {"unknown country", {{"country", "XX"}}, "invalid_value", "AT, BE, BG, CY, CZ, DE"},
      {"country outside the table", {{"country", "US"}}, "invalid_value", "one of AT, BE"},
      {"lower-case country", {{"country", "fr"}}, "invalid_value", "one of AT, BE"},
      {"DE without region", {{"country", "DE"}}, "invalid_value", "region: required for DE"},
      {"DE region list named", {{"country", "DE"}}, "invalid_value", "BB, BE, BW, BY, HB, HE, HH, MV, NI, NW"},
      {"unknown region", {{"country", "DE"}, {"region", "XX"}}, "invalid_value", "not a region of DE; one of BB"},
      {"region where there are none", {{"country", "FR"}, {"region", "HH"}}, "invalid_value", "leave region out"},
      {"country missing", json::object(), "missing_field", "country"},
      {"country not a string", {{"country", 49}}, "wrong_type", "country"},
      {"language not ISO 639-1", {{"country", "FR"}, {"language", "zz"}}, "invalid_value", "en, de, fr, nl, it, es, pl"},
      {"language too long", {{"country", "FR"}, {"language", "fra"}}, "too_long", "language"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    json r = Render(ctx, row.body);
    REQUIRE(r["ok"] == false);
    CHECK(r["error"]["code"] == row.code);
    CHECK(Has(r["error"]["message"].get<std::string>(), row.message));
  }
  json list = Call(ctx, {{"id", 8}, {"type", "authority.list"}, {"country", "XX"}});
  CHECK(list["error"]["code"] == "invalid_value");
  struct stat st {};
  CHECK(stat((dir.path() + "/data").c_str(), &st) != 0);  // refused before the store was opened
}

TEST_CASE("complaint: authority.list gives every authority, or one country's", "[complaint]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  json all = Call(ctx, {{"id", 1}, {"type", "authority.list"}});
  REQUIRE(all["ok"] == true);
  CHECK(all["result"]["authorities"].size() == Authorities().size());
  json de = Call(ctx, {{"id", 2}, {"type", "authority.list"}, {"country", "DE"}})["result"]["authorities"];
  CHECK(de.size() == 17);  // the federal commissioner and 16 Länder
  CHECK(de[0]["region"].is_null());
  json gb = Call(ctx, {{"id", 3}, {"type", "authority.list"}, {"country", "GB"}})["result"]["authorities"];
  REQUIRE(gb.size() == 1);
  CHECK(gb[0] == json{{"id", "gb-ico"},
                      {"country", "GB"},
                      {"region", nullptr},
                      {"name", "Information Commissioner's Office"},
                      {"name_en", "Information Commissioner's Office (United Kingdom)"},
                      {"address", {"Wycliffe House", "Water Lane", "Wilmslow", "Cheshire", "SK9 5AF", "United Kingdom"}},
                      {"web_form_url", "https://ico.org.uk/make-a-complaint/data-protection-complaints/data-protection-complaints/"},
                      {"website", "https://ico.org.uk/"},
                      {"source_url", "https://ico.org.uk/about-the-ico/who-we-are/directions-head-office/"},
                      {"verified", gb[0]["verified"]}});
  json hh = Call(ctx, {{"id", 4}, {"type", "authority.list"}, {"country", "DE"}})["result"]["authorities"];
  bool found = false;
  for (const auto& a : hh) found = found || (a["region"] == "HH" && a["id"] == "de-hh-hmbbfdi");
  CHECK(found);
}

TEST_CASE("complaint: with no records the letter says no objection was recorded", "[complaint]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  for (const char* lang : {"en", "de", "pl"}) {
    INFO(lang);
    json r = Render(ctx, {{"country", "DE"}, {"region", "BE"}, {"language", lang}});
    REQUIRE(r["ok"] == true);
    const std::string html = r["result"]["content"];
    const LetterStrings& t = *FindLetterStrings(lang);
    CHECK(Has(html, Html(t.none_recorded)));
    CHECK_FALSE(Has(html, Html(t.list_intro)));
    CHECK_FALSE(Has(html, "class=\"summary objections\""));
    CHECK(Has(html, "No submission has been recorded."));  // the empty evidence report
    CHECK(Has(html, "10555 Berlin"));
  }
}

TEST_CASE("complaint: hostile strings in the profile and in Meta's answer are escaped", "[complaint]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  Seed(ctx, "<script>alert(1)</script>\"><img src=x onerror=alert(2)>",
       "</blockquote><script>alert(3)</script><a href=\"javascript:x\">ok</a> & 'more'");
  json r = Render(ctx, {{"country", "FR"}, {"language", "fr"}});
  REQUIRE(r["ok"] == true);
  const std::string html = r["result"]["content"];
  CHECK_FALSE(Has(html, "<script"));
  CHECK_FALSE(Has(html, "<img src=x"));
  CHECK_FALSE(Has(html, "<a href"));
  CHECK(Has(html, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
  CHECK(Has(html, "&lt;/blockquote&gt;&lt;script&gt;alert(3)&lt;/script&gt;&lt;a href=&quot;javascript:x&quot;&gt;ok&lt;/a&gt;"
                  " &amp; &#39;more&#39;"));
}

TEST_CASE("complaint: a history that no longer verifies is named as such, not vouched for", "[complaint]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  Seed(ctx);
  {
    SQLite::Database raw(dir.path() + "/data/objector.sqlite3", SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER submissions_append_only_update");
    raw.exec("UPDATE submissions SET justification_text = 'Ja.'");
  }
  json r = Render(ctx, {{"country", "IE"}, {"language", "en"}});
  REQUIRE(r["ok"] == true);
  const std::string html = r["result"]["content"];
  const LetterStrings& t = *FindLetterStrings("en");
  CHECK(Has(html, Html(t.chain_broken) + " submission 1, event"));
  CHECK_FALSE(Has(html, Html(t.chain_head)));
}

TEST_CASE("complaint: the CLI writes the letter to an owner-only file", "[complaint][cli]") {
  testing::TempDir dir;
  EnvLookup env = [&dir](const char* name) { return std::string(name) == "OBJECTOR_DATA_DIR" ? dir.path() : ""; };
  auto cli = [&](std::vector<std::string> args, std::string* out_text = nullptr, std::string* err_text = nullptr) {
    std::istringstream in;
    std::ostringstream out, err;
    int code = RunCli(args, env, kClock, in, out, err);
    if (out_text) *out_text = out.str();
    if (err_text) *err_text = err.str();
    return code;
  };
  REQUIRE(cli({"profile", "set", "--email", "anna@example.de", "--name", "Anna", "--country", "DE", "--language", "de"}) == 0);
  const std::string file = dir.path() + "/beschwerde.html";
  std::string err;
  REQUIRE(cli({"complaint", "--country", "de", "--region", "hh", "-o", file}, nullptr, &err) == 0);
  CHECK(Has(err, "wrote " + file));
  CHECK(Has(err, "Nothing was sent"));
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::ifstream f(file);
  std::stringstream html;
  html << f.rdbuf();
  CHECK(Has(html.str(), "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit"));
  CHECK(Has(html.str(), Html(FindLetterStrings("de")->none_recorded)));

  std::string out;
  CHECK(cli({"complaint", "--country", "FR", "--language", "fr"}, &out) == 0);  // no -o: stdout
  CHECK(Has(out, "Madame, Monsieur,"));
  CHECK(cli({"complaint"}, nullptr, &err) == 2);
  CHECK(Has(err, "usage: objector complaint --country"));
  CHECK(cli({"complaint", "--country", "DE", "-o", file}, nullptr, &err) == 2);
  CHECK(Has(err, "region: required for DE"));
  CHECK(cli({"complaint", "--country", "ZZ"}, nullptr, &err) == 2);
  CHECK(Has(err, "one of AT, BE"));
}

}  // namespace objector
