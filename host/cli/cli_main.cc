// objector: the user's command line. Wiring only; the commands live in cli/cli.cc.
#include <iostream>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/paths.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  objector::SystemClock clock;
  return objector::RunCli(std::vector<std::string>(argv + 1, argv + argc), objector::ProcessEnv(), clock, std::cin,
                          std::cout, std::cerr);
}
