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

private:
    QPlainTextEdit *m_editor;
    QToolButton *m_crop;
    QWidget *m_chipArea;
    QHBoxLayout *m_chipLayout;
    QLabel *m_chipHint;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QWidget *m_notice;
    QLabel *m_noticeText;
    QPushButton *m_renumber;
    int m_chipCount = 0;
};

} // namespace migician::ui
