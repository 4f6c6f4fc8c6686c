// The one Catch2 main for the core library's unit tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
