#include "base/digest.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace objector {

TEST_CASE("SHA-256 matches the published test vectors", "[digest]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("Base64 round-trips and refuses anything but standard padded Base64", "[digest]") {
  for (const std::string& s : std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar",
                                                     std::string("\x00\xff\x89PNG", 6)}) {
    INFO(s);
    auto back = Base64Decode(Base64Encode(s));
    REQUIRE(back);
    CHECK(*back == s);
  }
  CHECK(Base64Encode("foobar") == "Zm9vYmFy");
  CHECK(Base64Encode("fo") == "Zm8=");
  for (const char* bad : {"Zm9", "Zm9v\n", "Zm-v", "Z===", "Zm8==", "Zm9=Zm9v", "Zm9w====", "Zm9=", "Zg=A"}) {
    INFO(bad);
    CHECK_FALSE(Base64Decode(bad).has_value());
  }
}

}  // namespace objector
