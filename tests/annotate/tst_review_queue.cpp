// Review queues over a real project file: prediction vs ground truth and prediction vs the
// human annotation, task and IoU filters, order, run choice, and a bad range.
#include "support/qt_test_registry.h"
#include "support/review_project.h"

#include "annotate/review_queue.h"

#include <QTemporaryDir>
#include <QTest>

using namespace migician::annotate;
using migician::test::makeReviewProject;

class ReviewQueueTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static QList<int> caseNumbers(const QList<ReviewItem> &items, const QList<qint64> &ids)
    {
        QList<int> numbers;
        for (const ReviewItem &item : items)
            numbers << int(ids.indexOf(item.caseId));
        return numbers;
    }

private Q_SLOTS:
    void againstGroundTruth()
    {
        auto project = makeReviewProject(m_dir.filePath(QStringLiteral("gt.migician")));
        QVERIFY2(project.store, qPrintable(project.error));
        ReviewFilter filter; // [0, 0.5], every task
        auto queue = reviewQueue(*project.store, filter);
        QVERIFY2(queue, qPrintable(queue.error()));
        // Lowest IoU first; ties (the two zeros) by case id; case 0 (IoU 1) is out of range.
        QCOMPARE(caseNumbers(*queue, project.caseIds), (QList<int>{3, 4, 2, 1}));
        QCOMPARE(queue->at(0).iou, 0.0); // right box on the wrong image
        QCOMPARE(queue->at(1).iou, 0.0); // no box at all
        QVERIFY(qAbs(queue->at(2).iou - 1.0 / 3.0) < 1e-12);
        QVERIFY(qAbs(queue->at(3).iou - 0.5) < 1e-12);
        QCOMPARE(queue->at(0).task, QStringLiteral("refer_grounding"));
        QCOMPARE(queue->at(0).predicted.first().image, 2);
        QCOMPARE(queue->at(0).referenceImage, 1);
        QCOMPARE(queue->at(0).runId, project.runId);
        QVERIFY(!queue->at(0).hasCorrection);

        filter.task = QStringLiteral("region");
        QCOMPARE(caseNumbers(*reviewQueue(*project.store, filter), project.caseIds),
                 (QList<int>{2, 1}));
        filter.minIou = 0.4;
        filter.maxIou = 1.0;
        QCOMPARE(caseNumbers(*reviewQueue(*project.store, filter), project.caseIds),
                 (QList<int>{1, 0}));
        filter.task = QStringLiteral("no such task");
        QVERIFY(reviewQueue(*project.store, filter)->isEmpty());

        // A run without predictions gives an empty queue; the real run gives the full one.
        filter = ReviewFilter();
        filter.runId = project.runId + 100;
        QVERIFY(reviewQueue(*project.store, filter)->isEmpty());
        const auto runs = runsWithCasePredictions(*project.store);
        QVERIFY(runs);
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().id, project.runId);
    }

    void latestPredictionWins()
    {
        auto project = makeReviewProject(m_dir.filePath(QStringLiteral("latest.migician")));
        QVERIFY2(project.store, qPrintable(project.error));
        NewRun run;
        run.backend = QStringLiteral("migician");
        run.modelFolder = QStringLiteral("/models/migician");
        run.configChecksum = QStringLiteral("x");
        const auto second = project.store->createRun(run);
        QVERIFY(second);
        QTest::qWait(5); // a later `created` time
        NewPrediction p;
        p.runId = *second;
        p.caseId = project.caseIds[3];
        p.rawAnswer = QStringLiteral("now right");
        p.boxes = {{1, NormBox{0.2, 0.2, 0.6, 0.6}, {}}};
        QVERIFY(project.store->recordPrediction(p));
        ReviewFilter filter;
        QCOMPARE(caseNumbers(*reviewQueue(*project.store, filter), project.caseIds),
                 (QList<int>{4, 2, 1})); // case 3 is now right
        filter.runId = project.runId;    // the first run still has it wrong
        QCOMPARE(caseNumbers(*reviewQueue(*project.store, filter), project.caseIds),
                 (QList<int>{3, 4, 2, 1}));
        QCOMPARE(runsWithCasePredictions(*project.store)->size(), 2);
    }

    void againstHumanAnnotation()
    {
        auto project = makeReviewProject(m_dir.filePath(QStringLiteral("human.migician")));
        QVERIFY2(project.store, qPrintable(project.error));
        ProjectStore &store = *project.store;
        const EditContext edit{QStringLiteral("ana"), 1200};
        // Case 0: the human disagrees with the (correct by ground truth) model: IoU 0.
        NewAnnotation a;
        a.caseId = project.caseIds[0];
        a.image = 1;
        a.box = NormBox{0.7, 0.7, 0.9, 0.9};
        const auto human0 = store.createAnnotation(a, edit);
        QVERIFY(human0);
        // Case 2: the human drew the model's box: IoU 1.
        a.caseId = project.caseIds[2];
        a.box = NormBox{0.4, 0.2, 0.8, 0.6};
        QVERIFY(store.createAnnotation(a, edit));
        // Case 1: a rejected human box does not count.
        a.caseId = project.caseIds[1];
        const auto rejected = store.createAnnotation(a, edit);
        QVERIFY(rejected);
        QVERIFY(store.rejectAnnotation(*rejected, edit));

        ReviewFilter filter;
        filter.reference = ReviewReference::HumanAnnotation;
        filter.maxIou = 1.0;
        const auto queue = reviewQueue(store, filter);
        QVERIFY2(queue, qPrintable(queue.error()));
        QCOMPARE(caseNumbers(*queue, project.caseIds), (QList<int>{0, 2}));
        QCOMPARE(queue->at(0).iou, 0.0);
        QCOMPARE(queue->at(0).referenceAnnotationId, *human0);
        QCOMPARE(queue->at(0).referenceAuthor, QStringLiteral("ana"));
        QCOMPARE(queue->at(1).iou, 1.0);
        QVERIFY(queue->at(0).hasCorrection);

        // Against the ground truth, the corrected cases are flagged.
        filter.reference = ReviewReference::GroundTruth;
        const auto gt = reviewQueue(store, filter);
        QCOMPARE(gt->size(), 5);
        for (const ReviewItem &item : *gt)
            QCOMPARE(item.hasCorrection,
                     item.caseId == project.caseIds[0] || item.caseId == project.caseIds[2]);
    }

    void emptyRangeIsAnError()
    {
        auto project = makeReviewProject(m_dir.filePath(QStringLiteral("bad.migician")));
        QVERIFY2(project.store, qPrintable(project.error));
        ReviewFilter filter;
        filter.minIou = 0.8;
        filter.maxIou = 0.2;
        const auto queue = reviewQueue(*project.store, filter);
        QVERIFY(!queue);
        QVERIFY(queue.error().contains(QLatin1String("bad.migician")));
        QVERIFY(queue.error().contains(QLatin1String("empty")));
    }
};

MIGICIAN_TEST_CLASS(ReviewQueueTest)
#include "tst_review_queue.moc"
