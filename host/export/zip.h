// A minimal .zip writer for the evidence bundle: stored (uncompressed) entries, CRC-32 from zlib,
// no Zip64 (each entry and the archive stay far below 4 GiB). Any unzip reads it.
#ifndef OBJECTOR_EXPORT_ZIP_H_
#define OBJECTOR_EXPORT_ZIP_H_

#include <cstdint>
#include <string>
#include <vector>

namespace objector {

class ZipWriter {
 public:
  // `utc_time` ("2026-11-26T09:00:00Z"…) becomes every entry's modification time.
  explicit ZipWriter(const std::string& utc_time);
  // Adds one file; `name` is a relative path with '/' separators (ASCII).
  void Add(const std::string& name, const std::string& content);
  // The whole archive (central directory written); the writer is spent.
  std::string Finish();

 private:
  struct Entry {
    std::string name;
    uint32_t crc, size, offset;
  };
  std::string out_;
  std::vector<Entry> entries_;
  uint16_t dos_time_ = 0, dos_date_ = 0;
};

}  // namespace objector

#endif  // OBJECTOR_EXPORT_ZIP_H_
