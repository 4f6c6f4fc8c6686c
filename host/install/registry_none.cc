// Non-Windows builds: there is no registry; the Windows rows of the table are
// only exercised in tests, with MemoryRegistry.
#include "registry.h"

namespace objector::install {

std::unique_ptr<Registry> WindowsRegistry() { return nullptr; }

}  // namespace objector::install
