// Unit tests of the fixture site's pure logic: finding pages, answering POSTs, logging without
// personal data, parsing form bodies.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "fixture_site.h"

namespace fs = std::filesystem;
using namespace objector::e2e;

namespace {

// A fixtures folder in the build's temp dir: pages.json plus the given files.
struct TempFixtures {
  fs::path dir;
  explicit TempFixtures(const std::string& pages_json) {
    dir = fs::temp_directory_path() / ("objector-fixture-site-" + std::to_string(::getpid()) + "-" +
                                       std::to_string(counter++));
    fs::create_directories(dir / "outcomes");
    Write("pages.json", pages_json);
  }
  ~TempFixtures() { fs::remove_all(dir); }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
  }
  static inline int counter = 0;
};

}  // namespace

TEST_CASE("pages are found by host and production path, trailing slash optional") {
  TempFixtures fx(R"([{"url": "https://www.facebook.com/privacy/genai/", "file": "genai.html"},
                      {"url": "https://help.instagram.com/contact/767264225370182?x=1", "file": "ig.html"}])");
  fx.Write("genai.html", "g");
  fx.Write("ig.html", "i");
  Site site;
  std::string err;
  REQUIRE(site.Load(fx.dir.string(), &err));
  REQUIRE(site.Find("www.facebook.com", "/privacy/genai/") != nullptr);
  REQUIRE(site.Find("WWW.facebook.com", "/privacy/genai") != nullptr);
  REQUIRE(site.Find("help.instagram.com", "/contact/767264225370182") != nullptr);
  CHECK(site.Find("facebook.com.example.net", "/privacy/genai/") == nullptr);
  CHECK(site.Find("www.facebook.com", "/privacy") == nullptr);
  CHECK(site.Hosts() == std::vector<std::string>{"help.instagram.com", "www.facebook.com"});
}

TEST_CASE("a path of one locale host is served on the site's other hosts, English first") {
  TempFixtures fx(R"([{"url": "https://de-de.facebook.com/help/contact/1", "file": "de.html", "language": "de"},
                      {"url": "https://en-gb.facebook.com/help/contact/1", "file": "en.html", "language": "en"},
                      {"url": "https://fr-fr.facebook.com/help/contact/2", "file": "fr.html", "language": "fr"}])");
  for (const char* f : {"de.html", "en.html", "fr.html"}) fx.Write(f, f);
  Site site;
  std::string err;
  REQUIRE(site.Load(fx.dir.string(), &err));
  CHECK(site.Find("de-de.facebook.com", "/help/contact/1")->language == "de");
  CHECK(site.Find("www.facebook.com", "/help/contact/1")->language == "en");
  CHECK(site.Find("www.facebook.com", "/help/contact/2")->language == "fr");
  CHECK(site.Find("help.instagram.com", "/help/contact/1") == nullptr);
  CHECK(site.Find("facebook.com.example.net", "/help/contact/1") == nullptr);
}

