#include "image_warning_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace migician::ui {

ImageWarningBar::ImageWarningBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_accept(new QPushButton(tr("Use the files as they are"), this))
{
    setObjectName(QStringLiteral("imageWarning"));
    setStyleSheet(QStringLiteral("#imageWarning { background: #5c4a00; border: 1px solid #c9a400; }"
                                 " QLabel { color: #fff3c4; }"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    m_accept->setToolTip(tr("Record the changed files' current content as the project's images"));
    layout->addWidget(m_accept);
    connect(m_accept, &QPushButton::clicked, this, &ImageWarningBar::acceptRequested);
    setVisible(false);
}

void ImageWarningBar::setProblems(const QList<annotate::ImageFileCheck> &problems,
                                  const QList<qint64> &caseImageIds)
{
    QStringList lines;
    bool changed = false;
    for (const annotate::ImageFileCheck &p : problems) {
        const int image = int(caseImageIds.indexOf(p.stored.imageId)) + 1;
        if (p.state == annotate::ImageFileState::Missing) {
            lines << tr("Image-%1 (%2) is missing: the file was moved, renamed or deleted.")
                             .arg(image)
                             .arg(p.stored.path);
        } else {
            changed = true;
            lines << tr("Image-%1 (%2) changed on disk since it was added to the project (its "
                        "content differs): boxes may no longer fit.")
                             .arg(image)
                             .arg(p.stored.path);
        }
    }
    m_text->setText(lines.join(QLatin1Char('\n')));
    m_accept->setVisible(changed);
    setVisible(!lines.isEmpty());
}

QString ImageWarningBar::text() const
{
    return isVisible() ? m_text->text() : QString();
}

} // namespace migician::ui
