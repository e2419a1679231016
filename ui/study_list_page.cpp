#include "ui/study_list_page.h"

#include "annotate/study_exchange.h"
#include "ui/new_study_dialog.h"
#include "ui/study_export_dialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace migician::ui {

using namespace migician::annotate;

namespace {

enum Column { Name, Condition, Cases, Annotators, Progress, Yours, ColumnCount };

} // namespace

StudyListPage::StudyListPage(QWidget *parent)
    : QWidget(parent)
    , m_banner(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_start(new QPushButton(tr("Start / resume"), this))
    , m_new(new QPushButton(tr("New study..."), this))
    , m_report(new QPushButton(tr("Report"), this))
    , m_export(new QPushButton(tr("Export for annotator..."), this))
    , m_merge(new QPushButton(tr("Merge responses..."), this))
    , m_error(new QLabel(this))
{
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setStyleSheet(QStringLiteral("background: #eef4ff; padding: 6px"));
    m_name->setPlaceholderText(tr("Your name"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Study"), tr("Condition"), tr("Cases"), tr("Annotators"),
                             tr("Responses"), tr("Your cases")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(tr("Annotator:"), this));
    nameRow->addWidget(m_name, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_report);
    buttons->addStretch(1);
    buttons->addWidget(m_new);
    buttons->addWidget(m_export);
    buttons->addWidget(m_merge);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(nameRow);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    connect(m_name, &QLineEdit::textChanged, this, &StudyListPage::refresh);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &StudyListPage::updateButtons);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, m_start, &QPushButton::click);
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (annotator().isEmpty())
            return showError(tr("Enter your name first."));
        if (currentStudyId() > 0)
            Q_EMIT startRequested(currentStudyId(), annotator());
    });
    connect(m_report, &QPushButton::clicked, this, [this] {
        if (currentStudyId() > 0)
            Q_EMIT reportRequested(currentStudyId());
    });
    connect(m_new, &QPushButton::clicked, this, &StudyListPage::newStudy);
    connect(m_export, &QPushButton::clicked, this, &StudyListPage::exportForAnnotator);
    connect(m_merge, &QPushButton::clicked, this, [this] { mergeFiles(); });
    updateButtons();
}

void StudyListPage::setStore(ProjectStore *store)
{
    m_store = store;
    m_exportedCopy = false;
    m_banner->setVisible(false);
    if (m_store) {
        const auto exported = studyExportInfo(*m_store);
        if (exported && *exported) {
            // A copy for one annotator: only they work in it; new studies and merges happen in
            // the main project.
            m_exportedCopy = true;
            m_name->setText((*exported)->annotator);
            m_name->setReadOnly(true);
            m_banner->setText(tr("This file holds the cases of %1, exported from %2. When you "
                                 "are done, send the file back to be merged.")
                                      .arg((*exported)->annotator,
                                           QFileInfo((*exported)->sourceProject).fileName()));
            m_banner->setVisible(true);
        }
    }
    m_new->setVisible(!m_exportedCopy);
    m_export->setVisible(!m_exportedCopy);
    m_merge->setVisible(!m_exportedCopy);
    m_report->setVisible(!m_exportedCopy); // no ground truth travels with a copy
    refresh();
}

