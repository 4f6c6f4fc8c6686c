// Between the protocol's JSON objects and the store's records: Decode* validates what a caller
// sent (PROTOCOL.md rules; errors name the field), Encode* writes what the host returns.
#ifndef OBJECTOR_HANDLERS_CODEC_H_
#define OBJECTOR_HANDLERS_CODEC_H_

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "store/records.h"

namespace objector {

inline constexpr size_t kMaxTextChars = 5000;
inline constexpr size_t kMaxTitleChars = 200;
inline constexpr size_t kMaxAnswerChars = 4000;
inline constexpr size_t kMaxSnapshotBytes = 256 * 1024;
inline constexpr size_t kMaxAttachmentBytes = 700 * 1024;  // decoded; the request frame stays < 1 MiB

Result<Profile> DecodeProfile(const nlohmann::json& j);
nlohmann::json EncodeProfile(const Profile& p);

// `require_id`: updates must carry the id; new ones have none.
Result<Justification> DecodeJustification(const nlohmann::json& j);
nlohmann::json EncodeJustification(const Justification& j);

Result<Submission> DecodeSubmission(const nlohmann::json& j);
Result<Event> DecodeEvent(const nlohmann::json& j);
Result<HistoryQuery> DecodeHistoryQuery(const nlohmann::json& request);

nlohmann::json EncodeEvidence(const Evidence& e);
nlohmann::json EncodeHistoryItem(const HistoryItem& item);
nlohmann::json EncodeStats(const Stats& s);

}  // namespace objector

#endif  // OBJECTOR_HANDLERS_CODEC_H_
