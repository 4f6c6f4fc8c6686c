#include "store/chain.h"

#include "base/digest.h"

namespace objector {

std::string CanonicalRow(const ChainRow& row) {
  nlohmann::json j = {{"chain", kChainVersion},
                      {"kind", row.kind},
                      {"client_id", row.client_id},
                      {"client_event_id", row.client_event_id},
                      {"status", row.status},
                      {"reason", row.reason},
                      {"occurred_at", row.occurred_at},
                      {"utc_offset_minutes", row.utc_offset_minutes},
                      {"recorded_at", row.recorded_at},
                      {"prev_hash", row.prev_hash}};
  j[row.kind == "attachment" ? "attachment" : "evidence"] = row.detail;
  if (!row.submission.is_null()) j["submission"] = row.submission;
  return j.dump();  // std::map keys: sorted by byte
}

std::string RowHash(const ChainRow& row) { return Sha256Hex(CanonicalRow(row)); }

}  // namespace objector
