// Study mode: the study list (ui/study_list_page.h, where studies are also created, exported
// for annotators and merged back); an annotator enters a name, picks a study, and gets one of
// their cases at a time (the images and the question; in the assisted condition also the
// model's box). They draw one box on the image they choose, or skip. The timer counts only while
// the window is active; progress is saved every few seconds, so quitting (or a crash) and
// reopening resumes at the same case with the time spent so far. After the last case, and from
// the list at any time, the report (ui/study_report_page.h); in a copy exported for one
// annotator, which has no ground truth, a thank-you instead.
#pragma once

#include "annotate/project_store.h"
#include "annotate/study_report.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTimer;

namespace migician::ui {

class StudyCaseView;
class StudyListPage;
class StudyReportPage;

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
    StudyListPage *studyList() const { return m_list; }
    QLineEdit *nameEdit() const;
    QPushButton *startButton() const;
    StudyCaseView *caseView() const { return m_view; }
    QPushButton *submitButton() const { return m_submit; }
    QPushButton *skipButton() const { return m_skip; }
    QPushButton *quitButton() const { return m_quit; }
    QLabel *progressLabel() const { return m_progress; }
    StudyReportPage *reportPage() const { return m_report; }
    QTextBrowser *reportView() const;
    bool showsReport() const;
    bool showsList() const;

public Q_SLOTS:
    void start(); // the study selected in the list, as the annotator named there
    void startStudy(qint64 studyId, const QString &annotator);
    void showReport(qint64 studyId);
    void showList();
    void submit();
    void skip();
    void quit();

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void loadNext();
    void showEnd();
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

    bool m_exportedCopy = false;
    QStackedWidget *m_pages;
    StudyListPage *m_list;
    QLabel *m_progress;
    QLabel *m_question;
    QLabel *m_hint;
    QLabel *m_caseError;
    StudyCaseView *m_view;
    QPushButton *m_submit;
    QPushButton *m_skip;
    QPushButton *m_quit;
    StudyReportPage *m_report;
    QTimer *m_autosave;
};

} // namespace migician::ui
