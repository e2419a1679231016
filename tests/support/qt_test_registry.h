// Lets one Qt Test executable per module hold several test classes: each class registers itself
// with MIGICIAN_TEST_CLASS and qt_test_main.cpp runs them all (or the one named by --class).
#pragma once

#include <QObject>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace migician::test {

using TestFactory = std::function<std::unique_ptr<QObject>()>;

inline std::vector<std::pair<const char *, TestFactory>> &registry()
{
    static std::vector<std::pair<const char *, TestFactory>> classes;
    return classes;
}

struct TestRegistrar
{
    TestRegistrar(const char *name, TestFactory factory)
    {
        registry().emplace_back(name, std::move(factory));
    }
};

} // namespace migician::test

#define MIGICIAN_TEST_CLASS(Class)                                                                 \
    static const migician::test::TestRegistrar migicianRegistrar##Class(                           \
            #Class, [] { return std::make_unique<Class>(); });
