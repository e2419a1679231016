// The first page of study mode: the studies of the project with their progress, the
// annotator's name, and what can be done with a study: start or resume it (an annotator gets
// only their own cases), read its report, create a new one, export a copy for an annotator's
// laptop and merge such copies back. In a copy exported for one annotator it says so and offers
// only starting. GUI thread only; the store belongs to the study window.
#pragma once

#include "annotate/project_store.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace migician::ui {

class NewStudyDialog;
class StudyExportDialog;

class StudyListPage : public QWidget
{
    Q_OBJECT
public:
    explicit StudyListPage(QWidget *parent = nullptr);

    void setStore(annotate::ProjectStore *store); // not owned; nullptr = nothing to show
    qint64 currentStudyId() const;                // 0 = none selected
    bool selectStudy(qint64 studyId);
    QString annotator() const;
    void showError(const QString &message);
    QString errorText() const;
    QString lastMergeSummary() const { return m_mergeSummary; }

    QLineEdit *nameEdit() const { return m_name; }
    QTreeWidget *studyTree() const { return m_tree; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *reportButton() const { return m_report; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *mergeButton() const { return m_merge; }

public Q_SLOTS:
    void refresh();
    // Opens the New-study dialog (window-modal, not blocking); the list selects what it creates.
    NewStudyDialog *newStudy();
    StudyExportDialog *exportForAnnotator();
    // Merges the files (asks for them when empty) and shows what was merged.
    void mergeFiles(QStringList files = {});

Q_SIGNALS:
    void startRequested(qint64 studyId, const QString &annotator);
    void reportRequested(qint64 studyId);

private:
    void updateButtons();

    annotate::ProjectStore *m_store = nullptr;
    bool m_exportedCopy = false;
    QString m_mergeSummary;
    QLabel *m_banner;
    QLineEdit *m_name;
    QTreeWidget *m_tree;
    QPushButton *m_start;
    QPushButton *m_new;
    QPushButton *m_report;
    QPushButton *m_export;
    QPushButton *m_merge;
    QLabel *m_error;
};

} // namespace migician::ui
