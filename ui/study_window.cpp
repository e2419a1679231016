#include "ui/study_window.h"

#include "annotate/study.h"
#include "annotate/study_exchange.h"
#include "ui/image_decoder.h"
#include "ui/study_case_view.h"
#include "ui/study_list_page.h"
#include "ui/study_report_page.h"

#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace migician::ui {

using namespace migician::annotate;

namespace {
constexpr int kAutosaveMs = 2000;
} // namespace

StudyWindow::StudyWindow(const QString &projectFile, QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
    , m_list(new StudyListPage(this))
    , m_progress(new QLabel(this))
    , m_question(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_caseError(new QLabel(this))
    , m_view(new StudyCaseView(this))
    , m_submit(new QPushButton(tr("Submit box"), this))
    , m_skip(new QPushButton(tr("Skip"), this))
    , m_quit(new QPushButton(tr("Quit (resume later)"), this))
    , m_report(new StudyReportPage(this))
    , m_autosave(new QTimer(this))
{
    setWindowTitle(tr("Study mode"));
    auto *casePage = new QWidget(this);
    auto *caseLayout = new QVBoxLayout(casePage);
    m_progress->setObjectName(QStringLiteral("studyProgress"));
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    QFont questionFont = m_question->font();
    questionFont.setPointSizeF(questionFont.pointSizeF() * 1.2);
    m_question->setFont(questionFont);
    m_hint->setText(tr("Drag a box on the image that holds the answer, then submit; or skip."));
    m_caseError->setWordWrap(true);
    m_caseError->setStyleSheet(QStringLiteral("color: #b00020"));
    caseLayout->addWidget(m_progress);
    caseLayout->addWidget(m_question);
    caseLayout->addWidget(m_view, 1);
    caseLayout->addWidget(m_hint);
    caseLayout->addWidget(m_caseError);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_submit);
    buttons->addWidget(m_skip);
    buttons->addStretch(1);
    buttons->addWidget(m_quit);
    caseLayout->addLayout(buttons);

    m_pages->addWidget(m_list);
    m_pages->addWidget(casePage);
    m_pages->addWidget(m_report);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    m_submit->setEnabled(false);
    connect(m_view, &StudyCaseView::boxChanged, this,
            [this] { m_submit->setEnabled(m_view->boxImage() > 0); });
    connect(m_list, &StudyListPage::startRequested, this, &StudyWindow::startStudy);
    connect(m_list, &StudyListPage::reportRequested, this, &StudyWindow::showReport);
    connect(m_report, &StudyReportPage::backRequested, this, &StudyWindow::showList);
    connect(m_submit, &QPushButton::clicked, this, &StudyWindow::submit);
    connect(m_skip, &QPushButton::clicked, this, &StudyWindow::skip);
    connect(m_quit, &QPushButton::clicked, this, &StudyWindow::quit);
    connect(m_autosave, &QTimer::timeout, this, &StudyWindow::saveProgress);
    m_autosave->setInterval(kAutosaveMs);

    auto opened = ProjectStore::open(projectFile, ProjectStore::OpenMode::OpenExisting);
    if (!opened) {
        showError(opened.error());
        return;
    }
    m_store = std::move(opened.value());
    m_imagesRoot = m_store->imagesRoot().ok() ? *m_store->imagesRoot() : QString();
    const auto exported = studyExportInfo(*m_store);
    m_exportedCopy = exported && exported->has_value();
    m_list->setStore(m_store.get());
}

StudyWindow::~StudyWindow()
{
    saveProgress();
}

QLineEdit *StudyWindow::nameEdit() const
{
    return m_list->nameEdit();
}

QPushButton *StudyWindow::startButton() const
{
    return m_list->startButton();
}

QTextBrowser *StudyWindow::reportView() const
{
    return m_report->view();
}

QString StudyWindow::errorText() const
{
    return m_pages->currentIndex() == 1 ? m_caseError->text() : m_list->errorText();
}

bool StudyWindow::showsReport() const
{
    return m_pages->currentWidget() == m_report;
}

bool StudyWindow::showsList() const
{
    return m_pages->currentWidget() == m_list;
}

qint64 StudyWindow::activeMs() const
{
    return m_savedMs + (m_active.isValid() ? m_active.elapsed() : 0);
}

void StudyWindow::showError(const QString &message)
{
    m_list->showError(message);
    m_caseError->setText(message);
}

void StudyWindow::start()
{
    m_list->startButton()->click();
}

void StudyWindow::startStudy(qint64 studyId, const QString &annotator)
{
    if (!m_store)
        return;
    m_annotator = annotator.trimmed();
    if (m_annotator.isEmpty())
        return showError(tr("Enter your name first."));
    const auto study = studyById(*m_store, studyId);
    if (!study)
        return showError(study.error());
    m_study = *study;
    // A planned study refuses anybody who is not one of its annotators.
    const auto assigned = assignAnnotator(*m_store, studyId, m_annotator);
    if (!assigned)
        return showError(assigned.error());
    showError(QString());
    loadNext();
}

void StudyWindow::showList()
{
    pauseTimer();
    saveProgress();
    m_autosave->stop();
    m_assignmentId = 0;
    m_caseId = 0;
    m_list->refresh();
    m_pages->setCurrentWidget(m_list);
}

void StudyWindow::showReport(qint64 studyId)
{
    if (!m_store)
        return;
    const auto report = studyReport(*m_store, studyId);
    if (report)
        m_report->setReport(*report);
    else
        m_report->setMessage(report.error().toHtmlEscaped());
    m_pages->setCurrentWidget(m_report);
}

void StudyWindow::loadNext()
{
    pauseTimer();
    m_autosave->stop();
    const auto next = nextItem(*m_store, m_study.id, m_annotator);
    if (!next) {
        showError(next.error());
        m_pages->setCurrentWidget(m_list);
        return;
    }
    if (!next->has_value()) {
        showEnd();
        return;
    }
    const StudyItem item = **next;
    const auto info = m_store->caseById(item.caseId);
    if (!info) {
        showError(info.error());
        m_pages->setCurrentWidget(m_list);
        return;
    }
    showError(QString());
    QList<QImage> images;
    for (const ImageInfo &image : info->images) {
        QString error;
        const auto decoded
                = decodeImageFile(QDir(m_imagesRoot).filePath(image.relativePath), &error);
        if (decoded) {
            images << toQImage(*decoded);
        } else {
            // A missing picture must not stop the study: a grey placeholder, and the reason.
            QImage placeholder(320, 240, QImage::Format_RGB32);
            placeholder.fill(Qt::gray);
            images << placeholder;
            showError(error);
        }
    }
    m_view->setImages(images);
    QList<StudyCaseView::ShownBox> shown;
    if (m_study.condition == StudyCondition::Assisted && m_study.runId > 0) {
        const auto predictions = m_store->predictionsForCase(item.caseId);
        for (const PredictionInfo &p : predictions.ok() ? *predictions : QList<PredictionInfo>())
            if (p.runId == m_study.runId && !p.boxes.isEmpty())
                shown = {StudyCaseView::ShownBox{std::max(1, p.boxes.first().image),
                                                 p.boxes.first().box, QColor(230, 120, 0),
                                                 tr("model"), true}};
    }
    m_view->setShownBoxes(shown);
    m_assignmentId = item.assignmentId;
    m_caseId = item.caseId;
    m_savedMs = item.activeMsSoFar;
    m_question->setText(info->question);
    m_progress->setText(tr("Case %1 of %2 - annotator %3 - study %4")
                                .arg(item.position + 1)
                                .arg(item.total)
                                .arg(m_annotator, m_study.name));
    m_submit->setEnabled(false);
    m_pages->setCurrentIndex(1);
    if (isActiveWindow())
        resumeTimer();
    m_autosave->start();
}

void StudyWindow::submit()
{
    if (m_assignmentId == 0 || m_view->boxImage() == 0)
        return;
    const qint64 spent = activeMs();
    const Status recorded
            = recordResponse(*m_store, m_assignmentId, m_view->boxImage(), m_view->box(), spent);
    if (!recorded) {
        showError(recorded.error());
        return;
    }
    m_assignmentId = 0;
    loadNext();
}

void StudyWindow::skip()
{
    if (m_assignmentId == 0)
        return;
    const Status recorded = recordResponse(*m_store, m_assignmentId, 0, std::nullopt, activeMs());
    if (!recorded) {
        showError(recorded.error());
        return;
    }
    m_assignmentId = 0;
    loadNext();
}

void StudyWindow::quit()
{
    saveProgress();
    close();
}

void StudyWindow::saveProgress()
{
    if (!m_store || m_assignmentId == 0)
        return;
    // Failing to save progress loses at most a few seconds of timing; the study goes on.
    (void)annotate::saveProgress(*m_store, m_assignmentId, activeMs());
}

void StudyWindow::showEnd()
{
    m_assignmentId = 0;
    m_caseId = 0;
    const QString thanks = QStringLiteral("<p>%1</p>")
                                   .arg(tr("Thank you, you have finished "
                                           "your cases of this study."));
    if (m_exportedCopy) {
        // A copy travels without the ground truth: nothing to score here.
        m_report->setMessage(thanks
                             + QStringLiteral("<p>%1</p>")
                                       .arg(tr("Send this file back (%1) to be merged into the "
                                               "study's project; the report is made there.")
                                                    .arg(m_store->fileName().toHtmlEscaped())));
    } else {
        const auto report = studyReport(*m_store, m_study.id);
        if (report)
            m_report->setReport(*report, thanks);
        else
            m_report->setMessage(thanks + report.error().toHtmlEscaped());
    }
    m_pages->setCurrentWidget(m_report);
}

void StudyWindow::pauseTimer()
{
    if (m_active.isValid()) {
        m_savedMs += m_active.elapsed();
        m_active.invalidate();
    }
}

void StudyWindow::resumeTimer()
{
    if (m_assignmentId != 0 && !m_active.isValid())
        m_active.start();
}

bool StudyWindow::event(QEvent *event)
{
    // Time counts only while the annotator has the window in front of them.
    if (event->type() == QEvent::WindowActivate)
        resumeTimer();
    else if (event->type() == QEvent::WindowDeactivate)
        pauseTimer();
    return QWidget::event(event);
}

void StudyWindow::closeEvent(QCloseEvent *event)
{
    pauseTimer();
    saveProgress();
    QWidget::closeEvent(event);
}

} // namespace migician::ui
