// The data-protection supervisory authorities a complaint can go to (complaint/authorities.json,
// compiled into the binaries): every EU/EEA country's authority, Germany's 16 Land authorities
// (region = ISO 3166-2 suffix, e.g. "HH") and the UK ICO. The table is parsed once, on first use.
#ifndef OBJECTOR_COMPLAINT_AUTHORITIES_H_
#define OBJECTOR_COMPLAINT_AUTHORITIES_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/status.h"

namespace objector {

struct Authority {
  std::string id;       // "de-hh-hmbbfdi"
  std::string country;  // ISO 3166-1 alpha-2
  std::string region;   // "" or the ISO 3166-2 suffix (Germany's Länder)
  std::string name;     // in the authority's official language
  std::string name_en;
  std::vector<std::string> address;  // postal address lines, the country last
  std::string web_form_url;          // the complaint form, else the contact page
  std::string website;
  std::string source_url;  // the official page the address was taken from
  bool verified = false;   // the address was confirmed on source_url
};

// Every authority, in the file's order. The embedded file is checked by the tests; a broken one
// would throw here (at the handlers' exception boundary).
const std::vector<Authority>& Authorities();

// The authorities of `country` ("" = all), in the table's order. kInvalidValue naming the accepted
// countries when `country` has none.
Result<std::vector<const Authority*>> ListAuthorities(const std::string& country);

// The one authority competent for a person living in `country` (and, for a country with regional
// authorities, `region`). kInvalidValue naming the accepted values: an unknown country, a missing or
// unknown region where regions exist, a region given where there are none.
Result<const Authority*> FindAuthority(const std::string& country, const std::string& region);

// "AT, BE, ..." (countries with an authority) and "BB, BE, ..." (the regions of `country`).
std::string AuthorityCountryList();
std::string AuthorityRegionList(const std::string& country);

// The wire form (PROTOCOL.md, `authority.list`).
nlohmann::json EncodeAuthority(const Authority& a);

}  // namespace objector

#endif  // OBJECTOR_COMPLAINT_AUTHORITIES_H_
