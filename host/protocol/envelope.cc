#include "protocol/envelope.h"

namespace objector {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// How many bytes `c` takes inside a JSON string as nlohmann writes it.
size_t EscapedSize(unsigned char c) {
  switch (c) {
    case '"':
    case '\\':
    case '\b':
    case '\f':
    case '\n':
    case '\r':
    case '\t':
      return 2;
    default:
      return c < 0x20 ? 6 : 1;
  }
}

size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  return 4;
}

}  // namespace

std::string ErrorReply(const json& id, const Status& status) {
  json reply = {{"id", id},
                {"ok", false},
                {"error", {{"code", std::string(ErrorCodeName(status.code()))}, {"message", status.message()}}}};
  return Dump(reply);
}

std::vector<std::string> ReplyFrames(const json& id, const json& result, size_t max_bytes) {
  // The envelope is written around the result's text (no copy of the result tree); the key order
  // is the one nlohmann would write: id, ok, result.
  std::string body = Dump(result);
  std::string text = "{\"id\":" + Dump(id) + ",\"ok\":true,\"result\":";
  if (text.size() + body.size() + 1 <= max_bytes) {
    text += body;
    text += '}';
    return {std::move(text)};
  }

  // Room for the envelope around `data`: id, counters up to 10 digits each, keys and quotes.
  const size_t overhead = Dump(json{{"id", id}, {"ok", true}, {"chunk", {{"index", 0}, {"count", 0}}}, {"data", ""}})
                              .size() +
                          40;
  const size_t budget = max_bytes > overhead + 8 ? max_bytes - overhead : 8;
  std::vector<std::string> pieces;
  size_t start = 0;
  size_t cost = 0;
  size_t i = 0;
  while (i < body.size()) {
    size_t len = Utf8SequenceLength(static_cast<unsigned char>(body[i]));
    size_t c = len == 1 ? EscapedSize(static_cast<unsigned char>(body[i])) : len;
    if (cost + c > budget) {
      pieces.push_back(body.substr(start, i - start));
      start = i;
      cost = 0;
    }
    cost += c;
    i += len;
  }
  pieces.push_back(body.substr(start));

  std::vector<std::string> frames;
  frames.reserve(pieces.size());
  for (size_t k = 0; k < pieces.size(); ++k) {
    json chunk = {{"id", id},
                  {"ok", true},
                  {"chunk", {{"index", k}, {"count", pieces.size()}}},
                  {"data", std::move(pieces[k])}};
    frames.push_back(Dump(chunk));
  }
  return frames;
}

}  // namespace objector
