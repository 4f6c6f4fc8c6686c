#include "protocol/validate.h"

#include <catch2/catch.hpp>

namespace objector {

using nlohmann::json;

TEST_CASE("value rules: emails, ISO codes, client ids, Meta form URLs", "[validate]") {
  CHECK(IsEmail("anna.schmidt@example.de"));
  CHECK(IsEmail("a+tag@sub.example.org"));
  CHECK_FALSE(IsEmail("not-an-email"));
  CHECK_FALSE(IsEmail("a@b"));
  CHECK_FALSE(IsEmail("a@@b.de"));
  CHECK_FALSE(IsEmail("a b@c.de"));
  CHECK_FALSE(IsEmail("a@.de"));
  CHECK(IsCountryCode("DE"));
  CHECK(IsCountryCode("IE"));
  CHECK_FALSE(IsCountryCode("de"));
  CHECK_FALSE(IsCountryCode("XX"));
  CHECK_FALSE(IsCountryCode("EU"));
  CHECK(IsLanguageCode("de"));
  CHECK(IsLanguageCode("ga"));
  CHECK_FALSE(IsLanguageCode("DE"));
  CHECK_FALSE(IsLanguageCode("xx"));
  CHECK(IsClientId("3b241101-e2bb-4255-8caf-4136c566a962"));
  CHECK_FALSE(IsClientId(""));
  CHECK_FALSE(IsClientId("a b"));
}

TEST_CASE("form_url: a real URL parse and Meta's hosts only", "[validate][url]") {
  struct Row {
    const char* url;
    bool ok;
  };
  const Row rows[] = {
      {"https://www.facebook.com/help/contact/6359191084165019", true},
      {"https://facebook.com/help/contact/1", true},
      {"https://m.facebook.com/help/contact/1", true},
      {"https://fr-fr.facebook.com/help/contact/712876720715583?ref=x#top", true},
      {"HTTPS://WWW.FACEBOOK.COM/help/contact/1", true},
      {"https://help.instagram.com/contact/767264225370182", true},
      {"https://privacycenter.instagram.com/", true},
      {"https://www.instagram.com", true},
      {"https://evil.com\\.facebook.com/x", false},
      {"https://www.facebook.com\\@evil.com/", false},
      {"https://www.facebook.com@evil.com/", false},
      {"https://user:pw@www.facebook.com/", false},
      {"https://www.facebook.com:443/help", false},
      {"https://www.facebook.com:8443/help", false},
      {"http://www.facebook.com/help/contact/1", false},
      {"javascript:alert(1)//www.facebook.com", false},
      {"https://facebook.com.evil.example/help", false},
      {"https://evilfacebook.com/", false},
      {"https://instagram.com/", false},
      {"https://evil.instagram.com/", false},
      {"https://www.facebook.com./", false},
      {"https://www..facebook.com/", false},
      {"https://www.faceb%6Fok.com/", false},
      {"https://[::1]/", false},
      {"https://127.0.0.1/", false},
      {"https://www.facebook.com/a b", false},
      {"https://www.facebook.com/\tx", false},
      {"https://www.facebook.com/\xC3\xA4", false},
      {"https:///www.facebook.com/", false},
      {"https://", false},
  };
  for (const auto& row : rows) {
    INFO(row.url);
    CHECK(IsMetaFormUrl(row.url) == row.ok);
  }
  auto url = ParseHttpsUrl("https://www.facebook.com/help/contact/1?a=b#c");
  REQUIRE(url);
  CHECK(url->host == "www.facebook.com");
  CHECK(url->path == "/help/contact/1");
  CHECK(url->query == "a=b");
  CHECK(url->fragment == "c");
}

TEST_CASE("Fields reports missing, wrong type, too long and NUL with the field's name", "[validate]") {
  json obj = {{"s", "abc"}, {"n", 5}, {"nul", std::string("a\0b", 3)}, {"arr", {"x", 1}}, {"u", "\xC3\xBC\xC3\xBC"}};
  Fields f(obj, "thing");
  std::string s;
  int64_t n = 0;
  CHECK(f.String("s", 3, &s).ok());
  CHECK(f.String("s", 2, &s).code() == ErrorCode::kTooLong);
  CHECK(f.String("u", 2, &s).ok());  // two characters, four bytes
  Status missing = f.String("absent", 3, &s);
  CHECK(missing.code() == ErrorCode::kMissingField);
  CHECK(missing.message() == "missing field: thing.absent");
  CHECK(f.String("absent", 3, &s, false).ok());
  CHECK(f.String("n", 3, &s).code() == ErrorCode::kWrongType);
  CHECK(f.String("nul", 9, &s).code() == ErrorCode::kInvalidValue);
  CHECK(f.Integer("n", 0, 10, &n).ok());
  CHECK(n == 5);
  CHECK(f.Integer("n", 6, 10, &n).code() == ErrorCode::kInvalidValue);
  CHECK(f.Integer("s", 0, 10, &n).code() == ErrorCode::kWrongType);
  std::vector<std::string> items;
  CHECK(f.StringArray("arr", 5, 10, &items).code() == ErrorCode::kWrongType);
  CHECK(f.Enum("s", {"abc", "def"}, &s).ok());
  CHECK(f.Enum("s", {"def"}, &s).code() == ErrorCode::kInvalidValue);
}

}  // namespace objector
