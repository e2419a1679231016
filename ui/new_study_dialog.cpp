#include "ui/new_study_dialog.h"

#include "annotate/migbench_tasks.h"
#include "annotate/review_queue.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTextDocument>
#include <QVBoxLayout>

namespace migician::ui {

using namespace migician::annotate;

QString durationText(double seconds)
{
    if (seconds < 90)
        return QObject::tr("%1 s").arg(std::max(1, int(std::lround(seconds))));
    if (seconds < 90 * 60)
        return QObject::tr("%1 min").arg(int(std::lround(seconds / 60)));
    return QObject::tr("%1 h").arg(seconds / 3600, 0, 'f', 1);
}

NewStudyDialog::NewStudyDialog(ProjectStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_name(new QLineEdit(this))
    , m_perTask(new QSpinBox(this))
    , m_tasks(new QListWidget(this))
    , m_seed(new QSpinBox(this))
    , m_blind(new QRadioButton(tr("Blind: no model boxes"), this))
    , m_assisted(new QRadioButton(tr("Assisted: the boxes of a run as suggestions"), this))
    , m_run(new QComboBox(this))
    , m_annotators(new QLineEdit(this))
    , m_overlap(new QSpinBox(this))
    , m_planLabel(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_errors(new QLabel(this))
    , m_create(nullptr)
{
    setWindowTitle(tr("New study"));
    m_name->setPlaceholderText(tr("e.g. human baseline, spring"));
    m_perTask->setRange(1, 100000);
    m_perTask->setValue(10);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The same seed draws the same cases and the same order."));
    m_tasks->setMaximumHeight(190);
    m_blind->setChecked(true);
    auto *condition = new QButtonGroup(this);
    condition->addButton(m_blind);
    condition->addButton(m_assisted);
    m_annotators->setPlaceholderText(tr("names separated by commas; empty = anyone who starts"));
    m_overlap->setRange(1, 1);
    m_overlap->setToolTip(tr("How many annotators see each case; 2 or more measures agreement."));
    m_planLabel->setWordWrap(true);
    m_planLabel->setObjectName(QStringLiteral("studyPlan"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #8a5a00"));
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(QStringLiteral("color: #b00020"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Cases per task:"), m_perTask);
    form->addRow(tr("Tasks:"), m_tasks);
    form->addRow(tr("Seed:"), m_seed);
    auto *conditionBox = new QVBoxLayout;
    conditionBox->addWidget(m_blind);
    auto *assistedRow = new QHBoxLayout;
    assistedRow->addWidget(m_assisted);
    assistedRow->addWidget(m_run, 1);
    conditionBox->addLayout(assistedRow);
    form->addRow(tr("Condition:"), conditionBox);
    form->addRow(tr("Annotators:"), m_annotators);
    form->addRow(tr("Annotators per case:"), m_overlap);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Create study"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewStudyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewStudyDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_planLabel);
    layout->addWidget(m_warnings);
    layout->addWidget(m_errors);
    layout->addWidget(buttons);

    fillChoices();
    connect(m_name, &QLineEdit::textChanged, this, &NewStudyDialog::updatePlan);
    connect(m_perTask, &QSpinBox::valueChanged, this, &NewStudyDialog::updatePlan);
    connect(m_seed, &QSpinBox::valueChanged, this, &NewStudyDialog::updatePlan);
    connect(m_tasks, &QListWidget::itemChanged, this, &NewStudyDialog::updatePlan);
    connect(m_blind, &QRadioButton::toggled, this, &NewStudyDialog::updatePlan);
    connect(m_run, &QComboBox::currentIndexChanged, this, &NewStudyDialog::updatePlan);
    connect(m_annotators, &QLineEdit::textChanged, this, &NewStudyDialog::updatePlan);
    connect(m_overlap, &QSpinBox::valueChanged, this, &NewStudyDialog::updatePlan);
    updatePlan();
}

void NewStudyDialog::fillChoices()
{
    const auto counts = casesWithGroundTruth(m_store);
    if (counts) {
        for (const QString &task : table1Order(counts->keys())) {
            auto *item = new QListWidgetItem(tr("%1 (%2): %3 cases with ground truth")
                                                     .arg(table1Column(task), task)
                                                     .arg(counts->value(task)),
                                             m_tasks);
            item->setData(Qt::UserRole, task);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    const auto runs = runsWithCasePredictions(m_store);
    if (runs)
        for (const RunInfo &run : *runs)
            m_run->addItem(tr("#%1 %2, %3")
                                   .arg(run.id)
                                   .arg(run.backend, run.started.toLocalTime().toString(
                                                             QStringLiteral("yyyy-MM-dd hh:mm"))),
                           run.id);
    if (m_run->count() == 0)
        m_run->addItem(tr("(no run with predictions in this project)"), qint64(0));
}

StudySpec NewStudyDialog::spec() const
{
    StudySpec spec;
    spec.name = m_name->text().trimmed();
    spec.casesPerTask = m_perTask->value();
    for (int i = 0; i < m_tasks->count(); ++i)
        if (m_tasks->item(i)->checkState() == Qt::Checked)
            spec.tasks << m_tasks->item(i)->data(Qt::UserRole).toString();
    spec.seed = quint64(m_seed->value());
    spec.condition = m_assisted->isChecked() ? StudyCondition::Assisted : StudyCondition::Blind;
    spec.runId = spec.condition == StudyCondition::Assisted ? m_run->currentData().toLongLong() : 0;
    for (const QString &name : m_annotators->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            spec.annotators << name.trimmed();
    spec.overlap = m_overlap->value();
    return spec;
}

void NewStudyDialog::updatePlan()
{
    // The overlap can be at most the number of annotators; an open study has none.
    const QStringList annotators = spec().annotators;
    {
        const QSignalBlocker block(m_overlap);
        m_overlap->setRange(1, std::max<int>(1, int(annotators.size())));
        m_overlap->setEnabled(annotators.size() > 1);
    }
    m_run->setEnabled(m_assisted->isChecked());
    const StudySpec s = spec();
    m_plan = StudyPlan();
    if (s.tasks.isEmpty()) { // planStudy() would take "no task" as "every task"
        m_plan.errors << tr("Tick at least one task.");
    } else if (const auto planned = planStudy(m_store, s)) {
        m_plan = *planned;
    } else {
        m_plan.errors << planned.error();
    }

    const int total = int(m_plan.cases().size());
    QString text = tr("%1 cases: %2 per task over %3 task(s).")
                           .arg(total)
                           .arg(m_perTask->value())
                           .arg(m_plan.tasks.size());
    auto estimate = [&](const QString &key) {
        return m_plan.estimatedSeconds.contains(key)
                       ? tr(", about %1").arg(durationText(m_plan.estimatedSeconds.value(key)))
                       : QString();
    };
    if (m_plan.casesByAnnotator.isEmpty()) {
        text += QLatin1Char(' ')
                + tr("Open study: every annotator who starts gets all %1 cases%2.")
                          .arg(total)
                          .arg(estimate(QString()));
    } else {
        QStringList loads;
        for (const QString &name : annotators)
            if (m_plan.casesByAnnotator.contains(name))
                loads << tr("%1: %2 cases%3")
                                 .arg(name)
                                 .arg(m_plan.casesByAnnotator.value(name).size())
                                 .arg(estimate(name));
        text += QLatin1Char(' ')
                + tr("Cases per annotator (each case seen by %1): %2.")
                          .arg(m_overlap->value())
                          .arg(loads.join(QStringLiteral("; ")));
    }
    text += QLatin1Char(' ');
    text += m_plan.pilot.responses > 0
                    ? tr("Time estimated from the pilot timings: median %1 s per case over %2 "
                         "earlier responses in this project.")
                              .arg(m_plan.pilot.medianSeconds, 0, 'f', 1)
                              .arg(m_plan.pilot.responses)
                    : tr("No pilot timings yet: run a small pilot study first for a time "
                         "estimate.");
    m_planLabel->setText(text);
    m_warnings->setText(m_plan.warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!m_plan.warnings.isEmpty());
    m_errors->setText(m_plan.errors.join(QLatin1Char('\n')));
    m_errors->setVisible(!m_plan.errors.isEmpty());
    m_create->setEnabled(m_plan.ok());
}

QString NewStudyDialog::planText() const
{
    return m_planLabel->text();
}

QString NewStudyDialog::errorText() const
{
    return m_errors->text();
}

void NewStudyDialog::accept()
{
    updatePlan();
    if (!m_plan.ok())
        return;
    const auto created = createStudy(m_store, spec());
    if (!created) {
        m_errors->setText(created.error());
        m_errors->setVisible(true);
        return;
    }
    m_created = *created;
    QDialog::accept();
}

} // namespace migician::ui
