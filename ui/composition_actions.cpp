#include "composition_actions.h"

#include "ui/case_canvas.h"
#include "ui/case_composition.h"
#include "ui/case_list_view.h"
#include "ui/case_session.h"
#include "ui/history_panel.h"
#include "ui/image_names.h"
#include "ui/image_warning_bar.h"
#include "ui/query_panel.h"
#include "ui/workbench_controller.h"

#include <QAction>
#include <QGuiApplication>
#include <QMenu>
#include <QProgressDialog>

namespace migician::ui {

CompositionActions::CompositionActions(WorkbenchController *controller, const Widgets &widgets,
                                       QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_widgets(widgets)
    , m_newCase(new QAction(tr("&New case from selection"), this))
    , m_newCaseFileOrder(new QAction(tr("New case from selection (file order)"), this))
    , m_paste(new QAction(tr("&Paste image"), this))
    , m_moveLeft(new QAction(tr("Move image &left"), this))
    , m_moveRight(new QAction(tr("Move image &right"), this))
    , m_removeImage(new QAction(tr("Remove image from case"), this))
{
    m_newCase->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_newCase->setToolTip(tr("One case of the selected images, in the order they were selected"));
    m_newCaseFileOrder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_paste->setShortcut(QKeySequence::Paste);
    m_moveLeft->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Left));
    m_moveRight->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right));
    m_removeImage->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    // Paste and the image keys belong to the canvas and the case list, so that Ctrl+V and
    // Ctrl+Shift+Left keep their text meaning in the query editor.
    for (QAction *action : {m_paste, m_moveLeft, m_moveRight, m_removeImage}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_widgets.canvas->addAction(action);
        m_widgets.caseList->addAction(action);
    }
    m_widgets.caseList->addAction(m_newCase);
    m_widgets.caseList->addAction(m_newCaseFileOrder);
    m_widgets.caseList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_widgets.caseList, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &at) {
                QMenu menu(m_widgets.caseList);
                menu.addAction(m_newCase);
                menu.addAction(m_newCaseFileOrder);
                menu.addSeparator();
                menu.addAction(m_paste);
                menu.exec(m_widgets.caseList->viewport()->mapToGlobal(at));
            });
    connectComposition();
    connectHistory();
    updateImageActions();
}

void CompositionActions::addToMenus(QMenu *file, QMenu *edit)
{
    QAction *first = file->actions().value(0);
    file->insertAction(first, m_newCase);
    file->insertAction(first, m_newCaseFileOrder);
    file->insertSeparator(first);
    edit->addSeparator();
    edit->addAction(m_paste);
    edit->addAction(m_moveLeft);
    edit->addAction(m_moveRight);
    edit->addAction(m_removeImage);
}

void CompositionActions::report(bool ok, const QString &error)
{
    if (!ok && !error.isEmpty())
        Q_EMIT errorOccurred(error);
}

void CompositionActions::updateImageActions()
{
    const int image = m_widgets.canvas->caseScene()->selectedImage();
    const int count = m_widgets.canvas->caseScene()->imageCount();
    m_moveLeft->setEnabled(image > 1);
    m_moveRight->setEnabled(image >= 1 && image < count);
    m_removeImage->setEnabled(image >= 1 && count > 1);
}

