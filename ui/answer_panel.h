// The answer panel: which backend answered, the current stage, the text as it streams in, and,
// when the question needs the real model, a button to choose the checkpoint folder.
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace migician::ui {

class AnswerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AnswerPanel(QWidget *parent = nullptr);

    void clear();
    void setStage(const QString &stage);
    void setStreamedText(const QString &text);
    void showAnswer(const QString &backend, const QString &text, int boxes, qint64 latencyMs,
                    bool cancelled, bool needsWeights);
    void showError(const QString &message);
    QString text() const;
    QPushButton *chooseModelButton() const { return m_chooseModel; }

Q_SIGNALS:
    void chooseModelRequested();

private:
    QLabel *m_backend;
    QLabel *m_stage;
    QPlainTextEdit *m_text;
    QPushButton *m_chooseModel;
};

} // namespace migician::ui
