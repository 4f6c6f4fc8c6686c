#include "base/clock.h"

#include <catch2/catch.hpp>

namespace objector {

TEST_CASE("FormatUtc writes ISO 8601 UTC with milliseconds and Z", "[clock]") {
  auto t = std::chrono::system_clock::time_point(std::chrono::milliseconds(1795625646123LL));
  CHECK(FormatUtc(t) == "2026-11-25T16:54:06.123Z");
  CHECK(IsUtcTimestamp(FormatUtc(t)));
}

TEST_CASE("IsUtcTimestamp accepts only UTC ISO 8601 with Z and a real date", "[clock]") {
  struct Row {
    const char* text;
    bool ok;
  };
  const Row rows[] = {
      {"2026-11-25T16:54:06Z", true},         {"2026-11-25T16:54:06.5Z", true},
      {"2024-02-29T00:00:00Z", true},         {"2026-11-25T16:54:06+01:00", false},
      {"2026-11-25 16:54:06Z", false},        {"2026-02-29T00:00:00Z", false},
      {"2026-13-01T00:00:00Z", false},        {"2026-11-25T24:00:00Z", false},
      {"2026-11-25T16:54:06.Z", false},       {"", false},
      {"yesterday", false},                   {"2026-11-25T16:54:06Zjunk", false},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    CHECK(IsUtcTimestamp(row.text) == row.ok);
  }
}

}  // namespace objector
