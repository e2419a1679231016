// Runs every test class registered in this executable. `--class Name` runs one of them; the
// remaining arguments go to QTest (e.g. a test function name, -v2).
#include "support/qt_test_registry.h"

#ifdef QT_WIDGETS_LIB
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif
#include <QTest>

#include <cstring>

int main(int argc, char **argv)
{
    TestApplication app(argc, argv);
    const char *only = nullptr;
    std::vector<char *> args{argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--class") == 0 && i + 1 < argc)
            only = argv[++i];
        else
            args.push_back(argv[i]);
    }
    int failures = 0;
    int ran = 0;
    for (const auto &[name, factory] : migician::test::registry()) {
        if (only && std::strcmp(only, name) != 0)
            continue;
        auto object = factory();
        failures += QTest::qExec(object.get(), int(args.size()), args.data());
        ++ran;
    }
    if (ran == 0) {
        qWarning("no test class ran");
        return 1;
    }
    return failures == 0 ? 0 : 1;
}
