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
  CHECK(IsMetaFormUrl("https://www.facebook.com/help/contact/6359191084165019"));
  CHECK(IsMetaFormUrl("https://help.instagram.com/contact/767264225370182"));
  CHECK(IsMetaFormUrl("https://fr-fr.facebook.com/help/contact/712876720715583?ref=x"));
  CHECK_FALSE(IsMetaFormUrl("http://www.facebook.com/help/contact/1"));
  CHECK_FALSE(IsMetaFormUrl("https://facebook.com.evil.example/help"));
  CHECK_FALSE(IsMetaFormUrl("https://evilfacebook.com/"));
  CHECK_FALSE(IsMetaFormUrl("https://www.facebook.com@evil.example/"));
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
