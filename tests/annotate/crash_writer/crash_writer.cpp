// Helper of the crash test: writes corrections to a project in a loop and prints each committed
// change on stdout ("C <id>" after a create, "M <id>" after a move), flushing every line, until
// it is killed. Usage: annotate_crash_writer PROJECT CASE_ID
#include "annotate/project_store.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

using namespace migician::annotate;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: annotate_crash_writer PROJECT CASE_ID\n");
        return 2;
    }
    auto store = ProjectStore::open(QString::fromLocal8Bit(argv[1]),
                                    ProjectStore::OpenMode::OpenExisting);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error()));
        return 1;
    }
    const qint64 caseId = std::atoll(argv[2]);
    for (int i = 0;; ++i) {
        const double x = (i % 100) / 200.0;
        NewAnnotation annotation;
        annotation.caseId = caseId;
        annotation.image = 1;
        annotation.box = NormBox{x, 0.1, x + 0.2, 0.5};
        const auto id = store.value()->createAnnotation(annotation, EditContext{"writer", i});
        if (!id) {
            std::fprintf(stderr, "%s\n", qPrintable(id.error()));
            return 1;
        }
        std::printf("C %lld\n", static_cast<long long>(*id));
        std::fflush(stdout);
        const Status moved = store.value()->updateAnnotation(
                *id, 1, NormBox{x + 0.1, 0.1, x + 0.3, 0.5}, EditContext{"writer", 5});
        if (!moved) {
            std::fprintf(stderr, "%s\n", qPrintable(moved.error()));
            return 1;
        }
        std::printf("M %lld\n", static_cast<long long>(*id));
        std::fflush(stdout);
    }
}
