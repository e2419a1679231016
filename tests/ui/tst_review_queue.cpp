// The review queue window on a real project driven with the keyboard: the filtered list and its
// IoUs, N / P / arrow keys load the right case into the main window's canvas, and correcting the
// model's box goes through the store and shows up in the queue.
#include "gui_test_support.h"
#include "support/qt_test_registry.h"
#include "support/review_project.h"

#include "annotate/review_queue.h"
#include "ui/case_canvas.h"
#include "ui/case_session.h"
#include "ui/main_window.h"
#include "ui/research_windows.h"
#include "ui/review_queue_window.h"
#include "ui/workbench_controller.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QTableWidget>

using namespace migician;
using namespace migician::annotate;

namespace {

// Case k's images: a flat colour per case (so the canvas can be checked), a darker second image.
QColor caseColour(int k)
{
    return QColor::fromHsv(k * 55, 200, 230);
}

bool writeImages(const QString &folder)
{
    for (int k = 0; k < 6; ++k)
        for (int image = 1; image <= 2; ++image) {
            QImage picture(240, 180, QImage::Format_RGB32);
            picture.fill(image == 1 ? caseColour(k) : caseColour(k).darker(200));
            QPainter(&picture).drawText(20, 40, QStringLiteral("case %1 / %2").arg(k).arg(image));
            if (!picture.save(folder + QLatin1Char('/') + test::reviewImagePath(k, image)))
                return false;
        }
    return true;
}

} // namespace

class ReviewQueueWindowTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // Which of the six cases the main window shows: by id, and by the pixels of its image 1.
    static int shownCase(ui::MainWindow &window, const QList<qint64> &ids)
    {
        ui::CaseSession *session = window.controller()->session();
        const int k = int(ids.indexOf(session->caseId()));
        if (k < 0 || session->images().size() != 2
            || session->images().first().pixel(5, 5) != caseColour(k).rgb())
            return -1;
        return k;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir);
    }

    void stepsThroughAndCorrects()
    {
        const QString file = m_dir.filePath(QStringLiteral("review.migician"));
        QList<qint64> ids;
        {
            auto project = test::makeReviewProject(file);
            QVERIFY2(project.store, qPrintable(project.error));
            ids = project.caseIds;
        }
        QVERIFY(writeImages(m_dir.path()));

        ui::StartupOptions options;
        options.openDemo = false;
        options.projectPath = file;
        ui::MainWindow window(options);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(shownCase(window, ids), 0);

        window.research()->showReviewQueue();
        ui::ReviewQueueWindow *queue = window.research()->reviewQueue();
        QVERIFY(queue);
        QVERIFY(queue->isWindow());
        QCOMPARE(queue->parentWidget(), &window);
        QVERIFY(QTest::qWaitForWindowExposed(queue));
        // One instance: asking again shows the same window.
        window.research()->showReviewQueue();
        QCOMPARE(window.research()->reviewQueue(), queue);

        // Default filter: IoU 0 to 0.5, every task, lowest first.
        QCOMPARE(queue->items().size(), 4);
        QStringList shownIous;
        for (int row = 0; row < queue->table()->rowCount(); ++row)
            shownIous << queue->table()->item(row, 2)->text();
        QCOMPARE(shownIous, (QStringList{"0.00", "0.00", "0.33", "0.50"}));
        QCOMPARE(queue->items().at(0).caseId, ids[3]);

        // Task filter and IoU range.
        queue->taskCombo()->setCurrentIndex(queue->taskCombo()->findData(QStringLiteral("region")));
        QCOMPARE(queue->items().size(), 2);
        queue->maxIouSpin()->setValue(1.0);
        queue->minIouSpin()->setValue(0.4);
        QCOMPARE(queue->table()->rowCount(), 2);
        QCOMPARE(queue->items().at(0).caseId, ids[1]);
        QCOMPARE(queue->items().at(1).caseId, ids[0]);
        QCOMPARE(queue->items().at(1).iou, 1.0);
        queue->taskCombo()->setCurrentIndex(0);
        queue->minIouSpin()->setValue(0);
        queue->maxIouSpin()->setValue(0.5);
        QCOMPARE(queue->items().size(), 4);

        // Keys: N opens the first (worst) case in the main canvas, N again the next, P back.
        queue->activateWindow();
        QTest::keyClick(queue, Qt::Key_N);
        QCOMPARE(queue->currentIndex(), 0);
        QCOMPARE(shownCase(window, ids), 3);
        QTest::keyClick(queue, Qt::Key_N);
        QCOMPARE(shownCase(window, ids), 4);
        QTest::keyClick(queue, Qt::Key_N);
        QCOMPARE(shownCase(window, ids), 2);
        QTest::keyClick(queue, Qt::Key_P);
        QCOMPARE(shownCase(window, ids), 4);
        // The list's own arrow keys step too.
        queue->table()->setFocus();
        QTest::keyClick(queue->table(), Qt::Key_Down);
        QCOMPARE(queue->currentIndex(), 2);
        QCOMPARE(shownCase(window, ids), 2);
        QCOMPARE(window.caseList()->currentIndex().row(), 2);

        // Correct the model's box of case 2: E puts it on the canvas as a model box, moving it
        // (what the canvas does on a drag) records a correction in the store.
        QTest::keyClick(queue, Qt::Key_E);
        ui::CaseSession *session = window.controller()->session();
        QCOMPARE(session->annotations().size(), 1);
        const AnnotationInfo modelBox = session->annotations().first();
        QVERIFY(modelBox.source == AnnotationSource::Model);
        QCOMPARE(modelBox.predictionId, queue->items().at(2).predictionId);
        QCOMPARE(modelBox.box, (NormBox{0.4, 0.2, 0.8, 0.6}));
        window.controller()->editBox(modelBox.id, 1, NormBox{0.2, 0.2, 0.6, 0.6}, 800);
        const auto stored = window.controller()->store()->annotation(modelBox.id);
        QVERIFY(stored);
        QVERIFY(stored->source == AnnotationSource::Corrected);
        QCOMPARE(stored->box, (NormBox{0.2, 0.2, 0.6, 0.6}));
        QVERIFY(window.controller()->undoStack()->canUndo());

        queue->refresh();
        QCOMPARE(queue->table()->item(2, 5)->text(), QStringLiteral("corrected"));
        QCOMPARE(queue->table()->item(0, 5)->text(), QStringLiteral("to review"));
        // Against the human (corrected) box, the model's box of case 2 has IoU 1/3.
        queue->referenceCombo()->setCurrentIndex(1);
        QCOMPARE(queue->items().size(), 1);
        QCOMPARE(queue->items().first().caseId, ids[2]);
        QVERIFY(qAbs(queue->items().first().iou - 1.0 / 3.0) < 1e-9);

        queue->referenceCombo()->setCurrentIndex(0);
        queue->maxIouSpin()->setValue(1.0);
        QTest::keyClick(queue, Qt::Key_N);
        QTest::qWait(50);
        QVERIFY(queue->grab().save(
                test::screenshotPath(m_dir, QStringLiteral("review_queue.png"))));
        QString error;
        QVERIFY2(window.saveScreenshot(
                         test::screenshotPath(m_dir, QStringLiteral("review_queue_main.png")),
                         &error),
                 qPrintable(error));
    }

    void emptyWithoutProject()
    {
        ui::ReviewQueueWindow queue;
        QVERIFY(queue.items().isEmpty());
        QVERIFY(!queue.errorText().isEmpty());
        QTest::keyClick(&queue, Qt::Key_N); // nothing to step to, nothing happens
        QCOMPARE(queue.currentIndex(), -1);
    }
};

MIGICIAN_TEST_CLASS(ReviewQueueWindowTest)
#include "tst_review_queue.moc"
