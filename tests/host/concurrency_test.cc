// Two objector-host processes and the objector CLI write 1 000 submissions each into one database
// at the same time (BEGIN IMMEDIATE + busy timeout): all 3 000 are there, none twice.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "host_process.h"

namespace objector::itest {

TEST_CASE("two hosts and the CLI write 1000 submissions each concurrently: all 3000 are stored",
          "[concurrency]") {
  TempDir tmp;
  const std::string data = tmp.path() + "/data";
  constexpr int kEach = 1000;
  // Create the database first so the three writers race on writes, not on the very first schema.
  REQUIRE(RunCli(OBJECTOR_CLI_BIN, {"history"}, data).first == 0);

  auto host_writer = [&](const std::string& prefix, int* acked) {
    Child host(OBJECTOR_HOST_BIN, {}, {{"OBJECTOR_DATA_DIR", data}}, tmp.path() + "/" + prefix + ".err");
    for (int i = 0; i < kEach; ++i) {
      auto r = host.Call({{"id", i}, {"type", "submission.record"},
                          {"submission", SubmissionJson(prefix + "-" + std::to_string(i))}},
                         30000);
      if (r && (*r)["ok"] == true && (*r)["result"]["duplicate"] == false) ++*acked;
    }
    host.CloseStdin();
    host.Wait();
  };
  std::string lines;
  for (int i = 0; i < kEach; ++i) lines += SubmissionJson("cli-" + std::to_string(i)).dump() + "\n";

  int acked_a = 0, acked_b = 0;
  std::pair<int, std::string> cli;
  std::thread a(host_writer, "host-a", &acked_a);
  std::thread b(host_writer, "host-b", &acked_b);
  std::thread c([&] { cli = RunCli(OBJECTOR_CLI_BIN, {"record", "-"}, data, lines); });
  a.join();
  b.join();
  c.join();

  CHECK(acked_a == kEach);
  CHECK(acked_b == kEach);
  CHECK(cli.first == 0);
  CHECK(cli.second == "Recorded 1000 submissions (0 were already there).\n");
  SQLite::Database db(data + "/objector.sqlite3", SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT COUNT(*) FROM submissions").getInt() == 3 * kEach);
  CHECK(db.execAndGet("SELECT COUNT(DISTINCT client_id) FROM submissions").getInt() == 3 * kEach);
  CHECK(db.execAndGet("SELECT COUNT(*) FROM events").getInt() == 3 * kEach);
  // The three writers interleaved, and the hash chain is still one unbroken line.
  auto [verify_code, verify_out] = RunCli(OBJECTOR_CLI_BIN, {"verify"}, data);
  CHECK(verify_code == 0);
  CHECK(verify_out.rfind("verified 3000 events, chain head ", 0) == 0);
  for (const char* prefix : {"host-a-%", "host-b-%", "cli-%"}) {
    SQLite::Statement q(db, "SELECT COUNT(*) FROM submissions WHERE client_id LIKE ?");
    q.bind(1, prefix);
    q.executeStep();
    CHECK(q.getColumn(0).getInt() == kEach);
  }
}

}  // namespace objector::itest
