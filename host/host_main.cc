// objector-host: the native messaging host the browsers start. Wiring only: find the data
// directory, check who started us, run the message loop (server/stdio_loop.h).
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/paths.h"
#include "handlers/context.h"
#include "protocol/caller.h"
#include "server/stdio_loop.h"

int main(int argc, char** argv) {
  using namespace objector;
  std::vector<std::string> args(argv + 1, argv + argc);
  EnvLookup env = ProcessEnv();
  auto data_dir = DataDir(env);
  if (!data_dir.ok()) {
    std::cerr << "objector-host: " << data_dir.status().message() << "\n";
    return 1;
  }
  Caller caller = IdentifyCaller(args);
  std::vector<std::string> allowed = AllowedCallerIds(env("OBJECTOR_EXTRA_ALLOWED_IDS"));
  for (const std::string& id :
       RecordedCallerIds({*data_dir + "/install-record.json", "/var/lib/objector/install-record.json"})) {
    allowed.push_back(id);
  }
  Status caller_status = CheckCaller(caller, allowed);
  if (!caller_status.ok()) {
    std::cerr << "objector-host: started by an extension this host does not serve; every request will be refused\n";
  }
  SystemClock clock;
  Context ctx(*data_dir, clock);
  return RunStdioLoop(ctx, STDIN_FILENO, STDOUT_FILENO, caller_status, std::cerr);
}
