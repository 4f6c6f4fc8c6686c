// SHA-256 (OpenSSL's libcrypto) and strict Base64, for the evidence the history keeps.
#ifndef OBJECTOR_BASE_DIGEST_H_
#define OBJECTOR_BASE_DIGEST_H_

#include <optional>
#include <string>
#include <string_view>

namespace objector {

// The SHA-256 of `data` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view data);

// Standard Base64 (RFC 4648, "+/", padded).
std::string Base64Encode(std::string_view data);
// Decodes standard padded Base64; nullopt for anything else (wrong length, characters, padding).
std::optional<std::string> Base64Decode(std::string_view text);

// 64 zeros: the prev_hash of the first row of the history chain.
inline constexpr const char kGenesisHash[] = "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace objector

#endif  // OBJECTOR_BASE_DIGEST_H_
