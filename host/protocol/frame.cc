#include "protocol/frame.h"

#include <cstring>

namespace objector {

std::string EncodeFrame(std::string_view payload) {
  uint32_t n = static_cast<uint32_t>(payload.size());
  std::string out(4 + payload.size(), '\0');
  std::memcpy(out.data(), &n, 4);  // native byte order, as the browsers use
  std::memcpy(out.data() + 4, payload.data(), payload.size());
  return out;
}

void FrameDecoder::Feed(std::string_view bytes) {
  while (!bytes.empty() && !failed_) {
    if (body_expected_ == 0) {
      size_t take = std::min<size_t>(4 - header_.size(), bytes.size());
      header_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (header_.size() < 4) return;
      uint32_t n;
      std::memcpy(&n, header_.data(), 4);
      header_.clear();
      if (n == 0) {
        ready_.push_back({Status(ErrorCode::kBadFrame, "zero-length frame"), "", false});
        continue;
      }
      if (n > max_bytes_) {
        failed_ = true;
        ready_.push_back({Status(ErrorCode::kFrameTooLarge, "frame of " + std::to_string(n) +
                                                                " bytes exceeds the limit of " +
                                                                std::to_string(max_bytes_)),
                          "", true});
        return;
      }
      body_expected_ = n;
      body_.clear();
      body_.reserve(n);  // n is within the cap here
      continue;
    }
    size_t take = std::min<size_t>(body_expected_ - body_.size(), bytes.size());
    body_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    if (body_.size() == body_expected_) {
      body_expected_ = 0;
      ready_.push_back({Status::Ok(), std::move(body_), false});
      body_.clear();
    }
  }
}

std::optional<FrameDecoder::Event> FrameDecoder::Next() {
  if (ready_.empty()) return std::nullopt;
  Event e = std::move(ready_.front());
  ready_.pop_front();
  return e;
}

Result<std::optional<std::string>> ReadFrame(std::istream& in, uint32_t max_bytes) {
  char header[4];
  in.read(header, 4);
  if (in.gcount() == 0) return std::optional<std::string>();
  if (in.gcount() < 4) return Status(ErrorCode::kBadFrame, "stream ended inside a frame header");
  uint32_t n;
  std::memcpy(&n, header, 4);
  if (n == 0) return Status(ErrorCode::kBadFrame, "zero-length frame");
  if (n > max_bytes) {
    return Status(ErrorCode::kFrameTooLarge,
                  "frame of " + std::to_string(n) + " bytes exceeds the limit of " + std::to_string(max_bytes));
  }
  std::string body(n, '\0');
  in.read(body.data(), n);
  if (static_cast<uint32_t>(in.gcount()) < n) {
    return Status(ErrorCode::kBadFrame, "stream ended inside a frame body (" + std::to_string(in.gcount()) +
                                            " of " + std::to_string(n) + " bytes)");
  }
  return std::optional<std::string>(std::move(body));
}

Status WriteFrame(std::ostream& out, std::string_view payload) {
  out << EncodeFrame(payload);
  out.flush();
  if (!out) return Status(ErrorCode::kInternal, "write failed");
  return Status::Ok();
}

}  // namespace objector
