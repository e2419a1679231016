// Asked before a run that is estimated to take longer than the user's threshold or not to fit in
// memory: says why (the estimate's numbers) and offers the fixes: the same query with a lower
// pixel limit (with the token count and time that gives), the remote endpoint when one is
// configured, running anyway, or not running. The threshold itself is edited here too (it is
// where the user meets it). The owner acts on choice().
#pragma once

#include "ui/run_estimate_service.h"

#include <QDialog>

class QDoubleSpinBox;

namespace migician::ui {

class RunConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Cancel, RunAnyway, LowerPixels, UseRemote };

    struct Offer
    {
        RunEstimateResult estimate;
        double thresholdSeconds = 60;
        std::optional<qint64> lowerMaxPixels;           // a limit that fits, if any
        std::optional<RunEstimateResult> lowerEstimate; // the run with it
        QString remoteEndpoint;                         // empty: none configured
    };

    explicit RunConfirmDialog(const Offer &offer, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    double thresholdSeconds() const; // as edited here

private:
    void choose(Choice choice);

    Choice m_choice = Choice::Cancel;
    QDoubleSpinBox *m_threshold;
};

} // namespace migician::ui
