#include "protocol/error_code.h"

#include <array>
#include <utility>

namespace objector {
namespace {

constexpr std::array<std::pair<ErrorCode, std::string_view>, 20> kNames = {{
    {ErrorCode::kBadFrame, "bad_frame"},
    {ErrorCode::kFrameTooLarge, "frame_too_large"},
    {ErrorCode::kInvalidUtf8, "invalid_utf8"},
    {ErrorCode::kInvalidJson, "invalid_json"},
    {ErrorCode::kTooDeep, "too_deep"},
    {ErrorCode::kNotAnObject, "not_an_object"},
    {ErrorCode::kMissingField, "missing_field"},
    {ErrorCode::kWrongType, "wrong_type"},
    {ErrorCode::kInvalidValue, "invalid_value"},
    {ErrorCode::kTooLong, "too_long"},
    {ErrorCode::kUnknownType, "unknown_type"},
    {ErrorCode::kForbiddenCaller, "forbidden_caller"},
    {ErrorCode::kNotFound, "not_found"},
    {ErrorCode::kDbLocked, "db_locked"},
    {ErrorCode::kDbReadonly, "db_readonly"},
    {ErrorCode::kDbFull, "db_full"},
    {ErrorCode::kDbCorrupt, "db_corrupt"},
    {ErrorCode::kDbError, "db_error"},
    {ErrorCode::kInternal, "internal"},
    {ErrorCode::kDbMoved, "db_moved"},
}};

}  // namespace

std::string_view ErrorCodeName(ErrorCode code) {
  for (const auto& [c, name] : kNames) {
    if (c == code) return name;
  }
  return "internal";
}

std::optional<ErrorCode> ErrorCodeFromName(std::string_view name) {
  for (const auto& [c, n] : kNames) {
    if (n == name) return c;
  }
  return std::nullopt;
}

}  // namespace objector
