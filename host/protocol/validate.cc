#include "protocol/validate.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace objector {
namespace {

// ISO 3166-1 alpha-2 (iso-codes 4.x) and ISO 639-1, space separated, sorted.
constexpr std::string_view kCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW "
    "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ "
    "FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ "
    "IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH "
    "MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL "
    "PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD "
    "TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";
constexpr std::string_view kLanguages =
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee "
    "el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is "
    "it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms "
    "mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk "
    "sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi "
    "yo za zh zu";

bool InList(std::string_view list, const std::string& code) {
  if (code.size() != 2) return false;
  for (size_t i = 0; i + 2 <= list.size(); i += 3) {
    if (list.substr(i, 2) == code) return true;
  }
  return false;
}

}  // namespace

bool IsEmail(const std::string& s) {
  if (s.size() < 3 || s.size() > 254) return false;
  size_t at = s.find('@');
  if (at == std::string::npos || at == 0 || at != s.rfind('@') || at > 64) return false;
  std::string local = s.substr(0, at), domain = s.substr(at + 1);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos) return false;
  for (unsigned char c : local) {
    if (c < 0x21 || c == 0x7F || std::string_view("()<>[]\\,;:\"").find(c) != std::string_view::npos) return false;
  }
  if (domain.size() < 3 || domain.find('.') == std::string::npos) return false;
  if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string::npos) return false;
  for (unsigned char c : domain) {
    if (!(std::isalnum(c) || c == '-' || c == '.' || c >= 0x80)) return false;
  }
  return true;
}

bool IsCountryCode(const std::string& s) { return InList(kCountries, s); }
bool IsLanguageCode(const std::string& s) { return InList(kLanguages, s); }

bool IsClientId(const std::string& s) {
  if (s.empty() || s.size() > 128) return false;
  return std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':';
  });
}

