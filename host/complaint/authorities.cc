#include "complaint/authorities.h"

#include <algorithm>
#include <set>

#include "complaint/authorities_data.h"

namespace objector {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  const json& v = j.at(key);
  return v.is_null() ? std::string() : v.get<std::string>();
}

std::vector<Authority> Parse() {
  json doc = json::parse(kAuthoritiesJson);
  std::vector<Authority> out;
  for (const json& j : doc.at("authorities")) {
    Authority a;
    a.id = Str(j, "id");
    a.country = Str(j, "country");
    a.region = Str(j, "region");
    a.name = Str(j, "name");
    a.name_en = Str(j, "name_en");
    a.address = j.at("address").get<std::vector<std::string>>();
    a.web_form_url = Str(j, "web_form_url");
    a.website = Str(j, "website");
    a.source_url = Str(j, "source_url");
    a.verified = j.at("verified").get<bool>();
    out.push_back(std::move(a));
  }
  return out;
}

std::string Join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

const std::vector<Authority>& Authorities() {
  static const std::vector<Authority> kTable = Parse();
  return kTable;
}

std::string AuthorityCountryList() {
  std::set<std::string> countries;
  for (const auto& a : Authorities()) countries.insert(a.country);
  return Join(countries);
}

std::string AuthorityRegionList(const std::string& country) {
  std::set<std::string> regions;
  for (const auto& a : Authorities()) {
    if (a.country == country && !a.region.empty()) regions.insert(a.region);
  }
  return Join(regions);
}

Result<std::vector<const Authority*>> ListAuthorities(const std::string& country) {
  std::vector<const Authority*> out;
  for (const auto& a : Authorities()) {
    if (country.empty() || a.country == country) out.push_back(&a);
  }
  if (out.empty()) {
    return Status(ErrorCode::kInvalidValue, "country: no supervisory authority known for it; one of " +
                                                AuthorityCountryList());
  }
  return out;
}

Result<const Authority*> FindAuthority(const std::string& country, const std::string& region) {
  auto list = ListAuthorities(country.empty() ? "-" : country);
  if (!list.ok()) return list.status();
  const std::string regions = AuthorityRegionList(country);
  if (regions.empty()) {
    if (!region.empty()) {
      return Status(ErrorCode::kInvalidValue, "region: " + country + " has one authority; leave region out");
    }
    return list->front();
  }
  if (region.empty()) {
    return Status(ErrorCode::kInvalidValue, "region: required for " + country +
                                                " (the authority of the Land you live in); one of " + regions);
  }
  for (const Authority* a : *list) {
    if (a->region == region) return a;
  }
  return Status(ErrorCode::kInvalidValue, "region: not a region of " + country + "; one of " + regions);
}

json EncodeAuthority(const Authority& a) {
  return {{"id", a.id},
          {"country", a.country},
          {"region", a.region.empty() ? json(nullptr) : json(a.region)},
          {"name", a.name},
          {"name_en", a.name_en},
          {"address", a.address},
          {"web_form_url", a.web_form_url},
          {"website", a.website},
          {"source_url", a.source_url},
          {"verified", a.verified}};
}

}  // namespace objector
