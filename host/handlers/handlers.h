// The message handlers: one plain function per request type, found in a dispatch table
// (PROTOCOL.md, "Message types"). HandleFrame is the whole request -> reply path for one frame and
// the one place where exceptions become error replies.
#ifndef OBJECTOR_HANDLERS_HANDLERS_H_
#define OBJECTOR_HANDLERS_HANDLERS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "handlers/context.h"
#include "protocol/json_guard.h"

namespace objector {

// A handler gets the whole request object (envelope included) and returns the reply's `result`.
using Handler = Result<nlohmann::json> (*)(Context& ctx, const nlohmann::json& request);

struct MessageType {
  const char* type;
  Handler handler;
};

// The table, in PROTOCOL.md order.
const std::vector<MessageType>& MessageTypes();

// Runs the handler for `request.type`; kUnknownType when there is none.
Result<nlohmann::json> Dispatch(Context& ctx, const ParsedRequest& request);

// One frame's body in, the payloads of the reply frames out (one, or chunks when large).
// `caller_status` not ok: every request is answered with it (a forbidden caller).
std::vector<std::string> HandleFrame(Context& ctx, std::string_view frame, const Status& caller_status = Status::Ok());

}  // namespace objector

#endif  // OBJECTOR_HANDLERS_HANDLERS_H_
