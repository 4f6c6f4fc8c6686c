// objector-host is killed with SIGKILL in the middle of a stream of writes: every record it
// acknowledged is in the database, and the database is intact.
#include <SQLiteCpp/Database.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <set>

#include "host_process.h"

namespace objector::itest {

TEST_CASE("SIGKILL mid-stream: every acknowledged record is there", "[kill]") {
  TempDir tmp;
  const std::string data = tmp.path() + "/data";
  Child host(OBJECTOR_HOST_BIN, {}, {{"OBJECTOR_DATA_DIR", data}}, tmp.path() + "/err.txt");
  constexpr int kSent = 3000;
  constexpr int kKillAfter = 250;
  // The writer streams requests without waiting for replies, like a busy extension.
  std::thread writer([&] {
    for (int i = 0; i < kSent; ++i) {
      if (!host.Send({{"id", i}, {"type", "submission.record"},
                      {"submission", SubmissionJson("kill-" + std::to_string(i))}})) {
        break;
      }
    }
  });
  std::set<std::string> acknowledged;
  while (true) {
    auto reply = host.Receive(10000);
    if (!reply) break;
    REQUIRE((*reply)["ok"] == true);
    acknowledged.insert((*reply)["result"]["client_id"].get<std::string>());
    if (acknowledged.size() == kKillAfter) host.Signal(SIGKILL);
  }
  CHECK(host.Wait() == 128 + SIGKILL);
  host.CloseStdin();
  writer.join();
  REQUIRE(acknowledged.size() >= kKillAfter);
  CHECK(acknowledged.size() < kSent);  // it really died mid-stream

  SQLite::Database db(data + "/objector.sqlite3", SQLite::OPEN_READWRITE);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  std::set<std::string> stored;
  SQLite::Statement q(db, "SELECT client_id FROM submissions");
  while (q.executeStep()) stored.insert(q.getColumn(0).getString());
  for (const auto& id : acknowledged) {
    INFO(id);
    CHECK(stored.count(id) == 1);
  }
  CHECK(stored.size() >= acknowledged.size());
}

}  // namespace objector::itest
