// Turning one frame's bytes into a request object, safely: UTF-8 is validated, nesting depth is
// bounded by a cheap scan BEFORE nlohmann/json (whose parser recurses) sees the text, and the
// envelope (`id`, `type`) is checked.
#ifndef OBJECTOR_PROTOCOL_JSON_GUARD_H_
#define OBJECTOR_PROTOCOL_JSON_GUARD_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "base/status.h"

namespace objector {

inline constexpr int kMaxJsonDepth = 64;

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// The deepest nesting of [ and { outside strings. Stops counting (returns limit + 1) as soon as the
// depth passes `limit`, so it runs in one pass whatever the input.
int JsonDepth(std::string_view text, int limit = kMaxJsonDepth);

// A parsed request. `id` is the request's id (a string or an integer) or null when it could not be
// read; replies must echo it.
struct ParsedRequest {
  nlohmann::json id;
  std::string type;
  nlohmann::json body;
};

// Parses a frame's body. Errors: kInvalidUtf8, kTooDeep, kInvalidJson, kNotAnObject,
// kMissingField (id or type), kWrongType (id not string/integer, type not string).
// On error, `*id_out` receives the id when it could be read (so the error reply can echo it).
Result<ParsedRequest> ParseRequest(std::string_view frame, nlohmann::json* id_out);

}  // namespace objector

#endif  // OBJECTOR_PROTOCOL_JSON_GUARD_H_
