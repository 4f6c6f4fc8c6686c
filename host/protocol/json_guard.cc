#include "protocol/json_guard.h"

namespace objector {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

int JsonDepth(std::string_view text, int limit) {
  int depth = 0;
  int max_depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > max_depth) {
          max_depth = depth;
          if (max_depth > limit) return limit + 1;
        }
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
  return max_depth;
}

Result<ParsedRequest> ParseRequest(std::string_view frame, nlohmann::json* id_out) {
  *id_out = nullptr;
  if (!IsValidUtf8(frame)) return Status(ErrorCode::kInvalidUtf8, "the frame is not valid UTF-8");
  if (JsonDepth(frame) > kMaxJsonDepth) {
    return Status(ErrorCode::kTooDeep, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
  nlohmann::json doc = nlohmann::json::parse(frame, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status(ErrorCode::kInvalidJson, "the frame is not valid JSON");
  if (!doc.is_object()) return Status(ErrorCode::kNotAnObject, "a request must be a JSON object");
  auto id = doc.find("id");
  if (id == doc.end()) return Status(ErrorCode::kMissingField, "missing field: id");
  if (!id->is_string() && !id->is_number_integer()) {
    return Status(ErrorCode::kWrongType, "id must be a string or an integer");
  }
  if (id->is_string() && id->get_ref<const std::string&>().size() > 200) {
    return Status(ErrorCode::kTooLong, "id is longer than 200 characters");
  }
  *id_out = *id;
  auto type = doc.find("type");
  if (type == doc.end()) return Status(ErrorCode::kMissingField, "missing field: type");
  if (!type->is_string()) return Status(ErrorCode::kWrongType, "type must be a string");
  ParsedRequest req;
  req.id = *id;
  req.type = type->get<std::string>();
  req.body = std::move(doc);
  return req;
}

}  // namespace objector
