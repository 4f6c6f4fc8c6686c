// The history's hash chain (PROTOCOL.md, "Hash chain"): every row of `events` (status events, each
// submission's initial event, attachments) carries content_hash = SHA-256 of its canonical JSON,
// which includes prev_hash = the content_hash of the row stored before it (kGenesisHash first).
// Pure functions; the store and `objector verify` both use them.
#ifndef OBJECTOR_STORE_CHAIN_H_
#define OBJECTOR_STORE_CHAIN_H_

#include <nlohmann/json.hpp>
#include <string>

namespace objector {

inline constexpr int kChainVersion = 1;

// One row as the chain sees it. `detail` is the row's stored evidence (status rows: the evidence
// object, possibly empty) or attachment object; `submission` the submission's stored fields for
// its initial event, null otherwise.
struct ChainRow {
  std::string kind;  // "status" | "attachment"
  std::string client_id, client_event_id, status, reason, occurred_at, recorded_at;
  int64_t utc_offset_minutes = 0;
  nlohmann::json detail = nlohmann::json::object();
  nlohmann::json submission;  // null unless the initial event
  std::string prev_hash;
};

// The canonical serialisation: UTF-8 JSON, object keys sorted, no whitespace (nlohmann::json's
// dump(), which escapes only '"', '\\' and control characters).
std::string CanonicalRow(const ChainRow& row);
// SHA-256 hex of CanonicalRow(row).
std::string RowHash(const ChainRow& row);

}  // namespace objector

#endif  // OBJECTOR_STORE_CHAIN_H_
