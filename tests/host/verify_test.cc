// `objector verify` on a real history: intact, it prints the chain head and exits 0; after one byte
// of an event's reason or of a snapshot is changed with the sqlite3 command line, it exits 1 naming
// that row.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <regex>

#include "host_process.h"

namespace objector::itest {
namespace {

const char kSnapshot[] = "<section><h2>Wir haben deinen Widerspruch erhalten</h2></section>";

void Fill(const std::string& data) {
  Child host(OBJECTOR_HOST_BIN, {}, {{"OBJECTOR_DATA_DIR", data}}, data + "/../host.err");
  REQUIRE((*host.Call({{"id", 1}, {"type", "submission.record"}, {"submission", SubmissionJson("v-1")}}))["ok"] == true);
  json answer = {{"client_event_id", "v-1-answer"}, {"client_id", "v-1"}, {"status", "submitted"},
                 {"occurred_at", "2026-11-25T16:54:09Z"}, {"utc_offset_minutes", 60},
                 {"evidence", {{"answer_text", "Wir haben deinen Widerspruch erhalten."}, {"snapshot", kSnapshot}}}};
  REQUIRE((*host.Call({{"id", 2}, {"type", "submission.event"}, {"event", answer}}))["ok"] == true);
  json failed = {{"client_event_id", "v-1-failed"}, {"client_id", "v-1"}, {"status", "failed"},
                 {"reason", "Dieses Formular ist geschlossen."}, {"occurred_at", "2026-11-25T16:55:00Z"},
                 {"utc_offset_minutes", 60}};
  REQUIRE((*host.Call({{"id", 3}, {"type", "submission.event"}, {"event", failed}}))["ok"] == true);
}

// Runs SQL with the sqlite3 command line, as someone tampering with the file would.
void Sqlite(const std::string& db, const std::string& sql) {
  std::string cmd = "sqlite3 '" + db + "' \"" + sql + "\"";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

}  // namespace

TEST_CASE("objector verify: intact history passes; a byte changed with sqlite3 fails naming the row", "[verify]") {
  struct Row {
    const char* what;
    const char* sql;
    const char* names;
  };
  const Row rows[] = {
      {"intact", "", ""},
      {"one byte of a reason",
       "DROP TRIGGER events_append_only_update; UPDATE events SET reason = replace(reason, 'geschlossen.', "
       "'geschlossen!') WHERE client_event_id = 'v-1-failed';",
       "event 3 (v-1-failed): its content does not match its content_hash"},
      {"one byte of a snapshot",
       "DROP TRIGGER blobs_append_only_update; UPDATE blobs SET content = CAST(replace(CAST(content AS TEXT), "
       "'erhalten<', 'erhalteN<') AS BLOB);",
       "event 2 (v-1-answer): snapshot "},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    TempDir tmp;
    const std::string data = tmp.path() + "/data";
    Fill(data);
    if (*row.sql) Sqlite(data + "/objector.sqlite3", row.sql);
    auto [code, out] = RunCli(OBJECTOR_CLI_BIN, {"verify"}, data);
    INFO(out);
    if (!*row.sql) {
      CHECK(code == 0);
      CHECK(std::regex_match(out, std::regex("verified 3 events, chain head [0-9a-f]{64}\n")));
    } else {
      CHECK(code == 1);
      CHECK(out.find("history BROKEN at submission 1 (client_id v-1), " + std::string(row.names)) != std::string::npos);
    }
  }
}

}  // namespace objector::itest
