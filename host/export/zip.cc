#include "export/zip.h"

#include <zlib.h>

namespace objector {
namespace {

void Put16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void Put32(std::string& s, uint32_t v) {
  Put16(s, v & 0xFFFF);
  Put16(s, v >> 16);
}

}  // namespace

ZipWriter::ZipWriter(const std::string& t) {
  // DOS date/time; 1980-01-01 00:00 when the text cannot be read.
  int y = 1980, mo = 1, d = 1, h = 0, mi = 0, se = 0;
  if (t.size() >= 19) {
    try {
      y = std::stoi(t.substr(0, 4));
      mo = std::stoi(t.substr(5, 2));
      d = std::stoi(t.substr(8, 2));
      h = std::stoi(t.substr(11, 2));
      mi = std::stoi(t.substr(14, 2));
      se = std::stoi(t.substr(17, 2));
    } catch (...) {
    }
  }
  if (y < 1980) y = 1980;
  dos_date_ = static_cast<uint16_t>(((y - 1980) << 9) | (mo << 5) | d);
  dos_time_ = static_cast<uint16_t>((h << 11) | (mi << 5) | (se / 2));
}

void ZipWriter::Add(const std::string& name, const std::string& content) {
  Entry e{name, static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(content.data()),
                                            static_cast<uInt>(content.size()))),
          static_cast<uint32_t>(content.size()), static_cast<uint32_t>(out_.size())};
  Put32(out_, 0x04034b50);  // local file header
  Put16(out_, 10);          // version needed: 1.0 (stored)
  Put16(out_, 0x0800);      // UTF-8 names
  Put16(out_, 0);           // method: stored
  Put16(out_, dos_time_);
  Put16(out_, dos_date_);
  Put32(out_, e.crc);
  Put32(out_, e.size);
  Put32(out_, e.size);
  Put16(out_, static_cast<uint32_t>(name.size()));
  Put16(out_, 0);
  out_ += name;
  out_ += content;
  entries_.push_back(std::move(e));
}

std::string ZipWriter::Finish() {
  const uint32_t cd_start = static_cast<uint32_t>(out_.size());
  for (const auto& e : entries_) {
    Put32(out_, 0x02014b50);  // central directory header
    Put16(out_, 0x0314);      // made by: UNIX, 2.0
    Put16(out_, 10);
    Put16(out_, 0x0800);
    Put16(out_, 0);
    Put16(out_, dos_time_);
    Put16(out_, dos_date_);
    Put32(out_, e.crc);
    Put32(out_, e.size);
    Put32(out_, e.size);
    Put16(out_, static_cast<uint32_t>(e.name.size()));
    Put16(out_, 0);            // extra
    Put16(out_, 0);            // comment
    Put16(out_, 0);            // disk
    Put16(out_, 0);            // internal attributes
    Put32(out_, 0100600u << 16);  // external: a regular file, 0600
    Put32(out_, e.offset);
    out_ += e.name;
  }
  const uint32_t cd_size = static_cast<uint32_t>(out_.size()) - cd_start;
  Put32(out_, 0x06054b50);  // end of central directory
  Put16(out_, 0);
  Put16(out_, 0);
  Put16(out_, static_cast<uint32_t>(entries_.size()));
  Put16(out_, static_cast<uint32_t>(entries_.size()));
  Put32(out_, cd_size);
  Put32(out_, cd_start);
  Put16(out_, 0);
  return std::move(out_);
}

}  // namespace objector
