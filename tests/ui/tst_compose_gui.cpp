// Composing cases through the real widgets, offscreen: open a folder of six images, select three
// in a given order (Ctrl+click), make a case (Ctrl+N), crop a reference and run the built-in
// assistant twice, accept a box, re-show the first run's boxes from the history panel, drop two
// files onto the case list (a new case), drop one onto the canvas and paste one from the
// clipboard, reorder by dragging an "Image-k" label and undo, reopen the folder's project and find
// everything as it was, then edit a file on disk and see the warning.
#include "gui_test_support.h"
#include "support/qt_test_registry.h"

#include "annotate/case_composer.h"
#include "ui/answer_panel.h"
#include "ui/case_composition.h"
#include "ui/case_list_model.h"
#include "ui/case_list_view.h"
#include "ui/case_session.h"
#include "ui/composition_actions.h"
#include "ui/history_panel.h"
#include "ui/image_warning_bar.h"
#include "ui/main_window.h"
#include "ui/query_panel.h"
#include "ui/run_history_model.h"
#include "ui/thumbnail_loader.h"
#include "ui/workbench_controller.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QDropEvent>
#include <QGuiApplication>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace migician;

namespace {

// Everything of a case that must survive closing and reopening the project.
struct CaseState
{
    QStringList images;
    QStringList boxes;   // "id image x1,y1,x2,y2 source review"
    QStringList history; // "run query boxes"
    bool operator==(const CaseState &o) const
    {
        return images == o.images && boxes == o.boxes && history == o.history;
    }
};

CaseState stateOf(ui::WorkbenchController *controller)
{
    CaseState state;
    for (const annotate::ImageInfo &image : controller->session()->caseInfo().images)
        state.images << image.relativePath;
    for (const annotate::AnnotationInfo &a : controller->session()->annotations())
        state.boxes << QStringLiteral("%1 %2 %3,%4,%5,%6 %7 %8")
                               .arg(a.id)
                               .arg(a.image)
                               .arg(a.box.x1)
                               .arg(a.box.y1)
                               .arg(a.box.x2)
                               .arg(a.box.y2)
                               .arg(annotate::toString(a.source), annotate::toString(a.review));
    for (const annotate::CaseRunInfo &run : controller->history()) {
        QStringList boxes;
        for (const annotate::PredictedBox &b : run.boxes)
            boxes << QStringLiteral("%1:%2,%3").arg(b.image).arg(b.box.x1).arg(b.box.y1);
        state.history << QStringLiteral("%1 %2 %3 %4")
                                 .arg(run.runId)
                                 .arg(run.query, boxes.join(QLatin1Char(';')),
                                      annotate::toString(run.status));
    }
    return state;
}

// A drag of local files that ends in a drop on `target`, as the desktop would send it.
void dropFiles(QWidget *target, const QStringList &files, const QPoint &at)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &file : files)
        urls << QUrl::fromLocalFile(file);
    mime.setUrls(urls);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

QImage pattern(int seed)
{
    QImage image(480, 360, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(seed * 50 % 360, 120, 200));
    QPainter painter(&image);
    for (int i = 0; i < 6; ++i)
        painter.fillRect(QRect(30 + i * 70, 40 + (i * seed) % 200, 50, 60),
                         QColor::fromHsv((seed * 80 + i * 40) % 360, 220, 120));
    return image;
}

} // namespace

class ComposeGuiTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_folder;
    QStringList m_files; // the folder's six images, in file order
    QString m_projectFile;
    QString m_ruleProject;
    qint64 m_composed = 0; // the three-image case composed by the first test

    std::unique_ptr<ui::MainWindow> openWindow()
    {
        auto window = test::shownWindow(QString());
        if (!window)
            return nullptr;
        window->resize(1400, 900);
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            return nullptr;
        return window;
    }

    static void clickRow(ui::CaseListView *list, int row, Qt::KeyboardModifiers modifiers = {})
    {
        const QRect rect = list->visualRect(list->model()->index(row, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, modifiers, rect.center());
    }

    static bool runQuery(ui::MainWindow *window, const QString &query, QString *why)
    {
        window->queryPanel()->setQuery(query);
        QSignalSpy answers(window->controller(), &ui::WorkbenchController::answerReady);
        QTest::mouseClick(window->queryPanel()->runButton(), Qt::LeftButton);
        if (!answers.wait(120000)) {
            *why = QStringLiteral("no answer");
            return false;
        }
        const auto result = answers.first().first().value<ui::InferenceResult>();
        *why = result.text;
        return !result.boxes.isEmpty();
    }

    QString shot(const QString &name) { return test::screenshotPath(m_dir, name); }

    // The case list's thumbnails are decoded on a thread pool: wait for them before a screenshot.
    static bool thumbnailsLoaded(ui::MainWindow *window)
    {
        QApplication::processEvents();
        const ui::CaseListModel *cases = window->controller()->cases();
        for (int row = 0; row < cases->rowCount(); ++row)
            if (cases->loader()->isPending(cases->entry(row).thumbnailPath))
                return false;
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir);
        m_folder = m_dir.filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(m_folder));
        // Four views of one kitchen (the crop of the person is found in the others) and two
        // pictures of coloured blocks.
        for (int i = 1; i <= 4; ++i) {
            const QString to = QDir(m_folder).filePath(QStringLiteral("view%1.jpg").arg(i));
            QVERIFY(QFile::copy(test::demoSourceFolder() + QStringLiteral("/view%1.jpg").arg(i),
                                to));
            QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
            m_files << to;
        }
        for (int i = 5; i <= 6; ++i) {
            m_files << QDir(m_folder).filePath(QStringLiteral("view%1.png").arg(i));
            QVERIFY(pattern(i).save(m_files.last()));
        }
    }

    void composeRunReorderReopen()
    {
        auto window = openWindow();
        QVERIFY(window);
        ui::WorkbenchController *controller = window->controller();
        ui::CaseListView *list = window->caseList();
        ui::CaseScene *scene = window->canvas()->caseScene();
        QString error;
        QVERIFY2(controller->openFolder(m_folder, &error), qPrintable(error));
        m_projectFile = controller->store()->fileName();
        QCOMPARE(controller->cases()->rowCount(), 6);

        // Select view3, view1, view2 in this order: a plain click, then Ctrl+clicks.
        clickRow(list, 2);
        clickRow(list, 0, Qt::ControlModifier);
        clickRow(list, 1, Qt::ControlModifier);
        QCOMPARE(list->orderedSelection(), (QList<int>{2, 0, 1}));
        QTRY_VERIFY_WITH_TIMEOUT(thumbnailsLoaded(window.get()), 20000);
        QVERIFY(window->grab().save(shot(QStringLiteral("compose-multi-select.png"))));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(controller->cases()->rowCount(), 7);
        const qint64 composed = controller->cases()->entry(0).caseId;
        QVERIFY(composed > 0);
        m_composed = composed;
        QCOMPARE(controller->cases()->entry(0).imageCount, 3);
        QCOMPARE(controller->currentRow(), 0);
        QCOMPARE(stateOf(controller).images,
                 (QStringList{QStringLiteral("view3.jpg"), QStringLiteral("view1.jpg"),
                              QStringLiteral("view2.jpg")}));
        QCOMPARE(scene->imageCount(), 3);

        // Crop the person on Image-2 (view1) and run the built-in assistant.
        window->canvas()->fitAll();
        QTest::mouseClick(window->queryPanel()->cropButton(), Qt::LeftButton);
        const QRectF crop = scene->toScene(2, annotate::NormBox{0.30, 0.22, 0.46, 0.70});
        test::dragOnCanvas(window->canvas(), crop.topLeft(), crop.bottomRight());
        QCOMPARE(controller->references().size(), 1);
        QCOMPARE(controller->referenceName(0), QStringLiteral("Image-4"));
        QString why;
        QVERIFY2(runQuery(window.get(),
                          QStringLiteral("Where is the person of Image-4 in Image-1 and Image-3?"),
                          &why),
                 qPrintable(why));
        QCOMPARE(controller->history().size(), 1);
        const annotate::CaseRunInfo first = controller->history().first();
        QCOMPARE(first.references.size(), 1);
        QCOMPARE(first.references.first().image, 2);
        QVERIFY(!first.boxes.isEmpty());
        // The case takes the first query as its question.
        QCOMPARE(controller->session()->caseInfo().question, first.query);

        // Accept the first model box with Enter; it keeps the link to its run.
        const annotate::AnnotationInfo model = controller->session()->annotations().first();
        QCOMPARE(annotate::toString(model.source), QStringLiteral("model"));
        QCOMPARE(scene->boxItem(model.id)->runId(), first.runId);
        scene->selectAnnotation(model.id);
        window->canvas()->setFocus();
        QTest::keyClick(window->canvas(), Qt::Key_Return);
        const int acceptedImage = controller->session()->annotation(model.id)->image;
        QCOMPARE(annotate::toString(controller->session()->annotation(model.id)->review),
                 QStringLiteral("accepted"));

        // A second run: the history lists both, newest first; the first run's boxes come back.
        QVERIFY2(runQuery(window.get(), QStringLiteral("And where is Image-4 now?"), &why),
                 qPrintable(why));
        ui::HistoryPanel *history = window->historyPanel();
        QCOMPARE(history->model()->rowCount(), 2);
        QCOMPARE(history->model()->run(0).query, QStringLiteral("And where is Image-4 now?"));
        QCOMPARE(history->model()->run(1).runId, first.runId);
        history->view()->setCurrentIndex(history->model()->index(1, 0));
        QCOMPARE(scene->shownRun(), first.runId);
        QList<ui::BoxItem *> shown;
        for (ui::BoxItem *item : scene->boxesOfRun(first.runId))
            if (item->kind() == ui::BoxItem::Kind::History)
                shown << item;
        QCOMPARE(shown.size(), first.boxes.size());
        for (int i = 0; i < shown.size(); ++i)
            QVERIFY(qAbs(shown.at(i)->rect().left()
                         - scene->toScene(first.boxes.at(i).image, first.boxes.at(i).box).left())
                    < 1e-6);
        QVERIFY(window->grab().save(shot(QStringLiteral("compose-history-panel.png"))));
        // Copy to query puts the query and its reference back.
        controller->removeReference(0);
        QTest::mouseClick(history->copyButton(), Qt::LeftButton);
        QCOMPARE(window->queryPanel()->query(), first.query);
        QCOMPARE(controller->references().size(), 1);
        QCOMPARE(controller->references().first().sourceImage, 2);
        // Re-run: the entry's query and reference again, as a new run at the top.
        QSignalSpy rerun(controller, &ui::WorkbenchController::answerReady);
        history->selectRun(first.runId);
        QTest::mouseClick(history->rerunButton(), Qt::LeftButton);
        QVERIFY(rerun.wait(120000));
        QCOMPARE(history->model()->rowCount(), 3);
        QCOMPARE(history->model()->run(0).query, first.query);
        QCOMPARE(history->model()->run(0).references.size(), 1);
        QCOMPARE(history->model()->run(0).references.first().image, 2);
        const CaseState composedState = stateOf(controller);

        // Reorder: drag the "Image-1" label onto Image-3. The accepted box follows its image, the
        // query is told that the images it names moved, and Ctrl+Z puts everything back.
        window->canvas()->fitAll();
        const QPointF label = scene->labelRect(1).center();
        test::dragOnCanvas(window->canvas(), label, scene->imageRect(3).center(), [&] {
            QVERIFY(window->grab().save(shot(QStringLiteral("compose-reorder.png"))));
        });
        QCOMPARE(stateOf(controller).images,
                 (QStringList{QStringLiteral("view1.jpg"), QStringLiteral("view2.jpg"),
                              QStringLiteral("view3.jpg")}));
        const auto moved = controller->session()->annotation(model.id);
        QVERIFY(moved);
        const int expectedImage = acceptedImage == 1 ? 3 : acceptedImage - 1;
        QCOMPARE(moved->image, expectedImage);
        QCOMPARE(moved->box, model.box);
        QCOMPARE(controller->references().first().sourceImage, 1); // view1 is Image-1 now
        QVERIFY2(window->queryPanel()->notice().contains(QLatin1String("Image-1 is now Image-3")),
                 qPrintable(window->queryPanel()->notice()));
        QTest::mouseClick(window->queryPanel()->renumberButton(), Qt::LeftButton);
        QCOMPARE(window->queryPanel()->query(),
                 QStringLiteral("Where is the person of Image-4 in Image-3 and Image-2?"));
        QVERIFY(window->grab().save(shot(QStringLiteral("compose-reordered.png"))));
        window->canvas()->setFocus();
        QTest::keyClick(window->canvas(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stateOf(controller), composedState);
        QCOMPARE(controller->references().first().sourceImage, 2);

        // Two files dropped on the case list: one new case of them. (Qt delivers drag events
        // only to widgets that accept drops, as a real drag from the desktop would be.)
        QVERIFY(list->viewport()->acceptDrops());
        QVERIFY(window->canvas()->viewport()->acceptDrops());
        const QPoint where = list->viewport()->rect().center();
        QSignalSpy dropErrors(window->composition(), &ui::CompositionActions::errorOccurred);
        dropFiles(list->viewport(), {m_files.at(4), m_files.at(5)}, where);
        QVERIFY2(dropErrors.isEmpty(),
                 dropErrors.isEmpty() ? "" : qPrintable(dropErrors.first().first().toString()));
        QCOMPARE(controller->cases()->rowCount(), 8);
        const qint64 dropped = controller->cases()->entry(1).caseId;
        QVERIFY(dropped > composed);
        QCOMPARE(controller->session()->caseId(), dropped);
        QCOMPARE(stateOf(controller).images,
                 (QStringList{QStringLiteral("view5.png"), QStringLiteral("view6.png")}));
        QTRY_VERIFY_WITH_TIMEOUT(thumbnailsLoaded(window.get()), 20000);
        QVERIFY(window->grab().save(shot(QStringLiteral("compose-drop.png"))));
        // One more dropped on the canvas joins it; an image pasted from the clipboard too,
        // written into the project's media folder first.
        dropFiles(window->canvas()->viewport(), {m_files.at(3)},
                  window->canvas()->viewport()->rect().center());
        QCOMPARE(scene->imageCount(), 3);
        QGuiApplication::clipboard()->setImage(pattern(9));
        window->canvas()->setFocus();
        QTest::keyClick(window->canvas(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(scene->imageCount(), 4);
        const annotate::ImageInfo pasted = controller->session()->caseInfo().images.last();
        const QString media = annotate::CaseComposer(*controller->store()).mediaFolder();
        QVERIFY2(QFileInfo(pasted.relativePath).absoluteFilePath().startsWith(media),
                 qPrintable(pasted.relativePath));
        QVERIFY(QFileInfo::exists(pasted.relativePath));
        QCOMPARE(QImage(pasted.relativePath).size(), QSize(480, 360));
        const CaseState droppedState = stateOf(controller);
        // Undo the paste and the canvas drop: back to the two dropped files.
        QTest::keyClick(window->canvas(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(window->canvas(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(scene->imageCount(), 2);
        QTest::keyClick(window->canvas(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(window->canvas(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(stateOf(controller), droppedState);

        // Reopen: the same cases in the same order, with their boxes and history.
        window.reset();
        auto reopened = openWindow();
        QVERIFY(reopened);
        ui::WorkbenchController *again = reopened->controller();
        QVERIFY2(again->openFolder(m_folder, &error), qPrintable(error));
        QCOMPARE(again->store()->fileName(), m_projectFile);
        QCOMPARE(again->cases()->rowCount(), 8);
        QCOMPARE(again->cases()->entry(0).caseId, composed);
        QCOMPARE(again->cases()->entry(1).caseId, dropped);
        QVERIFY2(again->showCaseById(composed, &error), qPrintable(error));
        QCOMPARE(stateOf(again), composedState);
        QCOMPARE(reopened->historyPanel()->model()->rowCount(), 3);
        QCOMPARE(reopened->canvas()->caseScene()->boxItem(model.id)->runId(), first.runId);
        QVERIFY2(again->showCaseById(dropped, &error), qPrintable(error));
        QCOMPARE(stateOf(again), droppedState);
        QVERIFY(!reopened->imageWarning()->isVisible());

        // Edit view1 on disk: the composed case says so when it is shown again.
        QImage edited(m_files.at(0));
        QPainter(&edited).fillRect(QRect(0, 0, 60, 60), Qt::red);
        QVERIFY(edited.save(m_files.at(0)));
        QVERIFY2(again->showCaseById(composed, &error), qPrintable(error));
        ui::ImageWarningBar *warning = reopened->imageWarning();
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QLatin1String("Image-2 (view1.jpg) changed on disk")),
                 qPrintable(warning->text()));
        QTRY_VERIFY_WITH_TIMEOUT(thumbnailsLoaded(reopened.get()), 20000);
        QVERIFY(reopened->grab().save(shot(QStringLiteral("compose-changed-file.png"))));
        QTest::mouseClick(warning->acceptButton(), Qt::LeftButton);
        QVERIFY(!warning->isVisible());
    }

    // The other rules of "Open image folder": one case per subfolder, one case of all images.
    void folderRulesMakeTheirCasesOnce()
    {
        const QString folder = m_dir.filePath(QStringLiteral("rules"));
        for (const QString &name :
             {QStringLiteral("a/1.png"), QStringLiteral("a/deep/2.png"), QStringLiteral("b/3.png"),
              QStringLiteral("top10.png"), QStringLiteral("top9.png")}) {
            QDir().mkpath(QFileInfo(QDir(folder).filePath(name)).absolutePath());
            QVERIFY(pattern(int(name.size())).save(QDir(folder).filePath(name)));
        }
        ui::WorkbenchController controller;
        QString error;
        QVERIFY2(controller.openFolder(folder, &error, ui::FolderRule::CasePerSubfolder),
                 qPrintable(error));
        // Two subfolder cases, then the folder's own images.
        QCOMPARE(controller.cases()->rowCount(), 4);
        QVERIFY2(controller.showCaseById(controller.cases()->entry(0).caseId, &error),
                 qPrintable(error));
        QCOMPARE(stateOf(&controller).images,
                 (QStringList{QStringLiteral("a/1.png"), QStringLiteral("a/deep/2.png")}));
        QCOMPARE(controller.cases()->entry(1).imageCount, 1);
        QCOMPARE(controller.cases()->entry(2).relativePath, QStringLiteral("top9.png"));
        // Opening again adds nothing; "one case of all" adds the case of the top images.
        QVERIFY(controller.openFolder(folder, &error, ui::FolderRule::CasePerSubfolder));
        QCOMPARE(controller.cases()->rowCount(), 4);
        QVERIFY(controller.openFolder(folder, &error, ui::FolderRule::OneCase));
        QCOMPARE(controller.cases()->rowCount(), 5);
        QVERIFY(controller.showCaseById(controller.cases()->entry(2).caseId, &error));
        QCOMPARE(stateOf(&controller).images,
                 (QStringList{QStringLiteral("top9.png"), QStringLiteral("top10.png")}));
        m_ruleProject = controller.store()->fileName();
    }

    // The keyboard and menu way: click an image's label, move it right, remove it, undo.
    void imageActionsMoveAndRemove()
    {
        auto window = openWindow();
        QVERIFY(window);
        ui::WorkbenchController *controller = window->controller();
        QString error;
        QVERIFY2(controller->openProject(m_projectFile, &error), qPrintable(error));
        QVERIFY(m_composed > 0);
        QVERIFY2(controller->showCaseById(m_composed, &error), qPrintable(error));
        ui::CaseScene *scene = window->canvas()->caseScene();
        const CaseState before = stateOf(controller);
        QCOMPARE(before.images.size(), 3);
        ui::CompositionActions *actions = window->composition();
        window->canvas()->fitAll();
        QVERIFY(!actions->moveRightAction()->isEnabled()); // no image selected yet
        QTest::mouseClick(window->canvas()->viewport(), Qt::LeftButton, {},
                          test::viewportPoint(window->canvas(), scene->labelRect(1).center()));
        QCOMPARE(scene->selectedImage(), 1);
        QVERIFY(actions->moveRightAction()->isEnabled());
        QVERIFY(!actions->moveLeftAction()->isEnabled());
        window->canvas()->setFocus();
        QTest::keyClick(window->canvas(), Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(stateOf(controller).images,
                 (QStringList{before.images.at(1), before.images.at(0), before.images.at(2)}));
        QCOMPARE(scene->selectedImage(), 2); // the selection moved with the image
        // Remove it: its boxes go with it, and come back with Ctrl+Z.
        actions->removeImageAction()->trigger();
        QCOMPARE(scene->imageCount(), 2);
        QCOMPARE(stateOf(controller).images,
                 (QStringList{before.images.at(1), before.images.at(2)}));
        QTest::keyClick(window->canvas(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(window->canvas(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stateOf(controller), before);
    }

    // A case of more images than CaseComposition::kReadInBackgroundAbove is read on the thread
    // pool: the gesture returns at once, the case appears when its images are read (decoded
    // once: the session uses those pixels), and Cancel makes no case.
    void largeCaseIsReadOffTheGuiThread()
    {
        const QString folder = m_dir.filePath(QStringLiteral("large"));
        QVERIFY(QDir().mkpath(folder));
        QStringList files;
        const int count = ui::CaseComposition::kReadInBackgroundAbove + 4;
        for (int i = 0; i < count; ++i) {
            files << QDir(folder).filePath(QStringLiteral("p%1.png").arg(i));
            QVERIFY(pattern(i + 1).save(files.last()));
        }
        auto window = openWindow();
        QVERIFY(window);
        ui::WorkbenchController *controller = window->controller();
        QString error;
        QVERIFY2(controller->openFolder(folder, &error), qPrintable(error));
        const int rows = controller->cases()->rowCount();
        ui::CaseComposition *composition = controller->composition();
        QSignalSpy created(composition, &ui::CaseComposition::caseCreated);
        QSignalSpy stopped(composition, &ui::CaseComposition::readingStopped);
        QSignalSpy progress(composition, &ui::CaseComposition::readingProgress);

        // Cancelled at once: no case.
        QVERIFY2(composition->newCaseFromFiles(files, &error), qPrintable(error));
        QVERIFY(composition->isReading());
        composition->cancelReading();
        QVERIFY(stopped.wait(20000));
        QCOMPARE(stopped.first().first().toString(), QString());
        QCOMPARE(created.size(), 0);
        QCOMPARE(controller->cases()->rowCount(), rows);

        // Read in the background: the call returns before the case exists.
        QVERIFY2(composition->newCaseFromFiles(files, &error), qPrintable(error));
        QVERIFY(composition->isReading());
        QCOMPARE(controller->cases()->rowCount(), rows);
        // A second large case while the first is read is refused with a reason.
        QString busy;
        QVERIFY(!composition->newCaseFromFiles(files, &busy));
        QVERIFY(busy.contains(QStringLiteral("Still reading")));
        QVERIFY(created.wait(30000));
        QVERIFY(!composition->isReading());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), count);
        QCOMPARE(controller->cases()->rowCount(), rows + 1);
        QCOMPARE(controller->session()->caseId(), created.first().first().toLongLong());
        QCOMPARE(controller->session()->images().size(), count);
        for (int i = 0; i < count; ++i)
            QCOMPARE(controller->session()->images().at(i).size(), pattern(i + 1).size());
        // The fingerprints taken on the pool are the project's: the files check as unchanged.
        QVERIFY(controller->session()->imageProblems().isEmpty());
    }

    void cleanupTestCase()
    {
        // The folders' projects live in the (test mode) application data folder.
        for (const QString &project : {m_projectFile, m_ruleProject}) {
            if (project.isEmpty())
                continue;
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(project + suffix);
            QDir(annotate::CaseComposer::mediaFolderOf(project)).removeRecursively();
        }
    }
};

MIGICIAN_TEST_CLASS(ComposeGuiTest)
#include "tst_compose_gui.moc"
