#include "ui/study_window.h"

#include "annotate/study.h"
#include "ui/image_decoder.h"
#include "ui/study_case_view.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
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
    , m_name(new QLineEdit(this))
    , m_studies(new QComboBox(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_error(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_question(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_view(new StudyCaseView(this))
    , m_submit(new QPushButton(tr("Submit box"), this))
    , m_skip(new QPushButton(tr("Skip"), this))
    , m_quit(new QPushButton(tr("Quit (resume later)"), this))
    , m_report(new QTextBrowser(this))
    , m_autosave(new QTimer(this))
{
    setWindowTitle(tr("Study mode"));
    auto *startPage = new QWidget(this);
    auto *form = new QFormLayout(startPage);
    m_name->setPlaceholderText(tr("Your name"));
    form->addRow(tr("Annotator:"), m_name);
    form->addRow(tr("Study:"), m_studies);
    form->addRow(QString(), m_start);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    form->addRow(QString(), m_error);

    auto *casePage = new QWidget(this);
    auto *caseLayout = new QVBoxLayout(casePage);
    m_progress->setObjectName(QStringLiteral("studyProgress"));
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    QFont questionFont = m_question->font();
    questionFont.setPointSizeF(questionFont.pointSizeF() * 1.2);
    m_question->setFont(questionFont);
    m_hint->setText(tr("Drag a box on the image that holds the answer, then submit; or skip."));
    caseLayout->addWidget(m_progress);
    caseLayout->addWidget(m_question);
    caseLayout->addWidget(m_view, 1);
    caseLayout->addWidget(m_hint);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_submit);
    buttons->addWidget(m_skip);
    buttons->addStretch(1);
    buttons->addWidget(m_quit);
    caseLayout->addLayout(buttons);

    m_pages->addWidget(startPage);
    m_pages->addWidget(casePage);
    m_pages->addWidget(m_report);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    m_submit->setEnabled(false);
    connect(m_view, &StudyCaseView::boxChanged, this,
            [this] { m_submit->setEnabled(m_view->boxImage() > 0); });
    connect(m_start, &QPushButton::clicked, this, &StudyWindow::start);
    connect(m_submit, &QPushButton::clicked, this, &StudyWindow::submit);
    connect(m_skip, &QPushButton::clicked, this, &StudyWindow::skip);
    connect(m_quit, &QPushButton::clicked, this, &StudyWindow::quit);
    connect(m_autosave, &QTimer::timeout, this, &StudyWindow::saveProgress);
    m_autosave->setInterval(kAutosaveMs);

    auto opened = ProjectStore::open(projectFile, ProjectStore::OpenMode::OpenExisting);
    if (!opened) {
        showError(opened.error());
        m_start->setEnabled(false);
        return;
    }
    m_store = std::move(opened.value());
    m_imagesRoot = m_store->imagesRoot().ok() ? *m_store->imagesRoot() : QString();
    const auto studies = listStudies(*m_store);
    if (!studies) {
        showError(studies.error());
        return;
    }
    for (const StudyInfo &study : *studies)
        m_studies->addItem(study.condition == StudyCondition::Assisted
                                   ? tr("%1 (assisted)").arg(study.name)
                                   : tr("%1 (blind)").arg(study.name),
                           study.id);
    if (studies->isEmpty()) {
        showError(tr("This project has no study yet."));
        m_start->setEnabled(false);
    }
}

StudyWindow::~StudyWindow()
{
    saveProgress();
}

QString StudyWindow::errorText() const
{
    return m_error->text();
}

bool StudyWindow::showsReport() const
{
    return m_pages->currentWidget() == m_report;
}

qint64 StudyWindow::activeMs() const
{
    return m_savedMs + (m_active.isValid() ? m_active.elapsed() : 0);
}

void StudyWindow::showError(const QString &message)
{
    m_error->setText(message);
}

void StudyWindow::start()
{
    m_annotator = m_name->text().trimmed();
    if (m_annotator.isEmpty()) {
        showError(tr("Enter your name first."));
        return;
    }
    if (!m_store || m_studies->currentIndex() < 0)
        return;
    const qint64 studyId = m_studies->currentData().toLongLong();
    const auto studies = listStudies(*m_store);
    for (const StudyInfo &study : studies.ok() ? *studies : QList<StudyInfo>())
        if (study.id == studyId)
            m_study = study;
    const auto assigned = assignAnnotator(*m_store, studyId, m_annotator);
    if (!assigned) {
        showError(assigned.error());
        return;
    }
    showError(QString());
    loadNext();
}

void StudyWindow::loadNext()
{
    pauseTimer();
    m_autosave->stop();
    const auto next = nextItem(*m_store, m_study.id, m_annotator);
    if (!next) {
        showError(next.error());
        m_pages->setCurrentIndex(0);
        return;
    }
    if (!next->has_value()) {
        showReport();
        return;
    }
    const StudyItem item = **next;
    const auto info = m_store->caseById(item.caseId);
    if (!info) {
        showError(info.error());
        m_pages->setCurrentIndex(0);
        return;
    }
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
    if (m_study.condition == StudyCondition::Assisted && m_study.runId > 0) {
        const auto predictions = m_store->predictionsForCase(item.caseId);
        QList<StudyCaseView::ShownBox> shown;
        for (const PredictionInfo &p : predictions.ok() ? *predictions : QList<PredictionInfo>())
            if (p.runId == m_study.runId && !p.boxes.isEmpty())
                shown = {StudyCaseView::ShownBox{std::max(1, p.boxes.first().image),
                                                 p.boxes.first().box, QColor(230, 120, 0),
                                                 tr("model"), true}};
        m_view->setShownBoxes(shown);
    }
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

void StudyWindow::showReport()
{
    m_assignmentId = 0;
    m_caseId = 0;
    const auto report = studyReport(*m_store, m_study.id);
    m_report->setHtml(report ? QStringLiteral("<p>%1</p>").arg(tr("Thank you, the study is done."))
                                       + studyReportHtml(*report)
                             : report.error().toHtmlEscaped());
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
