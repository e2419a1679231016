// Moving a box to another image through the real widgets, offscreen: draw a box on Image-1 (W,
// drag), move it to Image-3 with the "Move box to image" menu, undo and redo with the keyboard,
// then move it one image back with Ctrl+Left. After each step the canvas and the project file
// (the annotation's image, its edit-log rows with author and duration) must agree.
#include "gui_test_support.h"
#include "support/qt_test_registry.h"

#include "annotate/project_store.h"
#include "ui/case_session.h"
#include "ui/main_window.h"
#include "ui/move_box_menu.h"
#include "ui/workbench_controller.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

using namespace migician;

class MoveBoxGuiTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // The canvas item of `id` sits on Image-`image`, exactly where the store's box says.
    static bool shownOn(ui::CaseScene *scene, qint64 id, int image, const annotate::NormBox &box)
    {
        const ui::BoxItem *item = scene->boxItem(id);
        if (!item || item->annotation().image != image)
            return false;
        const QRectF expected = scene->toScene(image, box);
        return scene->imageAt(item->rect().center()) == image
               && qAbs(item->rect().left() - expected.left()) < 1e-6
               && qAbs(item->rect().bottom() - expected.bottom()) < 1e-6;
    }

    static QStringList actions(annotate::ProjectStore *store, qint64 id)
    {
        QStringList result;
        const auto history = store->editHistory(id);
        if (history)
            for (const annotate::EditLogEntry &entry : history.value())
                result << annotate::toString(entry.action);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir);
    }

    void moveToAnotherImageWithMenuAndKeys()
    {
        ui::StartupOptions options;
        options.openDemo = false;
        ui::MainWindow window(options);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ui::WorkbenchController *controller = window.controller();
        QString error;
        QVERIFY2(controller->openDemo(&error, m_dir.filePath(QStringLiteral("demo")),
                                      test::demoSourceFolder()),
                 qPrintable(error));
        annotate::ProjectStore *store = controller->store();
        ui::CaseCanvas *canvas = window.canvas();
        ui::CaseScene *scene = canvas->caseScene();
        QCOMPARE(scene->imageCount(), 4);
        canvas->fitAll();

        // The menu is reachable from the Edit menu.
        ui::MoveBoxMenu *menu = canvas->moveMenu();
        bool inEditMenu = false;
        for (QAction *top : window.menuBar()->actions())
            if (top->menu() && top->menu()->actions().contains(menu->menuAction()))
                inEditMenu = true;
        QVERIFY(inEditMenu);

        // Draw a box on Image-1: W, then drag.
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_W);
        QCOMPARE(scene->mode(), ui::CaseScene::Mode::CreateBox);
        const QRectF drawn = scene->toScene(1, annotate::NormBox{0.20, 0.30, 0.45, 0.60});
        test::dragOnCanvas(canvas, drawn.topLeft(), drawn.bottomRight());
        QCOMPARE(controller->session()->annotations().size(), 1);
        const annotate::AnnotationInfo created = controller->session()->annotations().first();
        QCOMPARE(created.image, 1);
        QVERIFY(shownOn(scene, created.id, 1, created.box));

        // Select it with a click; nothing is to move before that.
        menu->refresh();
        QVERIFY(!menu->imageAction(3)->isEnabled());
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {},
                          test::viewportPoint(canvas, drawn.center()));
        QCOMPARE(scene->selectedAnnotation(), created.id);
        menu->refresh();
        QVERIFY(!menu->imageAction(1)->isEnabled()); // its own image
        QVERIFY(menu->imageAction(3)->isEnabled());
        QVERIFY(!menu->imageAction(5));

        // Move to Image-3 from the menu.
        menu->imageAction(3)->trigger();
        auto moved = controller->session()->annotation(created.id);
        QVERIFY(moved);
        QCOMPARE(moved->image, 3);
        QCOMPARE(moved->box, created.box); // same place relative to the image
        QVERIFY(shownOn(scene, created.id, 3, created.box));
        QCOMPARE(controller->undoStack()->count(), 2);
        QCOMPARE(controller->undoStack()->undoText(), QStringLiteral("Move box to Image-3"));
        const auto stored = store->annotation(created.id);
        QVERIFY2(stored, qPrintable(stored.error()));
        QCOMPARE(stored->image, 3);
        QCOMPARE(actions(store, created.id),
                 (QStringList{QStringLiteral("create"), QStringLiteral("move_image")}));
        const auto history = store->editHistory(created.id);
        QVERIFY(history);
        QCOMPARE(history->last().author, QStringLiteral("tester"));
        QVERIFY(history->last().durationMs >= 0);
        QVERIFY(history->last().afterJson.contains(QStringLiteral("3")));

        // Undo puts it back on Image-1, redo moves it again (Ctrl+Z, Ctrl+Shift+Z).
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(store->annotation(created.id)->image, 1);
        QCOMPARE(store->annotation(created.id)->box, created.box);
        QVERIFY(shownOn(scene, created.id, 1, created.box));
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(store->annotation(created.id)->image, 3);
        QVERIFY(shownOn(scene, created.id, 3, created.box));
        QCOMPARE(actions(store, created.id),
                 (QStringList{QStringLiteral("create"), QStringLiteral("move_image"),
                              QStringLiteral("move_image"), QStringLiteral("move_image")}));

        // Ctrl+Left: one image back, still selected, its own undo step; Ctrl+Right at the last
        // image would do nothing, so go back to 3 and then check the end is respected.
        QCOMPARE(scene->selectedAnnotation(), created.id);
        QTest::keyClick(canvas, Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(store->annotation(created.id)->image, 2);
        QVERIFY(shownOn(scene, created.id, 2, created.box));
        QCOMPARE(controller->undoStack()->count(), 3);
        QTest::keyClick(canvas, Qt::Key_Right, Qt::ControlModifier);
        QTest::keyClick(canvas, Qt::Key_Right, Qt::ControlModifier);
        QTest::keyClick(canvas, Qt::Key_Right, Qt::ControlModifier); // past Image-4: refused
        QCOMPARE(store->annotation(created.id)->image, 4);
        QCOMPARE(controller->undoStack()->count(), 5);
        QCOMPARE(actions(store, created.id).count(QStringLiteral("move_image")), 6);
        QCOMPARE(store->annotation(created.id)->box, created.box);
    }
};

MIGICIAN_TEST_CLASS(MoveBoxGuiTest)
#include "tst_move_box_gui.moc"
