// Research -> New study...: a human-performance study set up in one dialog. The user names it,
// picks N cases per task (and which tasks), the seed, blind or assisted (with the evaluation run
// whose boxes are shown), the annotators and how many of them see each case. While they type,
// the dialog shows the plan annotate/study_plan.h computes: how many cases each annotator gets,
// an estimate of their time from the pilot timings of the project, warnings, and every reason
// the study would be refused (Create stays disabled until there is none). GUI thread only; the
// store stays owned by the caller.
#pragma once

#include "annotate/study_plan.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace migician::ui {

class NewStudyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewStudyDialog(annotate::ProjectStore &store, QWidget *parent = nullptr);

    annotate::StudySpec spec() const;
    const annotate::StudyPlan &plan() const { return m_plan; }
    qint64 createdStudyId() const { return m_created; }
    QString planText() const;  // what the plan label shows, as plain text
    QString errorText() const; // the refusals shown

    // For tests and the screenshots: the widgets the user works with.
    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *perTaskSpin() const { return m_perTask; }
    QListWidget *taskList() const { return m_tasks; }
    QSpinBox *seedSpin() const { return m_seed; }
    QRadioButton *blindButton() const { return m_blind; }
    QRadioButton *assistedButton() const { return m_assisted; }
    QComboBox *runCombo() const { return m_run; }
    QLineEdit *annotatorsEdit() const { return m_annotators; }
    QSpinBox *overlapSpin() const { return m_overlap; }
    QPushButton *createButton() const { return m_create; }

public Q_SLOTS:
    void updatePlan();
    void accept() override; // creates the study; stays open with the reason when refused

private:
    void fillChoices();

    annotate::ProjectStore &m_store;
    annotate::StudyPlan m_plan;
    qint64 m_created = 0;
    QLineEdit *m_name;
    QSpinBox *m_perTask;
    QListWidget *m_tasks;
    QSpinBox *m_seed;
    QRadioButton *m_blind;
    QRadioButton *m_assisted;
    QComboBox *m_run;
    QLineEdit *m_annotators;
    QSpinBox *m_overlap;
    QLabel *m_planLabel;
    QLabel *m_warnings;
    QLabel *m_errors;
    QPushButton *m_create;
};

// "45 s", "12 min", "2.5 h".
QString durationText(double seconds);

} // namespace migician::ui