TEST_CASE("{\"pages\": [...]} is accepted as the index too") {
  TempFixtures fx(R"({"pages": [{"url": "https://www.facebook.com/a", "file": "a.html"}]})");
  fx.Write("a.html", "a");
  Site site;
  std::string err;
  REQUIRE(site.Load(fx.dir.string(), &err));
  CHECK(site.pages().size() == 1);
}

TEST_CASE("a bad index is refused with a sentence naming the entry") {
  struct Case {
    const char* json;
    const char* expected;
  };
  const Case cases[] = {
      {"not json", "not valid JSON"},
      {R"({"x": 1})", "expected an array"},
      {R"([{"url": "https://www.facebook.com/a"}])", "entry 0: needs string fields"},
      {R"([{"url": "http://www.facebook.com/a", "file": "a.html"}])", "entry 0: url must be https"},
      {R"([{"url": "https://www.facebook.com:8443/a", "file": "a.html"}])", "without a port"},
      {R"([{"url": "https://www.facebook.com/a", "file": "missing.html"}])", "does not exist"},
  };
  for (const auto& c : cases) {
    TempFixtures fx(c.json);
    Site site;
    std::string err;
    CHECK_FALSE(site.Load(fx.dir.string(), &err));
    CHECK_THAT(err, Catch::Contains(c.expected));
  }
}

TEST_CASE("each outcome answers with its fragment and status") {
  TempFixtures fx("[]");
  fx.Write("outcomes/confirmation.html", "CONFIRMED");
  fx.Write("outcomes/code.html", "CODE");
  fx.Write("outcomes/validation-error.html", "INVALID");
  fx.Write("outcomes/server-error.html", "BROKEN");
  Site site;
  std::string err;
  REQUIRE(site.Load(fx.dir.string(), &err));
  const Fields with_email{{"email", "ana@example.org"}, {"Field1", "DE"}};
  const Fields without_email{{"Field1", "DE"}};
  struct Case {
    Outcome outcome;
    const Fields* fields;
    int status;
    const char* body;
  };
  const Case cases[] = {
      {Outcome::kAuto, &with_email, 200, "CONFIRMED"},
      {Outcome::kAuto, &without_email, 200, "INVALID"},
      {Outcome::kConfirmation, &without_email, 200, "CONFIRMED"},
      {Outcome::kCode, &with_email, 200, "CODE"},
      {Outcome::kValidation, &with_email, 200, "INVALID"},
      {Outcome::kServerError, &with_email, 500, "BROKEN"},
  };
  for (const auto& c : cases) {
    const Answer a = site.AnswerSubmit(c.outcome, *c.fields);
    CHECK(a.status == c.status);
    CHECK(a.body == c.body);
  }
}

TEST_CASE("the answer comes in the language of the page that sent the form, else English") {
  TempFixtures fx(R"([{"url": "https://de-de.facebook.com/help/contact/1", "file": "de.html", "language": "de"}])");
  fx.Write("de.html", "d");
  fs::create_directories(fx.dir / "outcomes" / "de");
  fx.Write("outcomes/confirmation.html", "CONFIRMED");
  fx.Write("outcomes/de/confirmation.html", "BESTAETIGT");
  fx.Write("outcomes/code.html", "CODE");
  Site site;
  std::string err;
  REQUIRE(site.Load(fx.dir.string(), &err));
  const Page* from = site.FindByUrl("https://de-de.facebook.com/help/contact/1?ref=x");
  REQUIRE(from != nullptr);
  CHECK(from->language == "de");
  CHECK(site.AnswerSubmit(Outcome::kConfirmation, {}, from->language).body == "BESTAETIGT");
  CHECK(site.AnswerSubmit(Outcome::kCode, {}, "de").body == "CODE");  // no German fragment
  CHECK(site.AnswerSubmit(Outcome::kConfirmation, {}, "../x").body == "CONFIRMED");
  CHECK(site.FindByUrl("https://evil.example/help/contact/1") == nullptr);
}

TEST_CASE("under auto, a POST of the one-time code is confirmed") {
  TempFixtures fx("[]");
  fx.Write("outcomes/confirmation.html", "CONFIRMED");
  Site site;
  std::string err;
  REQUIRE(site.Load(fx.dir.string(), &err));
  CHECK(site.AnswerSubmit(Outcome::kAuto, {{"code", "123456"}}).body == "CONFIRMED");
}

TEST_CASE("a missing outcome fragment is a 500 naming the file") {
  TempFixtures fx("[]");
  Site site;
  std::string err;
  REQUIRE(site.Load(fx.dir.string(), &err));
  const Answer a = site.AnswerSubmit(Outcome::kCode, {});
  CHECK(a.status == 500);
  CHECK_THAT(a.body, Catch::Contains("outcomes/code.html"));
}

TEST_CASE("outcome names round-trip and unknown names are refused") {
  for (const char* name : {"auto", "confirmation", "code", "validation", "server-error"}) {
    const auto o = ParseOutcome(name);
    REQUIRE(o.has_value());
    CHECK(std::string(OutcomeName(*o)) == name);
  }
  CHECK_FALSE(ParseOutcome("ok").has_value());
}

TEST_CASE("log lines name fields but never their values") {
  const Fields fields{{"email", "ana@example.org"}, {"Field123", "My photos are mine"}};
  const std::string line = LogLine("POST", "www.facebook.com", "/ajax/help/contact/submit/page", 200, fields);
  CHECK_THAT(line, Catch::Contains("email"));
  CHECK_THAT(line, Catch::Contains("Field123"));
  CHECK_THAT(line, !Catch::Contains("ana@"));
  CHECK_THAT(line, !Catch::Contains("photos"));
}

TEST_CASE("urlencoded bodies decode + and %XX, keep bad escapes, allow repeats") {
  const Fields f = ParseFormBody("email=ana%40example.org&text=a+b%20c&bad=%zz&k=1&k=2&flag");
  CHECK(f.find("email")->second == "ana@example.org");
  CHECK(f.find("text")->second == "a b c");
  CHECK(f.find("bad")->second == "%zz");
  CHECK(f.count("k") == 2);
  CHECK(f.find("flag")->second.empty());
}

TEST_CASE("the Host header loses its port and case") {
  CHECK(HostWithoutPort("WWW.Facebook.com:8443") == "www.facebook.com");
  CHECK(HostWithoutPort("help.instagram.com") == "help.instagram.com");
  CHECK(HostWithoutPort("[::1]:443") == "[::1]");
}
