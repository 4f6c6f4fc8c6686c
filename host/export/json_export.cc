#include <nlohmann/json.hpp>

#include "export/export.h"
#include "handlers/codec.h"

namespace objector {

std::string ExportJson(const std::vector<HistoryItem>& items, const ExportMeta& meta) {
  nlohmann::json subs = nlohmann::json::array();
  for (const auto& item : items) subs.push_back(EncodeHistoryItem(item));
  nlohmann::json doc = {{"schema", "org.objector.history"},
                        {"schema_version", kJsonExportSchemaVersion},
                        {"generated_at", meta.generated_at},
                        {"generator", {{"name", "objector"}, {"version", meta.host_version}}},
                        {"profile", EncodeProfile(meta.profile)},
                        {"submissions", subs}};
  return doc.dump(2) + "\n";
}

}  // namespace objector
