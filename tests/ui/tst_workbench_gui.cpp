// The workbench driven through its real widgets, offscreen: open the demo, crop a visual
// reference on Image-1, ask the built-in assistant, move the box it finds, undo, redo, accept;
// then read the SQLite file directly and reopen the project.
#include "gui_test_support.h"
#include "support/qt_test_registry.h"

#include "annotate/project_store.h"
#include "ui/answer_panel.h"
#include "ui/case_session.h"
#include "ui/export_dialog.h"
#include "ui/main_window.h"
#include "ui/query_panel.h"
#include "ui/workbench_controller.h"

#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QToolButton>

using namespace migician;

class WorkbenchGuiTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    qint64 m_boxId = 0;
    annotate::NormBox m_finalBox;
    int m_finalImage = 0;

    std::unique_ptr<ui::MainWindow> openWindow() { return test::shownWindow(QString()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir);
    }

    void cropRunMoveUndoRedoAccept()
    {
        auto window = openWindow();
        QVERIFY(window);
        ui::WorkbenchController *controller = window->controller();
        QString error;
        QVERIFY2(controller->openDemo(&error, m_dir.filePath(QStringLiteral("demo")),
                                      test::demoSourceFolder()),
                 qPrintable(error));
        m_project = controller->store()->fileName();
        QCOMPARE(controller->session()->images().size(), 4);
        ui::CaseCanvas *canvas = window->canvas();
        ui::CaseScene *scene = canvas->caseScene();
        QCOMPARE(scene->imageCount(), 4);
        canvas->fitAll();

        // Crop the standing man on Image-1 with the crop tool.
        QTest::mouseClick(window->queryPanel()->cropButton(), Qt::LeftButton);
        QCOMPARE(scene->mode(), ui::CaseScene::Mode::Crop);
        const QRectF crop = scene->toScene(1, annotate::NormBox{0.30, 0.22, 0.46, 0.70});
        const QString demoShot = test::screenshotPath(m_dir, QStringLiteral("demo-case.png"));
        QVERIFY(window->saveScreenshot(demoShot, &error));
        const QString cropShot = test::screenshotPath(m_dir, QStringLiteral("crop-tool.png"));
        test::dragOnCanvas(canvas, crop.topLeft(), crop.bottomRight(),
                           [&] { QVERIFY(window->grab().save(cropShot)); });
        QVERIFY(!QImage(cropShot).isNull());
        QCOMPARE(controller->references().size(), 1);
        QCOMPARE(controller->references().first().sourceImage, 1);
        QCOMPARE(window->queryPanel()->chipCount(), 1);
        QCOMPARE(controller->referenceName(0), QStringLiteral("Image-5"));
        QCOMPARE(scene->mode(), ui::CaseScene::Mode::Select);
        QVERIFY(controller->renderedPrompt(QStringLiteral("Find Image-5"))
                        .count(QStringLiteral("<|image_pad|>"))
                == 5);

        // Run the built-in assistant.
        window->queryPanel()->setQuery(
                QStringLiteral("Where is the person of Image-5 in the other images?"));
        QSignalSpy answers(controller, &ui::WorkbenchController::answerReady);
        QSignalSpy errors(controller, &ui::WorkbenchController::errorOccurred);
        QTest::mouseClick(window->queryPanel()->runButton(), Qt::LeftButton);
        QVERIFY(answers.wait(60000));
        QVERIFY2(errors.isEmpty(),
                 errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
        const auto result = answers.first().first().value<ui::InferenceResult>();
        QVERIFY2(result.text.startsWith(QStringLiteral("Built-in assistant (OpenCV)")),
                 qPrintable(result.text));
        QVERIFY(result.text.contains(QStringLiteral("<|box_start|>")));
        QVERIFY(!result.boxes.isEmpty());
        QVERIFY(window->answerPanel()->text().contains(QStringLiteral("image.")));
        const auto annotations = controller->session()->annotations();
        QCOMPARE(annotations.size(), result.boxes.size());
        const annotate::AnnotationInfo model = annotations.first();
        QCOMPARE(annotate::toString(model.source),
                 annotate::toString(annotate::AnnotationSource::Model));
        QVERIFY(model.image >= 2 && model.image <= 4); // never the image the crop came from
        QVERIFY(scene->boxItem(model.id));

        // Move it by dragging its middle towards the centre of its image.
        const QRectF before = scene->toScene(model.image, model.box);
        const QRectF image = scene->imageRect(model.image);
        const QPointF toward = image.center() - before.center();
        const QPointF delta(toward.x() > 0 ? 60 : -60, toward.y() > 0 ? 40 : -40);
        canvas->setFocus();
        test::dragOnCanvas(canvas, before.center(), before.center() + delta);
        const auto moved = controller->session()->annotation(model.id);
        QVERIFY(moved);
        QCOMPARE(annotate::toString(moved->source),
                 annotate::toString(annotate::AnnotationSource::Corrected));
        // The drag is quantised to viewport pixels: compare with the delta the view really made.
        const QPointF made
                = canvas->mapToScene(test::viewportPoint(canvas, before.center() + delta))
                  - canvas->mapToScene(test::viewportPoint(canvas, before.center()));
        QVERIFY(qAbs(moved->box.x1 - (model.box.x1 + made.x() / image.width())) < 2e-3);
        QVERIFY(qAbs(moved->box.y1 - (model.box.y1 + made.y() / image.height())) < 2e-3);
        QCOMPARE(controller->undoStack()->count(), 1);

        // Undo and redo with the keyboard.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(controller->session()->annotation(model.id)->box, model.box);
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(controller->session()->annotation(model.id)->box, moved->box);

        // Accept with Enter (the box is still selected after the drag).
        scene->selectAnnotation(model.id);
        QTest::keyClick(canvas, Qt::Key_Return);
        const auto accepted = controller->session()->annotation(model.id);
        QCOMPARE(annotate::toString(accepted->review),
                 annotate::toString(annotate::ReviewState::Accepted));
        QCOMPARE(controller->undoStack()->count(), 2);
        m_boxId = model.id;
        m_finalBox = accepted->box;
        m_finalImage = accepted->image;

        QVERIFY(window->saveScreenshot(test::screenshotPath(m_dir, QStringLiteral("overlays.png")),
                                       &error));
    }

    void databaseHoldsEditLogAndFinalBox()
    {
        QVERIFY(m_boxId != 0);
        {
            QSqlDatabase db
                    = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(m_project);
            QVERIFY(db.open());
            QSqlQuery log(db);
            QVERIFY(log.exec(
                    QStringLiteral(
                            "SELECT e.action, a.name, e.duration_ms FROM edit_log e JOIN "
                            "annotators a"
                            " ON a.id = e.annotator_id WHERE e.annotation_id = %1 ORDER BY e.id")
                            .arg(m_boxId)));
            QStringList actions;
            QStringList authors;
            while (log.next()) {
                actions << log.value(0).toString();
                authors << log.value(1).toString();
                QVERIFY(log.value(2).toLongLong() >= 0);
            }
            // created by the model; moved, moved back (undo), moved again (redo); accepted.
            QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("move"),
                                           QStringLiteral("move"), QStringLiteral("move"),
                                           QStringLiteral("accept")}));
            QCOMPARE(authors.first(), QStringLiteral("model"));
            QCOMPARE(authors.last(), QStringLiteral("tester"));
            QSqlQuery box(db);
            QVERIFY(box.exec(
                    QStringLiteral("SELECT image, x1, y1, x2, y2, source, review FROM annotations"
                                   " WHERE id = %1")
                            .arg(m_boxId)));
            QVERIFY(box.next());
            QCOMPARE(box.value(0).toInt(), m_finalImage);
            QCOMPARE(box.value(1).toDouble(), m_finalBox.x1);
            QCOMPARE(box.value(2).toDouble(), m_finalBox.y1);
            QCOMPARE(box.value(3).toDouble(), m_finalBox.x2);
            QCOMPARE(box.value(4).toDouble(), m_finalBox.y2);
            QCOMPARE(box.value(5).toString(), QStringLiteral("corrected"));
            QCOMPARE(box.value(6).toString(), QStringLiteral("accepted"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void exportDialogWritesTheCorrectedBox()
    {
        QVERIFY(m_boxId != 0);
        auto store = annotate::ProjectStore::open(m_project,
                                                  annotate::ProjectStore::OpenMode::OpenExisting);
        QVERIFY2(store, qPrintable(store.error()));
        ui::ExportDialog dialog(store.value().get());
        dialog.setFormat(QStringLiteral("csv"));
        const QString csv = m_dir.filePath(QStringLiteral("export.csv"));
        dialog.setFileName(csv);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto report = dialog.exportNow();
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->exported, 1);
        QCOMPARE(report->fromAnnotations, 1);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QString::number(m_finalBox.x1, 'g', 6).left(5)), qPrintable(text));
        QVERIFY(dialog.grab().save(
                test::screenshotPath(m_dir, QStringLiteral("export-dialog.png"))));
    }

    void reopeningShowsTheSameBox()
    {
        auto window = openWindow();
        QVERIFY(window);
        QString error;
        QVERIFY2(window->controller()->openProject(m_project, &error), qPrintable(error));
        const auto box = window->controller()->session()->annotation(m_boxId);
        QVERIFY(box);
        QCOMPARE(box->image, m_finalImage);
        QCOMPARE(box->box, m_finalBox);
        QCOMPARE(annotate::toString(box->review),
                 annotate::toString(annotate::ReviewState::Accepted));
        ui::BoxItem *item = window->canvas()->caseScene()->boxItem(m_boxId);
        QVERIFY(item);
        const QRectF expected = window->canvas()->caseScene()->toScene(m_finalImage, m_finalBox);
        QVERIFY(qAbs(item->rect().left() - expected.left()) < 1e-6);
        QVERIFY(qAbs(item->rect().bottom() - expected.bottom()) < 1e-6);
    }
};

MIGICIAN_TEST_CLASS(WorkbenchGuiTest)
#include "tst_workbench_gui.moc"
