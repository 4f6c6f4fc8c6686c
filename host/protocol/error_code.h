// The protocol's error codes (host/PROTOCOL.md, "Error codes"): the one list. The wire form is the
// stable snake_case string returned by ErrorCodeName; never rename one, only add.
#ifndef OBJECTOR_PROTOCOL_ERROR_CODE_H_
#define OBJECTOR_PROTOCOL_ERROR_CODE_H_

#include <optional>
#include <string_view>

namespace objector {

enum class ErrorCode {
  kBadFrame,
  kFrameTooLarge,
  kInvalidUtf8,
  kInvalidJson,
  kTooDeep,
  kNotAnObject,
  kMissingField,
  kWrongType,
  kInvalidValue,
  kTooLong,
  kUnknownType,
  kForbiddenCaller,
  kNotFound,
  kDbLocked,
  kDbReadonly,
  kDbFull,
  kDbCorrupt,
  kDbError,
  kInternal,
  kDbMoved,  // added after kInternal: the order is not the wire form, but keep existing values stable
};

// The stable wire string, e.g. "frame_too_large".
std::string_view ErrorCodeName(ErrorCode code);
// The inverse of ErrorCodeName; nullopt for an unknown string.
std::optional<ErrorCode> ErrorCodeFromName(std::string_view name);

}  // namespace objector

#endif  // OBJECTOR_PROTOCOL_ERROR_CODE_H_
