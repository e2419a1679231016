#include "answer_panel.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace migician::ui {

AnswerPanel::AnswerPanel(QWidget *parent)
    : QWidget(parent)
    , m_backend(new QLabel(this))
    , m_stage(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_chooseModel(new QPushButton(tr("Choose Migician checkpoint folder..."), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("<b>Answer</b>"), this));
    header->addStretch();
    m_stage->setObjectName(QStringLiteral("stageLabel"));
    header->addWidget(m_stage);
    layout->addLayout(header);
    m_backend->setWordWrap(true);
    // A splitter ignores a wrapped label's height-for-width: keep room for two lines (an endpoint
    // URL with its model name wraps) so the text is never cut.
    m_backend->setMinimumHeight(2 * m_backend->fontMetrics().lineSpacing() + 2);
    m_backend->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(m_backend);
    m_text->setObjectName(QStringLiteral("answerText"));
    m_text->setReadOnly(true);
    m_text->setPlaceholderText(tr("The answer appears here, token by token."));
    layout->addWidget(m_text, 1);
    m_chooseModel->setVisible(false);
    connect(m_chooseModel, &QPushButton::clicked, this, &AnswerPanel::chooseModelRequested);
    layout->addWidget(m_chooseModel);
}

void AnswerPanel::clear()
{
    m_backend->clear();
    m_stage->clear();
    m_text->clear();
    m_chooseModel->setVisible(false);
}

void AnswerPanel::setStage(const QString &stage)
{
    m_stage->setText(stage);
}

void AnswerPanel::setStreamedText(const QString &text)
{
    m_text->setPlainText(text);
    m_text->moveCursor(QTextCursor::End);
}

void AnswerPanel::showAnswer(const QString &backend, const QString &text, int boxes,
                             qint64 latencyMs, bool cancelled, bool needsWeights)
{
    m_backend->setText(
            tr("Answered by %1 in %2 ms, %n box(es)", nullptr, boxes).arg(backend).arg(latencyMs));
    m_stage->setText(cancelled ? tr("Cancelled") : tr("Done"));
    m_text->setPlainText(text);
    m_chooseModel->setVisible(needsWeights);
}

void AnswerPanel::showError(const QString &message)
{
    m_stage->setText(tr("Failed"));
    m_text->setPlainText(message);
}

QString AnswerPanel::text() const
{
    return m_text->toPlainText();
}

} // namespace migician::ui
