#include "protocol/json_guard.h"

#include <catch2/catch.hpp>
#include <string>

namespace objector {

TEST_CASE("IsValidUtf8 accepts UTF-8 and rejects every malformed shape", "[json_guard]") {
  struct Row {
    const char* what;
    std::string bytes;
    bool ok;
  };
  const Row rows[] = {
      {"ascii", "hello", true},
      {"german umlaut", "Widerspruch \xC3\xBC", true},
      {"euro sign", "\xE2\x82\xAC", true},
      {"emoji", "\xF0\x9F\x98\x80", true},
      {"lone continuation", "\x80", false},
      {"truncated two-byte", "\xC3", false},
      {"overlong slash", "\xC0\xAF", false},
      {"surrogate", "\xED\xA0\x80", false},
      {"above U+10FFFF", "\xF4\x90\x80\x80", false},
      {"invalid lead", "\xFF", false},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    CHECK(IsValidUtf8(row.bytes) == row.ok);
  }
}

TEST_CASE("JsonDepth counts nesting outside strings and stops past the limit", "[json_guard]") {
  CHECK(JsonDepth("{}") == 1);
  CHECK(JsonDepth("{\"a\":[[1]]}") == 3);
  CHECK(JsonDepth("{\"a\":\"[[[[[[\"}") == 1);
  CHECK(JsonDepth("{\"a\":\"\\\"[[[\"}") == 1);
  std::string deep(100000, '[');
  CHECK(JsonDepth(deep) == kMaxJsonDepth + 1);
}

TEST_CASE("ParseRequest maps each malformed request to its error code", "[json_guard]") {
  struct Row {
    const char* what;
    std::string frame;
    bool ok;
    ErrorCode code;
    nlohmann::json id;
  };
  const Row rows[] = {
      {"valid", R"({"id":1,"type":"hello"})", true, ErrorCode::kInternal, 1},
      {"string id", R"({"id":"a","type":"hello"})", true, ErrorCode::kInternal, "a"},
      {"invalid utf-8", "{\"id\":1,\"type\":\"\xFF\"}", false, ErrorCode::kInvalidUtf8, nullptr},
      {"invalid json", R"({"id":1,)", false, ErrorCode::kInvalidJson, nullptr},
      {"array", "[1,2]", false, ErrorCode::kNotAnObject, nullptr},
      {"too deep", std::string(65, '[') + std::string(65, ']'), false, ErrorCode::kTooDeep, nullptr},
      {"missing id", R"({"type":"hello"})", false, ErrorCode::kMissingField, nullptr},
      {"missing type", R"({"id":7})", false, ErrorCode::kMissingField, 7},
      {"id is an object", R"({"id":{},"type":"hello"})", false, ErrorCode::kWrongType, nullptr},
      {"id is a float", R"({"id":1.5,"type":"hello"})", false, ErrorCode::kWrongType, nullptr},
      {"type is a number", R"({"id":3,"type":5})", false, ErrorCode::kWrongType, 3},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    nlohmann::json id;
    auto r = ParseRequest(row.frame, &id);
    CHECK(r.ok() == row.ok);
    if (!row.ok) CHECK(r.status().code() == row.code);
    CHECK(id == row.id);
  }
  std::string depth64 = std::string(64, '[') + std::string(64, ']');
  nlohmann::json id;
  CHECK(ParseRequest(depth64, &id).status().code() == ErrorCode::kNotAnObject);  // 64 levels is allowed
}

}  // namespace objector
