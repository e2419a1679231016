#include "query_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

namespace migician::ui {

namespace {
const QString kRefStart = QStringLiteral("<|object_ref_start|>");
const QString kRefEnd = QStringLiteral("<|object_ref_end|>");
} // namespace

QueryPanel::QueryPanel(QWidget *parent)
    : QWidget(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_crop(new QToolButton(this))
    , m_chipArea(new QWidget(this))
    , m_chipLayout(new QHBoxLayout(m_chipArea))
    , m_chipHint(new QLabel(this))
    , m_run(new QPushButton(tr("&Run"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_notice(new QWidget(this))
    , m_noticeText(new QLabel(m_notice))
    , m_renumber(new QPushButton(tr("Update the query"), m_notice))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Query</b>"), this);
    layout->addWidget(title);

    m_editor->setObjectName(QStringLiteral("queryEditor"));
    m_editor->setPlaceholderText(
            tr("Ask about the images, e.g. \"Where is the red cup in Image-2?\""));
    m_editor->setTabChangesFocus(true);
    m_editor->setMinimumHeight(70);
    layout->addWidget(m_editor, 1);

    auto *notice = new QHBoxLayout(m_notice);
    notice->setContentsMargins(0, 0, 0, 0);
    m_notice->setObjectName(QStringLiteral("queryNotice"));
    m_noticeText->setWordWrap(true);
    m_noticeText->setStyleSheet(QStringLiteral("color: #e0a800;"));
    notice->addWidget(m_noticeText, 1);
    m_renumber->setObjectName(QStringLiteral("renumberButton"));
    m_renumber->setToolTip(tr("Rename the query's Image-k names to the images' new numbers"));
    connect(m_renumber, &QPushButton::clicked, this, &QueryPanel::renumberRequested);
    notice->addWidget(m_renumber);
    auto *dismiss = new QToolButton(m_notice);
    dismiss->setText(QStringLiteral("\u2715"));
    dismiss->setToolTip(tr("Dismiss"));
    connect(dismiss, &QToolButton::clicked, this, &QueryPanel::hideNotice);
    notice->addWidget(dismiss);
    m_notice->setVisible(false);
    layout->addWidget(m_notice);

    auto *tools = new QHBoxLayout;
    auto *mark = new QPushButton(tr("Mark phrase"), this);
    mark->setToolTip(tr("Wrap the selected words in <|object_ref_start|> ... <|object_ref_end|>"));
    connect(mark, &QPushButton::clicked, this, &QueryPanel::markSelectedPhrase);
    m_crop->setText(tr("Crop reference"));
    m_crop->setObjectName(QStringLiteral("cropTool"));
    m_crop->setCheckable(true);
    m_crop->setToolTip(
            tr("Drag a rectangle on any image: the crop becomes an extra input image (C)"));
    connect(m_crop, &QToolButton::toggled, this, &QueryPanel::cropToolToggled);
    auto *prompt = new QPushButton(tr("Show prompt"), this);
    connect(prompt, &QPushButton::clicked, this, &QueryPanel::showPromptRequested);
    tools->addWidget(mark);
    tools->addWidget(m_crop);
    tools->addWidget(prompt);
    tools->addStretch();
    layout->addLayout(tools);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_chipArea);
    scroll->setWidgetResizable(true);
    scroll->setFixedHeight(64);
    scroll->setFrameShape(QFrame::NoFrame);
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_chipHint->setText(tr("No visual reference. Use the crop tool to add one."));
    m_chipHint->setWordWrap(true);
    m_chipLayout->addWidget(m_chipHint);
    m_chipLayout->addStretch();
    layout->addWidget(scroll);

    auto *run = new QHBoxLayout;
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setDefault(true);
    m_run->setToolTip(tr("Run the query (Ctrl+Return)"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setEnabled(false);
    connect(m_run, &QPushButton::clicked, this, &QueryPanel::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &QueryPanel::cancelRequested);
    m_progress->setRange(0, 100);
    m_progress->setVisible(false);
    m_progress->setTextVisible(true);
    run->addWidget(m_run);
    run->addWidget(m_cancel);
    run->addWidget(m_progress, 1);
    layout->addLayout(run);
}

QString QueryPanel::query() const
{
    return m_editor->toPlainText();
}

void QueryPanel::setQuery(const QString &text)
{
    m_editor->setPlainText(text);
}

void QueryPanel::markSelectedPhrase()
{
    QTextCursor cursor = m_editor->textCursor();
    const QString selected = cursor.selectedText();
    cursor.beginEditBlock();
    cursor.insertText(kRefStart + selected + kRefEnd);
    if (selected.isEmpty()) // put the cursor between the tags so the phrase can be typed
        cursor.movePosition(QTextCursor::Left, QTextCursor::MoveAnchor, int(kRefEnd.size()));
    cursor.endEditBlock();
    m_editor->setTextCursor(cursor);
    m_editor->setFocus();
}

void QueryPanel::setChips(const QList<Chip> &chips)
{
    // Remove the old chips (everything but the hint and the stretch).
    while (m_chipLayout->count() > 2) {
        QLayoutItem *item = m_chipLayout->takeAt(1);
        delete item->widget();
        delete item;
    }
    m_chipCount = int(chips.size());
    m_chipHint->setVisible(chips.isEmpty());
    for (int i = 0; i < chips.size(); ++i) {
        auto *chip = new QToolButton(m_chipArea);
        chip->setObjectName(QStringLiteral("chip%1").arg(i));
        chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        chip->setIcon(QIcon(QPixmap::fromImage(
                chips[i].crop.scaled(48, 48, Qt::KeepAspectRatio, Qt::SmoothTransformation))));
        chip->setIconSize(QSize(48, 48));
        chip->setText(chips[i].name + QStringLiteral("  \u2715"));
        chip->setToolTip(
                tr("Visual reference %1: refer to it as \"%1\" in the query. Click to remove.")
                        .arg(chips[i].name));
        connect(chip, &QToolButton::clicked, this, [this, i] { Q_EMIT chipRemoved(i); });
        m_chipLayout->insertWidget(1 + i, chip);
    }
}

void QueryPanel::showNotice(const QString &text, bool offerRenumber)
{
    m_noticeText->setText(text);
    m_renumber->setVisible(offerRenumber);
    m_notice->setVisible(true);
}

void QueryPanel::hideNotice()
{
    m_notice->setVisible(false);
}

QString QueryPanel::notice() const
{
    return m_notice->isVisibleTo(this) ? m_noticeText->text() : QString();
}

void QueryPanel::setBusy(bool busy)
{
    m_run->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    if (!busy)
        m_progress->setVisible(false);
}

void QueryPanel::setLoadProgress(double fraction, const QString &what)
{
    m_progress->setVisible(fraction < 1.0);
    m_progress->setValue(int(fraction * 100));
    m_progress->setFormat(what.isEmpty() ? QStringLiteral("%p%") : what + QStringLiteral(" %p%"));
}

} // namespace migician::ui