void StudyListPage::refresh()
{
    const qint64 selected = currentStudyId();
    m_tree->clear();
    if (!m_store) {
        updateButtons();
        return;
    }
    const auto studies = listStudies(*m_store);
    if (!studies) {
        showError(studies.error());
        return;
    }
    const QString me = annotator();
    for (const StudyInfo &study : *studies) {
        const auto progress = studyProgress(*m_store, study.id);
        int assigned = 0, done = 0;
        QString yours = study.annotators.isEmpty() || study.annotators.contains(me)
                                ? tr("not started")
                                : tr("not an annotator of this study");
        if (progress)
            for (const AnnotatorProgress &p : *progress) {
                assigned += p.assigned;
                done += p.done();
                if (p.annotator == me)
                    yours = tr("%1 of %2 done").arg(p.done()).arg(p.assigned);
            }
        if (me.isEmpty())
            yours = QString();
        auto *item = new QTreeWidgetItem(m_tree);
        item->setData(Name, Qt::UserRole, study.id);
        item->setText(Name, study.name);
        item->setText(Condition, study.condition == StudyCondition::Assisted
                                         ? tr("assisted (run #%1)").arg(study.runId)
                                         : tr("blind"));
        item->setText(Cases,
                      study.casesPerTask > 0
                              ? tr("%1 (%2 per task)").arg(study.cases).arg(study.casesPerTask)
                              : QString::number(study.cases));
        item->setText(Annotators,
                      study.annotators.isEmpty()
                              ? tr("open")
                              : tr("%1 (%2 per case)")
                                        .arg(study.annotators.join(QStringLiteral(", ")))
                                        .arg(study.overlap));
        item->setText(Progress, tr("%1 of %2").arg(done).arg(assigned));
        item->setText(Yours, yours);
    }
    if (!selectStudy(selected) && m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(m_tree->topLevelItemCount() - 1));
    const QString none = m_exportedCopy ? tr("This file holds no study.")
                                        : tr("This project has no study yet: create one with "
                                             "New study...");
    if (studies->isEmpty())
        showError(none);
    else if (m_error->text() == none)
        showError(QString());
    updateButtons();
}

qint64 StudyListPage::currentStudyId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(Name, Qt::UserRole).toLongLong() : 0;
}

bool StudyListPage::selectStudy(qint64 studyId)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->data(Name, Qt::UserRole).toLongLong() == studyId) {
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
            return true;
        }
    return false;
}

QString StudyListPage::annotator() const
{
    return m_name->text().trimmed();
}

void StudyListPage::showError(const QString &message)
{
    m_error->setText(message);
}

QString StudyListPage::errorText() const
{
    return m_error->text();
}

void StudyListPage::updateButtons()
{
    const bool selected = m_store && currentStudyId() > 0;
    m_start->setEnabled(selected);
    m_report->setEnabled(selected);
    m_export->setEnabled(selected);
    m_new->setEnabled(m_store != nullptr);
    m_merge->setEnabled(m_store != nullptr);
}

NewStudyDialog *StudyListPage::newStudy()
{
    if (!m_store)
        return nullptr;
    auto *dialog = new NewStudyDialog(*m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        refresh();
        selectStudy(dialog->createdStudyId());
        showError(QString());
    });
    dialog->open();
    return dialog;
}

StudyExportDialog *StudyListPage::exportForAnnotator()
{
    if (!m_store || currentStudyId() <= 0)
        return nullptr;
    const auto study = studyById(*m_store, currentStudyId());
    if (!study) {
        showError(study.error());
        return nullptr;
    }
    auto *dialog = new StudyExportDialog(m_store->fileName(), *study, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, &StudyListPage::refresh);
    dialog->open();
    return dialog;
}

void StudyListPage::mergeFiles(QStringList files)
{
    if (!m_store)
        return;
    if (files.isEmpty())
        files = QFileDialog::getOpenFileNames(this, tr("Merge responses from annotators' files"),
                                              QFileInfo(m_store->fileName()).absolutePath(),
                                              tr("Migician projects (*.migician);;All files (*)"));
    if (files.isEmpty())
        return;
    QStringList lines;
    bool failed = false;
    for (const QString &file : files) {
        const auto merged = mergeStudyFile(*m_store, file);
        if (!merged) {
            failed = true;
            lines << merged.error();
            continue;
        }
        lines << tr("%1: %2 added, %3 replaced by later answers, %4 already merged, %5 kept "
                    "(the project's were later); progress of %6 open cases (annotators: %7).")
                         .arg(QFileInfo(file).fileName())
                         .arg(merged->added)
                         .arg(merged->replaced)
                         .arg(merged->unchanged)
                         .arg(merged->keptNewer)
                         .arg(merged->progressUpdated)
                         .arg(merged->annotators.join(QStringLiteral(", ")));
    }
    m_mergeSummary = lines.join(QLatin1Char('\n'));
    refresh();
    auto *box = new QMessageBox(failed ? QMessageBox::Warning : QMessageBox::Information,
                                tr("Merge responses"), m_mergeSummary, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace migician::ui
