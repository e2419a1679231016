// The query panel: free-form text with a button that marks the selected phrase as an object
// reference, the crop tool, the visual references as chips ("Image-5" ...), the rendered prompt,
// and Run / Cancel with the model-loading progress.
#pragma once

#include <QImage>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace migician::ui {

class QueryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit QueryPanel(QWidget *parent = nullptr);

    QString query() const;
    void setQuery(const QString &text);
    QPlainTextEdit *editor() const { return m_editor; }
    QToolButton *cropButton() const { return m_crop; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }

    struct Chip
    {
        QString name; // "Image-5"
        QImage crop;
    };
    void setChips(const QList<Chip> &chips);
    int chipCount() const { return m_chipCount; }

    // A notice under the editor (e.g. "Image-2 is now Image-3" after a reorder), with a button
    // that asks to renumber the query's "Image-k" names when `offerRenumber`.
    void showNotice(const QString &text, bool offerRenumber);
    void hideNotice();
    QString notice() const;
    QPushButton *renumberButton() const { return m_renumber; }

    void setBusy(bool busy);
    void setLoadProgress(double fraction, const QString &what);
    // The model's progress through a stage: a determinate bar with `text` on it.
    void setRunProgress(int done, int total, const QString &text);
    QProgressBar *progressBar() const { return m_progress; }

    // The estimate of the run the Run button would start (tokens, memory, time; empty hides it),
    // its details as the tooltip; `warn` marks it (over the time threshold, or not fitting).
    void setEstimate(const QString &summary, const QString &details, bool warn);
    QLabel *estimateLabel() const { return m_estimate; }
    QToolButton *measureSpeedButton() const { return m_measure; }

public Q_SLOTS:
    // Wraps the selection (or inserts an empty pair at the cursor) in object_ref tags.
    void markSelectedPhrase();

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    void showPromptRequested();
    void chipRemoved(int index);
    void cropToolToggled(bool on);
    void renumberRequested();
    void measureSpeedRequested();

private:
    QPlainTextEdit *m_editor;
    QToolButton *m_crop;
    QWidget *m_chipArea;
    QHBoxLayout *m_chipLayout;
    QLabel *m_chipHint;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_estimate;
    QToolButton *m_measure;
    QWidget *m_notice;
    QLabel *m_noticeText;
    QPushButton *m_renumber;
    int m_chipCount = 0;
};

} // namespace migician::ui
