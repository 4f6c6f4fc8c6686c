// Reply envelopes (PROTOCOL.md, "Envelope"): success, failure, and the chunking of a reply whose JSON
// would exceed the browsers' 1 MiB limit into frames the caller reassembles.
#ifndef OBJECTOR_PROTOCOL_ENVELOPE_H_
#define OBJECTOR_PROTOCOL_ENVELOPE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/status.h"
#include "protocol/frame.h"

namespace objector {

// {"id":…,"ok":false,"error":{"code":…,"message":…}} as JSON text. `status` must not be ok.
std::string ErrorReply(const nlohmann::json& id, const Status& status);

// The payloads (JSON texts) of the frames that carry `result` for request `id`: one
// {"id","ok":true,"result"} when it fits in `max_bytes`, else N chunk frames
// {"id","ok":true,"chunk":{"index","count"},"data":"<piece>"} whose `data` concatenated in index order
// is the JSON text of `result`. Pieces never split a UTF-8 sequence; every payload is <= max_bytes.
std::vector<std::string> ReplyFrames(const nlohmann::json& id, const nlohmann::json& result,
                                     size_t max_bytes = kMaxReplyBytes);

}  // namespace objector

#endif  // OBJECTOR_PROTOCOL_ENVELOPE_H_
