// Native messaging frames: a 32-bit native-endian length, then that many bytes of UTF-8 JSON.
//
// FrameDecoder is the codec on any byte source: feed it bytes as they arrive (from an Asio pipe, a
// blocking read, a test string) and take complete frames out. It refuses a length of zero (recoverable:
// the stream stays in step) and a length above the cap (fatal: nothing is allocated, the stream
// cannot be resynchronised). ReadFrame/WriteFrame do the same on std::istream/std::ostream.
#ifndef OBJECTOR_PROTOCOL_FRAME_H_
#define OBJECTOR_PROTOCOL_FRAME_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "base/status.h"

namespace objector {

inline constexpr uint32_t kMaxRequestBytes = 1024 * 1024;  // PROTOCOL.md: requests above are refused
inline constexpr uint32_t kMaxReplyBytes = 1024 * 1024;    // the browsers' host->browser limit

// "<4-byte native length><payload>".
std::string EncodeFrame(std::string_view payload);

class FrameDecoder {
 public:
  struct Event {
    // ok: `payload` is one frame's body. Not ok: kBadFrame (zero length; recoverable) or
    // kFrameTooLarge (fatal: `fatal` is true and the decoder accepts nothing more).
    Status status;
    std::string payload;
    bool fatal = false;
  };

  explicit FrameDecoder(uint32_t max_bytes = kMaxRequestBytes) : max_bytes_(max_bytes) {}

  // Consumes all of `bytes`; complete frames and errors become available through Next().
  void Feed(std::string_view bytes);
  // The next decoded frame or error, in stream order; nullopt when more bytes are needed.
  std::optional<Event> Next();
  // True when a header or body was started but not finished (EOF now means a truncated frame).
  bool InMiddleOfFrame() const { return !header_.empty() || body_expected_ > 0; }
  bool failed() const { return failed_; }

 private:
  uint32_t max_bytes_;
  std::string header_;
  std::string body_;
  uint32_t body_expected_ = 0;
  bool failed_ = false;
  std::deque<Event> ready_;
};

// Blocking read of one frame from `in`. nullopt at a clean end of stream (before any header byte);
// an error Status for a truncated header/body, a zero length or an oversized frame.
Result<std::optional<std::string>> ReadFrame(std::istream& in, uint32_t max_bytes = kMaxRequestBytes);
// Writes one frame and flushes. Error (kInternal) when the stream fails.
Status WriteFrame(std::ostream& out, std::string_view payload);

}  // namespace objector

#endif  // OBJECTOR_PROTOCOL_FRAME_H_
