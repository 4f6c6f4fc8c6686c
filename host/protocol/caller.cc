#include "protocol/caller.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/build_info.h"

namespace objector {
namespace {

constexpr const char kChromePrefix[] = "chrome-extension://";

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Caller IdentifyCaller(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a.rfind(kChromePrefix, 0) == 0) {
      std::string id = a.substr(sizeof(kChromePrefix) - 1);
      if (!id.empty() && id.back() == '/') id.pop_back();
      return {Caller::Kind::kChromium, id};
    }
  }
  std::vector<std::string> positional;
  for (const auto& a : args) {
    if (a.rfind("-", 0) != 0) positional.push_back(a);
  }
  if (positional.size() >= 2 && EndsWith(positional[0], ".json")) {
    return {Caller::Kind::kFirefox, positional[1]};
  }
  return {};
}

std::vector<std::string> AllowedCallerIds(const std::string& extra_ids) {
  std::vector<std::string> ids = {build::kChromiumId, build::kGeckoId};
  size_t start = 0;
  while (start <= extra_ids.size()) {
    size_t comma = extra_ids.find(',', start);
    if (comma == std::string::npos) comma = extra_ids.size();
    std::string id = extra_ids.substr(start, comma - start);
    id.erase(0, id.find_first_not_of(" \t"));
    id.erase(id.find_last_not_of(" \t") + 1);
    if (!id.empty()) ids.push_back(id);
    start = comma + 1;
  }
  return ids;
}

std::vector<std::string> RecordedCallerIds(const std::vector<std::string>& record_files) {
  std::vector<std::string> ids;
  for (const std::string& file : record_files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) continue;
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json record = nlohmann::json::parse(text.str(), nullptr, false);
    if (!record.is_object() || !record.contains("extension_ids") || !record["extension_ids"].is_array()) continue;
    for (const auto& id : record["extension_ids"]) {
      if (id.is_string() && !id.get<std::string>().empty()) ids.push_back(id.get<std::string>());
    }
  }
  return ids;
}

Status CheckCaller(const Caller& caller, const std::vector<std::string>& allowed) {
  if (caller.kind == Caller::Kind::kByHand) return Status::Ok();
  if (std::find(allowed.begin(), allowed.end(), caller.id) != allowed.end()) return Status::Ok();
  return Status(ErrorCode::kForbiddenCaller, "this host does not serve the extension that started it");
}

}  // namespace objector
