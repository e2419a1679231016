// The review queue: the cases of the open project where a model's prediction disagrees with the
// ground truth (or with the human annotation), filtered by task, run and IoU range, lowest IoU
// first. Stepping through it (Next / Previous, the N and P keys, or the arrow keys in the list)
// asks the workbench to show the case in its canvas, where it is corrected with the usual
// editing tools; "Correct the model's box" puts the prediction on the canvas as a model box, so
// that moving it records a correction through the store.
// GUI thread only; the store belongs to the workbench (not owned).
#pragma once

#include "annotate/review_queue.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace migician::ui {

class ReviewQueueWindow : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewQueueWindow(QWidget *parent = nullptr);

    // Fills the task and run choosers and refreshes; nullptr empties the queue.
    void setStore(annotate::ProjectStore *store);

    const QList<annotate::ReviewItem> &items() const { return m_items; }
    int currentIndex() const { return m_current; }
    QString errorText() const;

    // For tests and screenshots.
    QComboBox *taskCombo() const { return m_task; }
    QComboBox *runCombo() const { return m_run; }
    QComboBox *referenceCombo() const { return m_reference; }
    QDoubleSpinBox *minIouSpin() const { return m_minIou; }
    QDoubleSpinBox *maxIouSpin() const { return m_maxIou; }
    QTableWidget *table() const { return m_table; }

public Q_SLOTS:
    void refresh();
    void next();
    void previous();
    void setCurrentIndex(int index);
    void correctModelBox();

Q_SIGNALS:
    // The workbench shows the case (and keeps its own undo stack and store as usual).
    void caseRequested(qint64 caseId);
    // The workbench adds the prediction's boxes to the shown case as model boxes.
    void modelBoxesRequested(qint64 caseId, qint64 predictionId,
                             const QList<migician::annotate::PredictedBox> &boxes);

private:
    void fillChoosers();
    void showDetails();

    annotate::ProjectStore *m_store = nullptr;
    QList<annotate::ReviewItem> m_items;
    int m_current = -1;

    QComboBox *m_task;
    QComboBox *m_run;
    QComboBox *m_reference;
    QDoubleSpinBox *m_minIou;
    QDoubleSpinBox *m_maxIou;
    QTableWidget *m_table;
    QLabel *m_count;
    QLabel *m_details;
    QLabel *m_error;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_correct;
};

} // namespace migician::ui
