// doctest entry point for the model suites (Qt-free so that it also builds engine-only).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
