// The evidence bundle: everything a complaint needs in one archive that anyone can check with
// `unzip` and `sha256sum -c SHA256SUMS`.
#include "base/digest.h"
#include "export/export.h"
#include "export/zip.h"

namespace objector {

// A snapshot is HTML a page produced: saved as .html.txt so that opening the file shows its text and
// never runs it (the report shows it rendered, sandboxed). Bytes unchanged, so the name is its hash.
std::string EvidenceFileName(const Blob& blob) {
  const char* ext = blob.mime == "image/png" ? "png" : blob.mime == "image/jpeg" ? "jpg" : "html.txt";
  return "evidence/" + blob.sha256 + "." + ext;
}

std::string ExportBundle(const std::vector<HistoryItem>& items, const ExportMeta& meta) {
  std::vector<std::pair<std::string, std::string>> files = {
      {"report.html", ExportHtml(items, meta)},
      {"history.json", ExportJson(items, meta)},
      {"history.csv", ExportCsv(items, meta)},
  };
  for (const auto& [sha, blob] : meta.blobs) files.emplace_back(EvidenceFileName(blob), blob.content);
  std::string sums;
  for (const auto& [name, content] : files) sums += Sha256Hex(content) + "  " + name + "\n";
  ZipWriter zip(meta.generated_at);
  for (const auto& [name, content] : files) zip.Add(name, content);
  zip.Add("SHA256SUMS", sums);
  return zip.Finish();
}

}  // namespace objector
