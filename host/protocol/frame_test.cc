#include "protocol/frame.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <sstream>

namespace objector {
namespace {

std::string Header(uint32_t n) {
  std::string h(4, '\0');
  std::memcpy(h.data(), &n, 4);
  return h;
}

}  // namespace

TEST_CASE("EncodeFrame prefixes the native-endian length", "[frame]") {
  std::string f = EncodeFrame("{}");
  REQUIRE(f.size() == 6);
  CHECK(f.substr(0, 4) == Header(2));
  CHECK(f.substr(4) == "{}");
}

TEST_CASE("FrameDecoder reassembles frames fed one byte at a time", "[frame]") {
  std::string stream = EncodeFrame("{\"a\":1}") + EncodeFrame("[2]");
  FrameDecoder d;
  for (char c : stream) d.Feed(std::string_view(&c, 1));
  auto a = d.Next();
  auto b = d.Next();
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->status.ok());
  CHECK(a->payload == "{\"a\":1}");
  CHECK(b->payload == "[2]");
  CHECK_FALSE(d.Next());
  CHECK_FALSE(d.InMiddleOfFrame());
}

TEST_CASE("FrameDecoder reports a zero length and stays in step", "[frame]") {
  FrameDecoder d;
  d.Feed(Header(0) + EncodeFrame("{}"));
  auto e = d.Next();
  REQUIRE(e);
  CHECK(e->status.code() == ErrorCode::kBadFrame);
  CHECK_FALSE(e->fatal);
  auto f = d.Next();
  REQUIRE(f);
  CHECK(f->payload == "{}");
}

TEST_CASE("FrameDecoder refuses an oversized length before allocating and stops", "[frame]") {
  FrameDecoder d(100);
  d.Feed(Header(0xFFFFFFFFu) + "garbage that must be ignored");
  auto e = d.Next();
  REQUIRE(e);
  CHECK(e->status.code() == ErrorCode::kFrameTooLarge);
  CHECK(e->fatal);
  CHECK(d.failed());
  d.Feed(EncodeFrame("{}"));
  CHECK_FALSE(d.Next());
}

TEST_CASE("FrameDecoder knows when EOF would cut a frame", "[frame]") {
  FrameDecoder d;
  d.Feed(Header(10).substr(0, 2));
  CHECK(d.InMiddleOfFrame());
  d.Feed(Header(10).substr(2) + "12345");
  CHECK(d.InMiddleOfFrame());
  CHECK_FALSE(d.Next());
}

TEST_CASE("ReadFrame on a std::istream: clean EOF, truncation and limits", "[frame]") {
  struct Row {
    const char* what;
    std::string bytes;
    bool ok;
    ErrorCode code;
  };
  const Row rows[] = {
      {"empty stream is a clean end", "", true, ErrorCode::kInternal},
      {"short header", Header(5).substr(0, 3), false, ErrorCode::kBadFrame},
      {"short body", Header(5) + "ab", false, ErrorCode::kBadFrame},
      {"zero length", Header(0), false, ErrorCode::kBadFrame},
      {"over the cap", Header(kMaxRequestBytes + 1), false, ErrorCode::kFrameTooLarge},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    std::istringstream in(row.bytes);
    auto r = ReadFrame(in);
    CHECK(r.ok() == row.ok);
    if (!row.ok) CHECK(r.status().code() == row.code);
    if (row.ok) CHECK_FALSE(r->has_value());
  }
  std::stringstream io;
  REQUIRE(WriteFrame(io, "{\"x\":true}").ok());
  auto r = ReadFrame(io);
  REQUIRE(r.ok());
  REQUIRE(r->has_value());
  CHECK(**r == "{\"x\":true}");
}

}  // namespace objector
