// The study protocol: seeded per-task sampling, per-annotator order, skips, timing and resume.
#include "annotate_test_util.h"
#include "support/qt_test_registry.h"

#include "annotate/study.h"

#include <QTemporaryDir>
#include <QTest>

using namespace migician::annotate;
using namespace migician::test;

class StudyTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    std::unique_ptr<ProjectStore> project(const QString &name)
    {
        auto store = ProjectStore::open(m_dir.filePath(name));
        for (int i = 0; i < 30; ++i) {
            NewCase c;
            c.source = QStringLiteral("bench");
            c.sourceIndex = i;
            c.task = i < 20 ? QStringLiteral("diff") : QStringLiteral("region");
            c.question = QStringLiteral("q%1").arg(i);
            c.imagePaths = {QStringLiteral("a%1.jpg").arg(i), QStringLiteral("b.jpg")};
            if (!store.value()->addCase(c))
                return nullptr;
        }
        return std::move(store.value());
    }

private Q_SLOTS:
    void samplesPerTaskReproducibly()
    {
        auto a = project(QStringLiteral("a.migician"));
        auto b = project(QStringLiteral("b.migician"));
        QVERIFY(a && b);
        StudySpec spec;
        spec.name = QStringLiteral("pilot");
        spec.fractionPerTask = {{QStringLiteral("diff"), 0.2}, {QStringLiteral("region"), 0.5}};
        spec.seed = 42;
        const auto studyA = createStudy(*a, spec);
        const auto studyB = createStudy(*b, spec);
        QVERIFY2(studyA && studyB, qPrintable(studyA.error()));
        const auto casesA = studyCases(*a, *studyA);
        QCOMPARE(casesA->size(), 4 + 5);
        QCOMPARE(*casesA, *studyCases(*b, *studyB)); // same seed, same sample
        int diff = 0;
        for (qint64 id : *casesA)
            diff += a->caseById(id)->task == QLatin1String("diff");
        QCOMPARE(diff, 4);
        spec.name = QStringLiteral("other seed");
        spec.seed = 7;
        QVERIFY(*studyCases(*a, *createStudy(*a, spec)) != *casesA);
        spec.fractionPerTask[QStringLiteral("diff")] = 1.5;
        spec.name = QStringLiteral("bad");
        QVERIFY(!createStudy(*a, spec));
        spec.fractionPerTask[QStringLiteral("diff")] = 0.5;
        spec.condition = StudyCondition::Assisted; // without a run
        QVERIFY(!createStudy(*a, spec));
    }

    void ordersRecordsAndResumes()
    {
        const QString file = m_dir.filePath(QStringLiteral("resume.migician"));
        qint64 study = 0;
        QList<qint64> annOrder;
        {
            auto store = project(QStringLiteral("resume.migician"));
            StudySpec spec;
            spec.name = QStringLiteral("s");
            spec.fractionPerTask = {{QStringLiteral("diff"), 0.5}};
            spec.seed = 1;
            study = createStudy(*store, spec).value();
            QCOMPARE(assignAnnotator(*store, study, QStringLiteral("ann")).value(), 10);
            QCOMPARE(assignAnnotator(*store, study, QStringLiteral("ann")).value(), 10);
            QCOMPARE(assignAnnotator(*store, study, QStringLiteral("bob")).value(), 10);
            // answer one, skip one, spend time on the third, then "crash" (close)
            auto first = nextItem(*store, study, QStringLiteral("ann")).value();
            QVERIFY(first);
            QCOMPARE(first->position, 0);
            QCOMPARE(first->total, 10);
            annOrder << first->caseId;
            QVERIFY(recordResponse(*store, first->assignmentId, 1, NormBox{0.1, 0.1, 0.5, 0.5},
                                   4200));
            auto second = nextItem(*store, study, QStringLiteral("ann")).value();
            annOrder << second->caseId;
            QVERIFY(recordResponse(*store, second->assignmentId, 0, std::nullopt, 900));
            auto third = nextItem(*store, study, QStringLiteral("ann")).value();
            QCOMPARE(third->position, 2);
            QVERIFY(saveProgress(*store, third->assignmentId, 3100));
            annOrder << third->caseId;
            // bob has his own order of the same cases
            QList<qint64> bobOrder;
            for (int i = 0; i < 3; ++i) {
                auto item = nextItem(*store, study, QStringLiteral("bob")).value();
                bobOrder << item->caseId;
                QVERIFY(recordResponse(*store, item->assignmentId, 2, NormBox{0, 0, 1, 1}, 10));
            }
            QVERIFY(bobOrder != annOrder);
        }
        auto store = ProjectStore::open(file, ProjectStore::OpenMode::OpenExisting);
        QVERIFY(store);
        const auto resumed = nextItem(*store.value(), study, QStringLiteral("ann")).value();
        QVERIFY(resumed);
        QCOMPARE(resumed->caseId, annOrder.at(2));
        QCOMPARE(resumed->position, 2);
        QCOMPARE(resumed->activeMsSoFar, 3100);
        const auto responses = studyResponses(*store.value(), study);
        QCOMPARE(responses->size(), 5);
        QCOMPARE(responses->at(0).annotator, QStringLiteral("ann"));
        QCOMPARE(responses->at(0).activeMs, 4200);
        QVERIFY(responses->at(1).skipped);
        // answers become human annotations with their time in the edit log
        QList<AnnotationInfo> byAnn;
        for (const AnnotationInfo &a : store.value()->annotationsForCase(annOrder.at(0)).value())
            if (a.author == QLatin1String("ann"))
                byAnn << a;
        QCOMPARE(byAnn.size(), 1);
        QCOMPARE(store.value()->editHistory(byAnn.at(0).id)->at(0).durationMs, 4200);
    }
};

MIGICIAN_TEST_CLASS(StudyTest)
#include "tst_study.moc"
