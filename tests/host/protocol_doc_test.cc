// host/PROTOCOL.md stays true: every example request in it is sent, in document order, to a real
// objector-host, and the reply must agree with the documented one (same ok, same result fields).
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "host_process.h"

namespace objector::itest {

TEST_CASE("every example request in PROTOCOL.md gets the documented kind of reply", "[protocol-doc]") {
  std::string doc = Slurp(OBJECTOR_PROTOCOL_MD);
  REQUIRE(!doc.empty());
  std::vector<json> blocks;
  const std::regex fence("```json\\n([\\s\\S]*?)```");
  for (std::sregex_iterator it(doc.begin(), doc.end(), fence), end; it != end; ++it) {
    json j = json::parse((*it)[1].str(), nullptr, false);
    INFO((*it)[1].str());
    REQUIRE_FALSE(j.is_discarded());  // every example is valid JSON
    blocks.push_back(j);
  }
  TempDir tmp;
  Child host(OBJECTOR_HOST_BIN, {}, {{"OBJECTOR_DATA_DIR", tmp.path()}}, tmp.path() + "/err.txt");
  std::set<std::string> covered;
  for (size_t i = 0; i + 1 < blocks.size(); ++i) {
    const json& req = blocks[i];
    const json& want = blocks[i + 1];
    if (!req.contains("type") || !want.contains("ok") || want.contains("chunk")) continue;
    INFO(req.dump());
    auto got = host.Call(req);
    REQUIRE(got);
    CHECK((*got)["id"] == want["id"]);
    CHECK((*got)["ok"] == want["ok"]);
    if (want["ok"] == true && (*got)["ok"] == true) {
      std::set<std::string> want_keys, got_keys;
      for (auto& [k, v] : want["result"].items()) want_keys.insert(k);
      for (auto& [k, v] : (*got)["result"].items()) got_keys.insert(k);
      CHECK(got_keys == want_keys);
    }
    covered.insert(req["type"].get<std::string>());
  }
  auto hello = host.Call({{"id", 0}, {"type", "hello"}});
  REQUIRE(hello);
  for (const auto& type : (*hello)["result"]["capabilities"]) {
    INFO("documented with an example: " << type);
    CHECK(covered.count(type.get<std::string>()) == 1);
  }
}

}  // namespace objector::itest
