// The handlers of issue 12's messages (PROTOCOL.md): account.list, account.link, coverage.get,
// notice.seen, notice.list. Registered in handlers.cc's table; same contract as the others: the
// whole request in, the reply's `result` or an error Status out. Unknown members of the request or
// of its objects are refused (invalid_value).
#ifndef OBJECTOR_HANDLERS_COVERAGE_HANDLERS_H_
#define OBJECTOR_HANDLERS_COVERAGE_HANDLERS_H_

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "handlers/context.h"

namespace objector {

Result<nlohmann::json> AccountListHandler(Context& ctx, const nlohmann::json& request);
Result<nlohmann::json> AccountLinkHandler(Context& ctx, const nlohmann::json& request);
Result<nlohmann::json> CoverageGetHandler(Context& ctx, const nlohmann::json& request);
Result<nlohmann::json> NoticeSeenHandler(Context& ctx, const nlohmann::json& request);
Result<nlohmann::json> NoticeListHandler(Context& ctx, const nlohmann::json& request);

}  // namespace objector

#endif  // OBJECTOR_HANDLERS_COVERAGE_HANDLERS_H_
