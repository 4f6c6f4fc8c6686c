// One protocol, two transports: every example request of host/PROTOCOL.md, in document order, goes
// to the native-messaging loop (RunStdioLoop over pipes, length-prefixed frames) and to the agent's
// POST /api, each over its own fresh SQLite file with the same clock; the replies must be the same
// (the data folder's path aside).
#include <unistd.h>

#include <regex>
#include <thread>

#include "agent/agent_test_util.h"
#include "agent/agent_files.h"
#include "protocol/frame.h"
#include "server/stdio_loop.h"

namespace objector {
namespace {

using nlohmann::json;

// The host's stdio loop in a thread, talked to through pipes as a browser does.
class StdioHost {
 public:
  StdioHost(const std::string& dir, const Clock& clock) : ctx_(dir, clock) {
    REQUIRE(pipe(to_host_) == 0);
    REQUIRE(pipe(from_host_) == 0);
    thread_ = std::thread([this] { RunStdioLoop(ctx_, to_host_[0], from_host_[1], Status::Ok(), diag_); });
  }
  ~StdioHost() {
    close(to_host_[1]);  // EOF at a frame boundary: the loop ends
    thread_.join();
    close(to_host_[0]);
    close(from_host_[0]);
    close(from_host_[1]);
  }

  // One request; the reply, chunk frames joined as host-client.js does.
  json Call(const json& request) {
    std::string payload = request.dump();
    uint32_t n = static_cast<uint32_t>(payload.size());
    std::string frame(reinterpret_cast<const char*>(&n), 4);
    frame += payload;
    REQUIRE(write(to_host_[1], frame.data(), frame.size()) == static_cast<ssize_t>(frame.size()));
    json first = ReadFrame();
    if (!first.contains("chunk")) return first;
    std::string data = first["data"];
    for (int i = 1; i < first["chunk"]["count"].get<int>(); ++i) data += ReadFrame()["data"].get<std::string>();
    return {{"id", first["id"]}, {"ok", true}, {"result", json::parse(data)}};
  }

 private:
  std::string ReadExactly(size_t n) {
    std::string out(n, '\0');
    size_t done = 0;
    while (done < n) {
      ssize_t r = read(from_host_[0], out.data() + done, n - done);
      REQUIRE(r > 0);
      done += static_cast<size_t>(r);
    }
    return out;
  }
  json ReadFrame() {
    std::string len = ReadExactly(4);
    uint32_t n = 0;
    std::memcpy(&n, len.data(), 4);
    return json::parse(ReadExactly(n));
  }

  Context ctx_;
  std::ostringstream diag_;
  int to_host_[2], from_host_[2];
  std::thread thread_;
};

// The reply without what differs by design: the data folder's path (hello).
json Comparable(json reply, const std::string& dir) {
  if (reply.contains("result") && reply["result"].is_object()) {
    for (const char* key : {"data_dir", "database"}) {
      if (reply["result"].contains(key)) {
        std::string v = reply["result"][key];
        CHECK(v.rfind(dir, 0) == 0);
        reply["result"].erase(key);
      }
    }
  }
  return reply;
}

}  // namespace

TEST_CASE("transports: every PROTOCOL.md example gets the same reply over native messaging and over HTTP",
          "[agent][transports]") {
  std::string doc = *ReadSmallFile(OBJECTOR_PROTOCOL_MD, 4 << 20);
  std::vector<json> blocks;
  const std::regex fence("```json\\n([\\s\\S]*?)```");
  for (std::sregex_iterator it(doc.begin(), doc.end(), fence), end; it != end; ++it) {
    blocks.push_back(json::parse((*it)[1].str()));
  }
  testing::TempDir native_dir;
  agent_test::AgentFixture agent;  // its clock: the same fixed instant as the native host's below
  StdioHost native(native_dir.path(), agent.clock());
  int compared = 0;
  for (size_t i = 0; i + 1 < blocks.size(); ++i) {
    const json& req = blocks[i];
    if (!req.contains("type") || !blocks[i + 1].contains("ok")) continue;
    INFO(req.dump());
    json over_native = native.Call(req);
    json over_http = agent.Call(req);
    CHECK(Comparable(over_http, agent.dir()) == Comparable(over_native, native_dir.path()));
    ++compared;
  }
  CHECK(compared >= 15);  // one example per message type at least
}

}  // namespace objector
