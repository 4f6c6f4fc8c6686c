// Catch2 main for the host integration tests (they start the built binaries as children).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