std::optional<HttpsUrl> ParseHttpsUrl(const std::string& s) {
  constexpr std::string_view kScheme = "https://";
  if (s.size() > 2000 || s.size() <= kScheme.size()) return std::nullopt;
  for (unsigned char c : s) {
    if (c <= 0x20 || c >= 0x7F || c == '\\') return std::nullopt;
  }
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != kScheme[i]) return std::nullopt;
  }
  size_t end = s.find_first_of("/?#", kScheme.size());
  if (end == std::string::npos) end = s.size();
  std::string host = s.substr(kScheme.size(), end - kScheme.size());
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  // DNS labels only: this refuses userinfo '@', a port ':', '%'-escapes, '[v6]' and empty labels.
  if (host.empty() || host.size() > 253) return std::nullopt;
  size_t start = 0;
  for (;;) {
    size_t dot = host.find('.', start);
    std::string label = host.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return std::nullopt;
    for (unsigned char c : label) {
      if (!(std::islower(c) || std::isdigit(c) || c == '-')) return std::nullopt;
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  HttpsUrl url;
  url.host = host;
  std::string rest = s.substr(end);
  size_t hash = rest.find('#');
  if (hash != std::string::npos) {
    url.fragment = rest.substr(hash + 1);
    rest.resize(hash);
  }
  size_t q = rest.find('?');
  if (q != std::string::npos) {
    url.query = rest.substr(q + 1);
    rest.resize(q);
  }
  url.path = rest;
  return url;
}

bool IsMetaHost(const std::string& host) {
  constexpr std::string_view kFacebook = ".facebook.com";
  if (host == "facebook.com") return true;
  if (host.size() > kFacebook.size() && host.compare(host.size() - kFacebook.size(), kFacebook.size(), kFacebook) == 0) {
    return true;
  }
  for (const char* exact : {"help.instagram.com", "privacycenter.instagram.com", "www.instagram.com"}) {
    if (host == exact) return true;
  }
  return false;
}

bool IsMetaFormUrl(const std::string& s) {
  auto url = ParseHttpsUrl(s);
  return url && IsMetaHost(url->host);
}

size_t Utf8Length(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

const nlohmann::json* Fields::Find(const char* name) const {
  auto it = obj_.find(name);
  if (it == obj_.end() || it->is_null()) return nullptr;
  return &*it;
}

Status Fields::String(const char* name, size_t max_chars, std::string* out, bool required) const {
  const nlohmann::json* v = Find(name);
  if (!v) return required ? Status(ErrorCode::kMissingField, "missing field: " + Name(name)) : Status::Ok();
  if (!v->is_string()) return Status(ErrorCode::kWrongType, Name(name) + " must be a string");
  const std::string& s = v->get_ref<const std::string&>();
  if (Utf8Length(s) > max_chars) {
    return Status(ErrorCode::kTooLong, Name(name) + " is longer than " + std::to_string(max_chars) + " characters");
  }
  if (s.find('\0') != std::string::npos) return Invalid(name, "must not contain NUL characters");
  *out = s;
  return Status::Ok();
}

Status Fields::Integer(const char* name, int64_t min, int64_t max, int64_t* out, bool required) const {
  const nlohmann::json* v = Find(name);
  if (!v) return required ? Status(ErrorCode::kMissingField, "missing field: " + Name(name)) : Status::Ok();
  if (!v->is_number_integer()) return Status(ErrorCode::kWrongType, Name(name) + " must be an integer");
  if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
    return Invalid(name, "out of range");
  }
  int64_t n = v->get<int64_t>();
  if (n < min || n > max) {
    return Invalid(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  *out = n;
  return Status::Ok();
}

Status Fields::Bool(const char* name, bool* out, bool required) const {
  const nlohmann::json* v = Find(name);
  if (!v) return required ? Status(ErrorCode::kMissingField, "missing field: " + Name(name)) : Status::Ok();
  if (!v->is_boolean()) return Status(ErrorCode::kWrongType, Name(name) + " must be true or false");
  *out = v->get<bool>();
  return Status::Ok();
}

Status Fields::Object(const char* name, const nlohmann::json** out, bool required) const {
  const nlohmann::json* v = Find(name);
  *out = nullptr;
  if (!v) return required ? Status(ErrorCode::kMissingField, "missing field: " + Name(name)) : Status::Ok();
  if (!v->is_object()) return Status(ErrorCode::kWrongType, Name(name) + " must be an object");
  *out = v;
  return Status::Ok();
}

Status Fields::StringArray(const char* name, size_t max_items, size_t max_chars, std::vector<std::string>* out,
                           bool required) const {
  const nlohmann::json* v = Find(name);
  if (!v) return required ? Status(ErrorCode::kMissingField, "missing field: " + Name(name)) : Status::Ok();
  if (!v->is_array()) return Status(ErrorCode::kWrongType, Name(name) + " must be an array of strings");
  if (v->size() > max_items) {
    return Status(ErrorCode::kTooLong, Name(name) + " has more than " + std::to_string(max_items) + " items");
  }
  std::vector<std::string> items;
  for (const auto& item : *v) {
    if (!item.is_string()) return Status(ErrorCode::kWrongType, Name(name) + " must be an array of strings");
    const std::string& s = item.get_ref<const std::string&>();
    if (Utf8Length(s) > max_chars) {
      return Status(ErrorCode::kTooLong, Name(name) + " has an item longer than " + std::to_string(max_chars));
    }
    if (s.find('\0') != std::string::npos) return Invalid(name, "must not contain NUL characters");
    items.push_back(s);
  }
  *out = std::move(items);
  return Status::Ok();
}

Status Fields::Enum(const char* name, const std::vector<std::string>& allowed, std::string* out,
                    bool required) const {
  std::string v;
  Status s = String(name, 64, &v, required);
  if (!s.ok()) return s;
  if (!required && Find(name) == nullptr) return Status::Ok();
  if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    return Invalid(name, "must be one of " + list);
  }
  *out = v;
  return Status::Ok();
}

}  // namespace objector
