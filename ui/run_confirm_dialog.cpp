#include "run_confirm_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace migician::ui {

RunConfirmDialog::RunConfirmDialog(const Offer &offer, QWidget *parent)
    : QDialog(parent)
    , m_threshold(new QDoubleSpinBox(this))
{
    setObjectName(QStringLiteral("runConfirmDialog"));
    const model::RunEstimate &e = offer.estimate.estimate;
    const bool fits = offer.estimate.fits();
    const bool slow = e.time.totalSeconds() > offer.thresholdSeconds;
    setWindowTitle(!fits ? tr("This run may not fit in memory") : tr("This run may take long"));

    auto *layout = new QVBoxLayout(this);
    QStringList why;
    if (!fits)
        why << tr("It needs about %1 more memory, and %2 is free.")
                        .arg(RunEstimateService::formatBytes(
                                     e.additionalBytes(offer.estimate.residentNow)),
                             RunEstimateService::formatBytes(e.availableBytes));
    if (slow)
        why << tr("It is estimated to take %1, more than the %2 you allow without asking.")
                        .arg(RunEstimateService::formatSeconds(e.time.totalSeconds()),
                             RunEstimateService::formatSeconds(offer.thresholdSeconds));
    if (!e.time.calibrated)
        why << tr("No run has been measured on this machine yet: the time is a rough estimate "
                  "from the token counts (Measure speed makes it exact).");
    auto *reason = new QLabel(why.join(QLatin1Char(' ')), this);
    reason->setWordWrap(true);
    layout->addWidget(reason);
    auto *details = new QLabel(RunEstimateService::details(offer.estimate), this);
    details->setObjectName(QStringLiteral("estimateDetails"));
    details->setWordWrap(true);
    details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(details);

    auto *buttons = new QDialogButtonBox(this);
    if (offer.lowerMaxPixels && offer.lowerEstimate) {
        const model::RunEstimate &lower = offer.lowerEstimate->estimate;
        auto *lowerButton = buttons->addButton(
                tr("Use max %1 x 28x28 px per image (%2 tokens, ~%3)")
                        .arg(*offer.lowerMaxPixels / 784)
                        .arg(lower.promptTokens)
                        .arg(RunEstimateService::formatSeconds(lower.time.totalSeconds())),
                QDialogButtonBox::AcceptRole);
        lowerButton->setObjectName(QStringLiteral("lowerPixels"));
        lowerButton->setToolTip(tr("Changes the pixel limit in the settings and runs; fewer "
                                   "image tokens, coarser images"));
        connect(lowerButton, &QPushButton::clicked, this, [this] { choose(Choice::LowerPixels); });
    } else {
        auto *none = new QLabel(tr("No pixel limit brings this run under the threshold."), this);
        none->setObjectName(QStringLiteral("noLowerPixels"));
        layout->addWidget(none);
    }
    if (!offer.remoteEndpoint.isEmpty()) {
        auto *remote = buttons->addButton(tr("Run on %1").arg(offer.remoteEndpoint),
                                          QDialogButtonBox::AcceptRole);
        remote->setObjectName(QStringLiteral("useRemote"));
        connect(remote, &QPushButton::clicked, this, [this] { choose(Choice::UseRemote); });
    }
    auto *anyway = buttons->addButton(tr("Run anyway"), QDialogButtonBox::AcceptRole);
    anyway->setObjectName(QStringLiteral("runAnyway"));
    connect(anyway, &QPushButton::clicked, this, [this] { choose(Choice::RunAnyway); });
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelRun"));
    cancel->setDefault(true);
    connect(cancel, &QPushButton::clicked, this, [this] { choose(Choice::Cancel); });

    auto *form = new QFormLayout;
    m_threshold->setObjectName(QStringLiteral("confirmThreshold"));
    m_threshold->setRange(1, 24 * 3600);
    m_threshold->setDecimals(0);
    m_threshold->setSuffix(tr(" s"));
    m_threshold->setValue(std::max(1.0, offer.thresholdSeconds));
    form->addRow(tr("Ask before runs longer than:"), m_threshold);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

double RunConfirmDialog::thresholdSeconds() const
{
    return m_threshold->value();
}

void RunConfirmDialog::choose(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::Cancel)
        reject();
    else
        accept();
}

} // namespace migician::ui
