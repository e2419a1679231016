#include "export_dialog.h"

#include "annotate/project_store.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace migician::ui {

namespace {
annotate::Result<annotate::ExportReport> storeExporter(annotate::ProjectStore &store,
                                                       const QString &format, const QString &file)
{
    const auto parsed = annotate::exportFormatFromString(format);
    if (!parsed)
        return annotate::Result<annotate::ExportReport>::failure(
                QCoreApplication::translate("migician::ui::ExportDialog",
                                            "%1: unknown export format")
                        .arg(format));
    return annotate::exportAnnotations(store, *parsed, file);
}
} // namespace

ExportDialog::ExportDialog(annotate::ProjectStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_exporter(storeExporter)
    , m_format(new QComboBox(this))
    , m_file(new QLineEdit(this))
    , m_description(new QLabel(this))
    , m_result(new QLabel(this))
{
    setWindowTitle(tr("Export project"));
    auto *form = new QFormLayout(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    for (const QString &format : formats())
        m_format->addItem(format, format);
    form->addRow(tr("Format:"), m_format);
    m_description->setWordWrap(true);
    form->addRow(QString(), m_description);
    auto *fileRow = new QHBoxLayout;
    auto *browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    form->addRow(tr("File:"), fileRow);
    m_result->setWordWrap(true);
    m_result->setMinimumHeight(fontMetrics().height() * 3);
    form->addRow(m_result);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *run = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    connect(run, &QPushButton::clicked, this, [this] { (void)exportNow(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    const QString base
            = store ? QFileInfo(store->fileName()).completeBaseName() : QStringLiteral("export");
    m_file->setText(QDir::home().filePath(base + defaultSuffix(formats().first())));
    formatChanged();
    resize(560, sizeHint().height());
}

QStringList ExportDialog::formats()
{
    return {QStringLiteral("migbench"), QStringLiteral("coco"), QStringLiteral("csv"),
            QStringLiteral("odvg"), QStringLiteral("llamafactory")};
}

QString ExportDialog::defaultSuffix(const QString &format)
{
    if (format == QLatin1String("csv"))
        return QStringLiteral(".csv");
    if (format == QLatin1String("odvg"))
        return QStringLiteral(".odvg.jsonl");
    if (format == QLatin1String("coco"))
        return QStringLiteral(".coco.json");
    if (format == QLatin1String("llamafactory"))
        return QStringLiteral(".llamafactory.json");
    return QStringLiteral(".migbench.json");
}

void ExportDialog::setFormat(const QString &format)
{
    m_format->setCurrentIndex(std::max(0, m_format->findData(format)));
}

void ExportDialog::setFileName(const QString &file)
{
    m_file->setText(file);
}

void ExportDialog::formatChanged()
{
    const QString format = m_format->currentData().toString();
    if (format == QLatin1String("migbench"))
        m_description->setText(
                tr("MIG-Bench JSON: one record per case with images, question and box."));
    else if (format == QLatin1String("coco"))
        m_description->setText(tr("COCO detection JSON: images, categories and boxes in pixels."));
    else if (format == QLatin1String("csv"))
        m_description->setText(tr("CSV: one row per case, normalised and pixel corners."));
    else if (format == QLatin1String("odvg"))
        m_description->setText(tr("ODVG JSON lines for grounding training (GroundingDINO style)."));
    else
        m_description->setText(
                tr("LLaMA-Factory ShareGPT JSON with Migician-format answers, for fine-tuning."));
    // Keep the chosen folder and name, change only the suffix.
    const QFileInfo info(m_file->text());
    QString base = info.fileName();
    for (const QString &f : formats())
        if (base.endsWith(defaultSuffix(f)))
            base.chop(defaultSuffix(f).size());
    m_file->setText(info.dir().filePath(base + defaultSuffix(format)));
}

void ExportDialog::browse()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export to"), m_file->text());
    if (!file.isEmpty())
        m_file->setText(file);
}

annotate::Result<annotate::ExportReport> ExportDialog::exportNow()
{
    auto report = m_store ? m_exporter(*m_store, m_format->currentData().toString(), m_file->text())
                          : annotate::Result<annotate::ExportReport>::failure(
                                  tr("No project is open."));
    if (report)
        m_result->setText(
                tr("Exported %1 case(s) to %2 (%3 from annotations, %4 from ground truth; "
                   "skipped: %5 without a box, %6 without image size).")
                        .arg(report->exported)
                        .arg(m_file->text())
                        .arg(report->fromAnnotations)
                        .arg(report->fromGroundTruth)
                        .arg(report->skippedNoBox)
                        .arg(report->skippedNoSize));
    else
        m_result->setText(tr("Export failed: %1").arg(report.error()));
    return report;
}

} // namespace migician::ui
