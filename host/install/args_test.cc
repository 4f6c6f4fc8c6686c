// Flag parsing for install / uninstall / doctor, table-driven.
#include "args.h"

#include <catch2/catch.hpp>

namespace objector::install {
namespace {

TEST_CASE(
    "flags parse; unknown flags, unknown browsers and missing values are usage "
    "errors") {
  const std::vector<std::string> allowed = {"--browser", "--system",
                                            "--dry-run", "--host"};
  struct Case {
    std::vector<std::string> args;
    bool ok;
    size_t browsers;
  } cases[] = {
      {{}, true, 0},
      {{"--browser", "chromium", "--browser=firefox"}, true, 2},
      {{"--browser", "chrome,brave"}, true, 2},
      {{"--system", "--dry-run"}, true, 0},
      {{"--host", "/x/objector-host"}, true, 0},
      {{"--browser"}, false, 0},
      {{"--browser", "netscape"}, false, 0},
      {{"--purge"}, false, 0},
      {{"--system=yes"}, false, 0},
      {{"install"}, false, 0},
  };
  for (const Case& c : cases) {
    INFO(c.args.size() << " args, first: "
                       << (c.args.empty() ? "" : c.args[0]));
    Result<ParsedArgs> p = ParseArgs(c.args, allowed);
    CHECK(p.ok() == c.ok);
    if (c.ok) CHECK(p->browsers.size() == c.browsers);
    if (!c.ok) CHECK_FALSE(p.status().message().empty());
  }
}

TEST_CASE("the unknown-browser error lists the known names") {
  Result<ParsedArgs> p = ParseArgs({"--browser", "netscape"}, {"--browser"});
  CHECK_FALSE(p.ok());
  CHECK(p.status().message().find("flatpak-firefox") != std::string::npos);
}

}  // namespace
}  // namespace objector::install
