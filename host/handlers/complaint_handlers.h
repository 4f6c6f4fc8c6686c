// The complaint pack's messages (PROTOCOL.md, `authority.list`, `complaint.render`), registered in
// the handler table like the rest.
#ifndef OBJECTOR_HANDLERS_COMPLAINT_HANDLERS_H_
#define OBJECTOR_HANDLERS_COMPLAINT_HANDLERS_H_

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "handlers/context.h"

namespace objector {

// `country` optional: `{authorities: [...]}` of that country, or all.
Result<nlohmann::json> AuthorityList(Context& ctx, const nlohmann::json& request);
// `country`, `region` (required where the country has regional authorities), `language` optional:
// the letter with the evidence report, as one HTML file.
Result<nlohmann::json> ComplaintRender(Context& ctx, const nlohmann::json& request);

}  // namespace objector

#endif  // OBJECTOR_HANDLERS_COMPLAINT_HANDLERS_H_
