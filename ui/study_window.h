// Study mode: an annotator enters a name, picks a study of the project, and gets one case at a
// time (the images and the question; in the assisted condition also the model's box). They draw
// one box on the image they choose, or skip. The timer counts only while the window is active;
// progress is saved every few seconds, so quitting (or a crash) and reopening resumes at the same
// case with the time spent so far. After the last case, the report (annotate/study_report.h).
#pragma once

#include "annotate/project_store.h"
#include "annotate/study_report.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTimer;

namespace migician::ui {

class StudyCaseView;

class StudyWindow : public QWidget
{
    Q_OBJECT
public:
    // Opens its own connection to `projectFile`; errors are shown in the window.
    explicit StudyWindow(const QString &projectFile, QWidget *parent = nullptr);
    ~StudyWindow() override;

    // Active milliseconds on the current case (saved + this session's).
    qint64 activeMs() const;
    qint64 currentCaseId() const { return m_caseId; }
    QString errorText() const;

    // For tests and the screenshots: the widgets the user works with.
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *studyCombo() const { return m_studies; }
    QPushButton *startButton() const { return m_start; }
    StudyCaseView *caseView() const { return m_view; }
    QPushButton *submitButton() const { return m_submit; }
    QPushButton *skipButton() const { return m_skip; }
    QPushButton *quitButton() const { return m_quit; }
    QLabel *progressLabel() const { return m_progress; }
    QTextBrowser *reportView() const { return m_report; }
    bool showsReport() const;

public Q_SLOTS:
    void start();
    void submit();
    void skip();
    void quit();

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void loadNext();
    void showReport();
    void showError(const QString &message);
    void pauseTimer();
    void resumeTimer();
    void saveProgress();

    std::unique_ptr<annotate::ProjectStore> m_store;
    QString m_imagesRoot;
    QString m_annotator;
    annotate::StudyInfo m_study;
    qint64 m_assignmentId = 0;
    qint64 m_caseId = 0;
    qint64 m_savedMs = 0;   // active time before this activation
    QElapsedTimer m_active; // running while the window is active on a case

    QStackedWidget *m_pages;
    QLineEdit *m_name;
    QComboBox *m_studies;
    QPushButton *m_start;
    QLabel *m_error;
    QLabel *m_progress;
    QLabel *m_question;
    QLabel *m_hint;
    StudyCaseView *m_view;
    QPushButton *m_submit;
    QPushButton *m_skip;
    QPushButton *m_quit;
    QTextBrowser *m_report;
    QTimer *m_autosave;
};

} // namespace migician::ui
