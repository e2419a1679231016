// doctest entry point for the `migician serve` suites (Qt-free, so they also build engine-only).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
