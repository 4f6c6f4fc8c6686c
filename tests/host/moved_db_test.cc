// The database is moved, deleted or put back while a host runs: a write after that is refused with
// db_moved (never acknowledged into a file nobody will open again), the next request opens the real
// path, and every acknowledged record is in one of the files.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <set>

#include "host_process.h"

namespace objector::itest {
namespace {

std::set<std::string> ClientIds(const std::string& db_path) {
  std::set<std::string> out;
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT client_id FROM submissions");
  while (q.executeStep()) out.insert(q.getColumn(0).getString());
  return out;
}

}  // namespace

TEST_CASE("moved, deleted or put back while the host runs: db_moved, then the real path; no acknowledged record lost",
          "[moved]") {
  for (const std::string how : {"moved away", "moved back", "deleted"}) {
    INFO(how);
    TempDir tmp;
    const std::string db = tmp.path() + "/objector.sqlite3";
    const std::string away = tmp.path() + "/moved.sqlite3";
    Child host(OBJECTOR_HOST_BIN, {}, {{"OBJECTOR_DATA_DIR", tmp.path()}}, tmp.path() + "/err.txt");
    std::set<std::string> acked;
    auto record = [&](const std::string& id) -> std::string {
      auto r = host.Call({{"id", id}, {"type", "submission.record"}, {"submission", SubmissionJson(id)}});
      if (!r) return "no reply";
      if ((*r)["ok"] == true) {
        acked.insert(id);
        return "ok";
      }
      return (*r)["error"]["code"].get<std::string>();
    };
    REQUIRE(record("one") == "ok");
    if (how == "deleted") {
      REQUIRE(std::remove(db.c_str()) == 0);
    } else {
      REQUIRE(std::rename(db.c_str(), away.c_str()) == 0);
    }
    CHECK(record("two") == "db_moved");
    if (how == "moved back") REQUIRE(std::rename(away.c_str(), db.c_str()) == 0);
    CHECK(record("three") == "ok");
    CHECK(record("four") == "ok");
    host.CloseStdin();
    REQUIRE(host.Wait() == 0);

    std::set<std::string> found = ClientIds(db);
    if (how == "moved away") {
      for (const auto& id : ClientIds(away)) found.insert(id);
    }
    CHECK(found.count("two") == 0);
    for (const auto& id : acked) {
      INFO(id);
      if (how == "deleted" && id == "one") continue;  // the person deleted the file that held it
      CHECK(found.count(id) == 1);
    }
    if (how == "moved back") CHECK(found == std::set<std::string>{"one", "three", "four"});
  }
}

}  // namespace objector::itest
