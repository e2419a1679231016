// The report page of study mode: the report of annotate/study_report_format.h as HTML, and the
// same report saved as Markdown (Table 1 layout), CSV or JSON, exactly what `migician study
// report` writes. GUI thread only.
#pragma once

#include "annotate/study_report.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace migician::ui {

class StudyReportPage : public QWidget
{
    Q_OBJECT
public:
    enum class Format { Markdown, Csv, Json };

    explicit StudyReportPage(QWidget *parent = nullptr);

    void setReport(const annotate::StudyReport &report, const QString &preface = {});
    void setMessage(const QString &html); // instead of a report (an error, a thank-you)
    bool hasReport() const { return m_report.has_value(); }
    const annotate::StudyReport &report() const { return *m_report; }
    // Writes the report; false with `error` set when it cannot.
    bool save(Format format, const QString &file, QString *error = nullptr) const;

    QTextBrowser *view() const { return m_view; }
    QPushButton *backButton() const { return m_back; }

Q_SIGNALS:
    void backRequested();

private:
    void saveWithDialog(Format format);

    std::optional<annotate::StudyReport> m_report;
    QTextBrowser *m_view;
    QPushButton *m_back;
    QList<QPushButton *> m_saveButtons;
    QLabel *m_status;
};

} // namespace migician::ui
