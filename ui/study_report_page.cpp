#include "ui/study_report_page.h"

#include "annotate/study_report_format.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace migician::ui {

using namespace migician::annotate;

StudyReportPage::StudyReportPage(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTextBrowser(this))
    , m_back(new QPushButton(tr("Back to the studies"), this))
    , m_status(new QLabel(this))
{
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_status);
    const QList<std::pair<Format, QString>> formats{{Format::Markdown, tr("Save as Markdown...")},
                                                    {Format::Csv, tr("Save as CSV...")},
                                                    {Format::Json, tr("Save as JSON...")}};
    for (const auto &[format, label] : formats) {
        auto *button = new QPushButton(label, this);
        connect(button, &QPushButton::clicked, this, [this, f = format] { saveWithDialog(f); });
        buttons->addWidget(button);
        m_saveButtons << button;
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(m_back, &QPushButton::clicked, this, &StudyReportPage::backRequested);
    setMessage(QString());
}

void StudyReportPage::setReport(const StudyReport &report, const QString &preface)
{
    m_report = report;
    m_view->setHtml(preface + studyReportHtml(report));
    m_status->clear();
    for (QPushButton *button : m_saveButtons)
        button->setEnabled(true);
}

void StudyReportPage::setMessage(const QString &html)
{
    m_report.reset();
    m_view->setHtml(html);
    m_status->clear();
    for (QPushButton *button : m_saveButtons)
        button->setEnabled(false);
}

bool StudyReportPage::save(Format format, const QString &file, QString *error) const
{
    if (!m_report) {
        if (error)
            *error = tr("No report to save.");
        return false;
    }
    QByteArray bytes;
    switch (format) {
    case Format::Markdown:
        bytes = studyReportMarkdown(*m_report).toUtf8();
        break;
    case Format::Csv:
        bytes = studyReportCsv(*m_report).toUtf8();
        break;
    case Format::Json:
        bytes = QJsonDocument(studyReportJson(*m_report)).toJson(QJsonDocument::Indented);
        break;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        if (error)
            *error = tr("%1: cannot write the report: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

void StudyReportPage::saveWithDialog(Format format)
{
    const QString filter = format == Format::Markdown ? tr("Markdown (*.md)")
                           : format == Format::Csv    ? tr("CSV (*.csv)")
                                                      : tr("JSON (*.json)");
    const QString file
            = QFileDialog::getSaveFileName(this, tr("Save the study report"), QString(), filter);
    if (file.isEmpty())
        return;
    QString error;
    m_status->setText(save(format, file, &error) ? tr("Saved %1").arg(file) : error);
}

} // namespace migician::ui
