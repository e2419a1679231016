// The bar above the canvas that says which images of the open case are not the files the
// project recorded: missing (moved, renamed or deleted) or changed on disk (content hash
// differs, so boxes may no longer fit). "Use the files as they are" accepts changed files.
#pragma once

#include "annotate/image_file_check.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace migician::ui {

class ImageWarningBar : public QFrame
{
    Q_OBJECT
public:
    explicit ImageWarningBar(QWidget *parent = nullptr);

    // Shows the problems (by 1-based image of the case); hides itself when there are none.
    void setProblems(const QList<annotate::ImageFileCheck> &problems,
                     const QList<qint64> &caseImageIds);
    QString text() const;
    QPushButton *acceptButton() const { return m_accept; }

Q_SIGNALS:
    void acceptRequested();

private:
    QLabel *m_text;
    QPushButton *m_accept;
};

} // namespace migician::ui
