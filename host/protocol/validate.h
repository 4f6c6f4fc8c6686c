// Checking the fields of a request: presence, JSON type, length, and the value rules of
// PROTOCOL.md (emails, ISO country and language codes, UTC times, Meta form URLs). Every failure is a
// Status whose message names the field ("submission.country: ..."), never echoing its value.
#ifndef OBJECTOR_PROTOCOL_VALIDATE_H_
#define OBJECTOR_PROTOCOL_VALIDATE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace objector {

bool IsEmail(const std::string& s);
bool IsCountryCode(const std::string& s);   // ISO 3166-1 alpha-2, upper case, assigned
bool IsLanguageCode(const std::string& s);  // ISO 639-1, lower case
bool IsClientId(const std::string& s);      // 1..128 of [A-Za-z0-9._:-] (a UUID fits)

// An absolute https URL, parsed strictly: ASCII only, no spaces or control characters, no
// backslash (browsers read it as '/'), no userinfo, no port, no percent-encoding or IP literal in
// the host, a host of DNS labels. Host lower-cased; path "" or starting with '/'.
struct HttpsUrl {
  std::string host, path, query, fragment;  // query/fragment without their '?'/'#'
};
std::optional<HttpsUrl> ParseHttpsUrl(const std::string& s);
// facebook.com, *.facebook.com, help.instagram.com, privacycenter.instagram.com, www.instagram.com.
bool IsMetaHost(const std::string& host);
bool IsMetaFormUrl(const std::string& s);   // ParseHttpsUrl and IsMetaHost
size_t Utf8Length(const std::string& s);    // code points

// Reads typed fields of one JSON object. `prefix` names the object in messages ("" for the request).
class Fields {
 public:
  Fields(const nlohmann::json& object, std::string prefix) : obj_(object), prefix_(std::move(prefix)) {}

  // A string of at most `max_chars` code points without NUL. Absent and !required: `*out` untouched, ok.
  Status String(const char* name, size_t max_chars, std::string* out, bool required = true) const;
  Status Integer(const char* name, int64_t min, int64_t max, int64_t* out, bool required = true) const;
  Status Bool(const char* name, bool* out, bool required = true) const;
  // An object member; `*out` is null when absent and !required.
  Status Object(const char* name, const nlohmann::json** out, bool required = true) const;
  Status StringArray(const char* name, size_t max_items, size_t max_chars, std::vector<std::string>* out,
                     bool required = true) const;
  // One of `allowed`.
  Status Enum(const char* name, const std::vector<std::string>& allowed, std::string* out,
              bool required = true) const;

  std::string Name(const char* field) const { return prefix_.empty() ? field : prefix_ + "." + field; }
  Status Invalid(const char* field, const std::string& why) const {
    return Status(ErrorCode::kInvalidValue, Name(field) + ": " + why);
  }

 private:
  const nlohmann::json* Find(const char* name) const;
  const nlohmann::json& obj_;
  std::string prefix_;
};

}  // namespace objector

#endif  // OBJECTOR_PROTOCOL_VALIDATE_H_
