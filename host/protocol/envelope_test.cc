#include "protocol/envelope.h"

#include <catch2/catch.hpp>

namespace objector {

using nlohmann::json;

TEST_CASE("a small result is one plain reply frame", "[envelope]") {
  auto frames = ReplyFrames("req-1", json{{"x", 1}});
  REQUIRE(frames.size() == 1);
  json j = json::parse(frames[0]);
  CHECK(j["id"] == "req-1");
  CHECK(j["ok"] == true);
  CHECK(j["result"]["x"] == 1);
}

TEST_CASE("an error reply carries the stable code and the message", "[envelope]") {
  json j = json::parse(ErrorReply(nullptr, Status(ErrorCode::kTooDeep, "deep")));
  CHECK(j["id"].is_null());
  CHECK(j["ok"] == false);
  CHECK(j["error"]["code"] == "too_deep");
  CHECK(j["error"]["message"] == "deep");
}

TEST_CASE("a reply over the limit is chunked - chunks fit and reassemble exactly", "[envelope]") {
  // Quotes, newlines, control characters and multi-byte text stress the escaping budget.
  std::string text;
  for (int i = 0; i < 40000; ++i) text += "\"Widerspruch\" \xC3\xBC\n\x01\xE2\x82\xAC ";
  json result = {{"content", text}, {"n", 42}};
  const size_t limit = 64 * 1024;
  auto frames = ReplyFrames(7, result, limit);
  REQUIRE(frames.size() > 1);
  std::string joined;
  for (size_t k = 0; k < frames.size(); ++k) {
    INFO("chunk " << k);
    CHECK(frames[k].size() <= limit);
    json f = json::parse(frames[k]);
    CHECK(f["id"] == 7);
    CHECK(f["chunk"]["index"] == k);
    CHECK(f["chunk"]["count"] == frames.size());
    joined += f["data"].get<std::string>();
  }
  CHECK(json::parse(joined) == result);
}

TEST_CASE("the default limit is the browsers' 1 MiB", "[envelope]") {
  json result = {{"content", std::string(3 * 1024 * 1024, 'a')}};
  auto frames = ReplyFrames(1, result);
  CHECK(frames.size() == 4);
  for (const auto& f : frames) CHECK(f.size() <= kMaxReplyBytes);
}

}  // namespace objector
