// The clock seam: production code asks a Clock for "now"; tests inject a fixed one.
#ifndef OBJECTOR_BASE_CLOCK_H_
#define OBJECTOR_BASE_CLOCK_H_

#include <chrono>
#include <string>

namespace objector {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
};

class SystemClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override { return std::chrono::system_clock::now(); }
};

class FixedClock : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point t) : t_(t) {}
  std::chrono::system_clock::time_point Now() const override { return t_; }

 private:
  std::chrono::system_clock::time_point t_;
};

// "2026-11-25T16:54:06.123Z" (UTC, milliseconds).
std::string FormatUtc(std::chrono::system_clock::time_point t);

// True when `s` is "YYYY-MM-DDTHH:MM:SS[.fff...]Z" with a real calendar date (UTC, the protocol's
// only accepted time form).
bool IsUtcTimestamp(const std::string& s);

}  // namespace objector

#endif  // OBJECTOR_BASE_CLOCK_H_
