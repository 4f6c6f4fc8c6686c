#include "protocol/error_code.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

namespace objector {

TEST_CASE("every error code has a distinct wire string that maps back to it", "[error_code]") {
  std::set<std::string> seen;
  for (int i = 0; i <= static_cast<int>(ErrorCode::kDbMoved); ++i) {
    auto code = static_cast<ErrorCode>(i);
    std::string name(ErrorCodeName(code));
    CHECK(seen.insert(name).second);
    REQUIRE(ErrorCodeFromName(name).has_value());
    CHECK(*ErrorCodeFromName(name) == code);
  }
  CHECK(seen.size() == 20);
}

TEST_CASE("wire strings match PROTOCOL.md exactly", "[error_code]") {
  CHECK(ErrorCodeName(ErrorCode::kFrameTooLarge) == "frame_too_large");
  CHECK(ErrorCodeName(ErrorCode::kForbiddenCaller) == "forbidden_caller");
  CHECK(ErrorCodeName(ErrorCode::kDbReadonly) == "db_readonly");
  CHECK(ErrorCodeName(ErrorCode::kDbMoved) == "db_moved");
  CHECK_FALSE(ErrorCodeFromName("no_such_code").has_value());
}

}  // namespace objector