void CompositionActions::connectComposition()
{
    CaseComposition *composition = m_controller->composition();
    CaseScene *scene = m_widgets.canvas->caseScene();
    connect(m_newCase, &QAction::triggered, this, [this, composition] {
        QString error;
        report(composition->newCaseFromRows(m_widgets.caseList->orderedSelection(), false, &error),
               error);
    });
    connect(m_newCaseFileOrder, &QAction::triggered, this, [this, composition] {
        QString error;
        report(composition->newCaseFromRows(m_widgets.caseList->orderedSelection(), true, &error),
               error);
    });
    connect(m_widgets.caseList, &CaseListView::filesDropped, this,
            [this, composition](const QStringList &files) {
                QString error;
                report(composition->newCaseFromFiles(files, &error), error);
            });
    connect(m_widgets.canvas, &CaseCanvas::filesDropped, this,
            [this, composition](const QStringList &files) {
                QString error;
                report(composition->addFiles(files, &error), error);
            });
    connect(m_paste, &QAction::triggered, this, [this, composition] {
        QString error;
        report(composition->pasteFromClipboard(&error), error);
    });
    auto move = [this, composition](int from, int to) {
        QString error;
        report(composition->moveImage(from, to, &error), error);
    };
    connect(m_widgets.canvas, &CaseCanvas::imageMoveRequested, this, move);
    connect(m_moveLeft, &QAction::triggered, this,
            [scene, move] { move(scene->selectedImage(), scene->selectedImage() - 1); });
    connect(m_moveRight, &QAction::triggered, this,
            [scene, move] { move(scene->selectedImage(), scene->selectedImage() + 1); });
    auto remove = [this, composition](int image) {
        QString error;
        report(composition->removeImage(image, &error), error);
    };
    connect(m_widgets.canvas, &CaseCanvas::imageRemoveRequested, this, remove);
    connect(m_removeImage, &QAction::triggered, this,
            [scene, remove] { remove(scene->selectedImage()); });
    // A large new case is read on the thread pool: a progress dialog with Cancel meanwhile.
    connect(composition, &CaseComposition::readingStarted, this, [this, composition](int images) {
        auto *progress = new QProgressDialog(
                tr("Reading %n image(s) for the new case...", nullptr, images), tr("Cancel"), 0,
                images, m_widgets.caseList->window());
        progress->setObjectName(QStringLiteral("newCaseProgress"));
        progress->setWindowTitle(tr("New case"));
        progress->setMinimumDuration(300);
        progress->setAutoReset(false);
        connect(progress, &QProgressDialog::canceled, composition, &CaseComposition::cancelReading);
        connect(composition, &CaseComposition::readingProgress, progress,
                [progress](int done, int) { progress->setValue(done); });
        const auto close = [progress] {
            progress->deleteLater();
        };
        connect(composition, &CaseComposition::caseCreated, progress, close);
        connect(composition, &CaseComposition::readingStopped, progress, close);
    });
    connect(composition, &CaseComposition::readingStopped, this,
            [this](const QString &error) { report(error.isEmpty(), error); });
    connect(scene, &CaseScene::selectedImageChanged, this, &CompositionActions::updateImageActions);
    connect(scene, &QGraphicsScene::sceneRectChanged, this,
            &CompositionActions::updateImageActions);

    // The selected image moves along; the query is told which of its names changed meaning.
    CaseSession *session = m_controller->session();
    connect(session, &CaseSession::layoutChanged, this, [scene](const QList<int> &map) {
        const int selected = scene->selectedImage();
        scene->selectImage(selected >= 1 && selected <= map.size() ? map.at(selected - 1) : 0);
    });
    connect(m_controller, &WorkbenchController::caseShown, this,
            [scene] { scene->selectImage(0); });
    connect(m_controller, &WorkbenchController::imageNamesChanged, this,
            [this](const QMap<int, int> &renamed) {
                m_renamed = renamed;
                const QStringList stale = staleImageNames(m_widgets.query->query(), renamed);
                if (stale.isEmpty())
                    return;
                const bool literal = renumberImageNames(m_widgets.query->query(), renamed)
                                     != m_widgets.query->query();
                m_widgets.query->showNotice(tr("The query names images that moved: %1.")
                                                    .arg(stale.join(QStringLiteral("; "))),
                                            literal);
            });
    connect(m_widgets.query, &QueryPanel::renumberRequested, this, [this] {
        m_widgets.query->setQuery(renumberImageNames(m_widgets.query->query(), m_renamed));
        m_widgets.query->hideNotice();
    });
    connect(m_controller, &WorkbenchController::caseShown, m_widgets.query,
            &QueryPanel::hideNotice);

    // Image files that are not what the project recorded.
    connect(session, &CaseSession::imageProblemsChanged, this,
            [this, session](const QList<annotate::ImageFileCheck> &problems) {
                m_widgets.warning->setProblems(problems, session->caseInfo().imageIds());
            });
    connect(m_widgets.warning, &ImageWarningBar::acceptRequested, this,
            [session] { (void)session->acceptChangedImages(); });
    connect(qApp, &QGuiApplication::applicationStateChanged, this,
            [session](Qt::ApplicationState state) {
                if (state == Qt::ApplicationActive)
                    session->recheckImages();
            });
}

void CompositionActions::connectHistory()
{
    HistoryPanel *history = m_widgets.history;
    CaseScene *scene = m_widgets.canvas->caseScene();
    // The canvas never mixes answers: once a run answers, the unreviewed model boxes of earlier
    // runs are hidden (the history keeps them) and the panel says how many.
    const auto showHidden = [history, scene] {
        history->setHiddenBoxes(scene->hiddenEarlierBoxes());
    };
    connect(m_controller, &WorkbenchController::historyChanged, this,
            [this, history, scene, showHidden] {
                scene->setRunLinks(m_controller->runByPrediction());
                qint64 latest = 0;
                for (const annotate::CaseRunInfo &run : m_controller->history())
                    if (run.status == annotate::RunStatus::Answered && run.predictionId > 0) {
                        latest = run.runId; // newest first
                        break;
                    }
                scene->setLatestRun(latest);
                const qint64 shown = history->selectedRun();
                history->setRuns(m_controller->history());
                if (shown != 0)
                    history->selectRun(shown); // its boxes, read again (they follow their images)
                showHidden();
            });
    // After the scene took the new annotations (queued: it is connected after this).
    connect(m_controller->session(), &CaseSession::annotationsChanged, this, showHidden,
            Qt::QueuedConnection);
    // The history's boxes are drawn over the case; a new case (new images) clears them.
    connect(history, &HistoryPanel::runSelected, scene, [scene](const annotate::CaseRunInfo &run) {
        scene->showRunBoxes(run.runId, run.boxes);
    });
    connect(m_controller->session(), &CaseSession::caseLoaded, this, [history, scene] {
        if (const qint64 run = history->selectedRun())
            history->selectRun(run); // shows its boxes again on the new layout
    });
    auto copy = [this](const annotate::CaseRunInfo &run) {
        m_widgets.query->setQuery(run.query);
        const int lost = m_controller->setReferences(run.references);
        if (lost > 0)
            Q_EMIT errorOccurred(tr("%n visual reference(s) of that run were cut from images no "
                                    "longer in the case.",
                                    nullptr, lost));
    };
    connect(history, &HistoryPanel::copyRequested, this, copy);
    connect(history, &HistoryPanel::rerunRequested, this,
            [this, copy](const annotate::CaseRunInfo &run) {
                copy(run);
                Q_EMIT rerunRequested();
            });
}

} // namespace migician::ui
