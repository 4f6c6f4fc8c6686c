#include "base/status.h"

namespace objector {

std::string Status::ToString() const {
  if (ok_) return "ok";
  return std::string(ErrorCodeName(code_)) + ": " + message_;
}

}  // namespace objector
