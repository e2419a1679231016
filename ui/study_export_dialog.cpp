#include "ui/study_export_dialog.h"

#include "annotate/study_exchange.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QThread>
#include <QVBoxLayout>

namespace migician::ui {

using namespace migician::annotate;

StudyExportDialog::StudyExportDialog(const QString &projectFile, const StudyInfo &study,
                                     QWidget *parent)
    : QDialog(parent)
    , m_projectFile(projectFile)
    , m_study(study)
    , m_annotator(new QComboBox(this))
    , m_file(new QLineEdit(this))
    , m_copy(new QCheckBox(tr("Copy the images beside it (self-contained); otherwise refer to "
                              "them by a relative path"),
                           this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_export(new QPushButton(tr("Export"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Export study \"%1\" for an annotator").arg(study.name));
    m_annotator->addItems(study.annotators);
    // An open study takes any name: the annotator is assigned when exported.
    m_annotator->setEditable(study.annotators.isEmpty());
    m_copy->setChecked(true);
    m_progress->setVisible(false);
    m_result->setWordWrap(true);
    auto *browse = new QPushButton(tr("Browse..."), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Annotator:"), m_annotator);
    form->addRow(tr("Write to:"), fileRow);
    form->addRow(QString(), m_copy);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addLayout(buttons);

    connect(m_annotator, &QComboBox::currentTextChanged, this, &StudyExportDialog::suggestFile);
    connect(m_file, &QLineEdit::textEdited, this, [this] { m_fileEdited = true; });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file
                = QFileDialog::getSaveFileName(this, tr("Export for annotator"), m_file->text(),
                                               tr("Migician projects (*.migician)"));
        if (!file.isEmpty()) {
            m_file->setText(file);
            m_fileEdited = true;
        }
    });
    connect(m_export, &QPushButton::clicked, this, &StudyExportDialog::startExport);
    connect(m_close, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancel();
        else
            reject();
    });
    suggestFile();
}

StudyExportDialog::~StudyExportDialog()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
    }
}

QString StudyExportDialog::resultText() const
{
    return m_result->text();
}

void StudyExportDialog::suggestFile()
{
    if (m_fileEdited)
        return;
    const QFileInfo project(m_projectFile);
    QString base = QStringLiteral("%1-%2-%3")
                           .arg(project.completeBaseName(), m_study.name,
                                m_annotator->currentText().trimmed());
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
    m_file->setText(project.absoluteDir().filePath(base + QStringLiteral(".migician")));
}

void StudyExportDialog::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void StudyExportDialog::startExport()
{
    if (isRunning())
        return;
    AnnotatorExport request;
    request.studyId = m_study.id;
    request.annotator = m_annotator->currentText().trimmed();
    request.outFile = m_file->text().trimmed();
    request.images = m_copy->isChecked() ? ExportImages::Copy : ExportImages::Reference;
    if (request.annotator.isEmpty() || request.outFile.isEmpty())
        return finish(false, tr("Choose the annotator and the file to write."));
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_result->setText(tr("Exporting..."));
    m_export->setEnabled(false);
    m_close->setText(tr("Cancel"));

    // The worker opens its own connection (one per thread); values cross back by queued calls.
    QPointer<StudyExportDialog> self(this);
    const QString project = m_projectFile;
    const auto cancelled = m_cancel;
    m_thread = QThread::create([self, project, request, cancelled] {
        auto report = [&](bool ok, const QString &message) {
            QMetaObject::invokeMethod(
                    self,
                    [self, ok, message] {
                        if (self)
                            self->finish(ok, message);
                    },
                    Qt::QueuedConnection);
        };
        auto store = ProjectStore::open(project, ProjectStore::OpenMode::OpenExisting);
        if (!store)
            return report(false, store.error());
        const auto exported
                = exportAnnotatorProject(*store.value(), request, [&](int done, int total) {
                      QMetaObject::invokeMethod(
                              self,
                              [self, done, total] {
                                  if (self) {
                                      self->m_progress->setRange(0, total);
                                      self->m_progress->setValue(done);
                                  }
                              },
                              Qt::QueuedConnection);
                      return !cancelled->load();
                  });
        if (!exported)
            return report(false, exported.error());
        QString message = tr("Wrote %1: %2 cases of %3 (%4 already answered), images %5.")
                                  .arg(exported->outFile)
                                  .arg(exported->cases)
                                  .arg(request.annotator)
                                  .arg(exported->responses)
                                  .arg(request.images == ExportImages::Copy
                                               ? tr("copied to %1 (%2 files)")
                                                         .arg(exported->imagesRoot)
                                                         .arg(exported->imagesCopied)
                                               : tr("referenced as %1").arg(exported->imagesRoot));
        if (!exported->missingImages.isEmpty())
            message += QLatin1Char(' ')
                       + tr("%1 image file(s) were missing.").arg(exported->missingImages.size());
        report(true, message);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

void StudyExportDialog::finish(bool ok, const QString &message)
{
    if (m_thread) {
        m_thread->wait();
        m_thread = nullptr;
    }
    m_progress->setVisible(false);
    m_result->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020"));
    m_result->setText(message);
    m_export->setEnabled(true);
    m_close->setText(tr("Close"));
    Q_EMIT exportFinished(ok, message);
}

} // namespace migician::ui
