#include "thumbnail_loader.h"

#include <QImageReader>
#include <QMetaObject>
#include <QPointer>
#include <QRunnable>

namespace migician::ui {

ThumbnailLoader::ThumbnailLoader(QSize size, QObject *parent)
    : QObject(parent)
    , m_size(size)
{
    // Leave a core for the GUI and the inference worker.
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
}

ThumbnailLoader::~ThumbnailLoader()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QImage ThumbnailLoader::load(const QString &path, QSize size)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid()) // JPEG decodes straight to a small size: far faster than scaling after
        reader.setScaledSize(full.scaled(size, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (!image.isNull() && (image.width() > size.width() || image.height() > size.height()))
        image = image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

void ThumbnailLoader::request(const QString &path)
{
    if (m_pending.contains(path))
        return;
    m_pending.insert(path);
    QPointer<ThumbnailLoader> self(this);
    const QSize size = m_size;
    m_pool.start(
            [self, path, size] {
                const QImage image = load(path, size);
                if (!self)
                    return;
                QMetaObject::invokeMethod(
                        self.data(),
                        [self, path, image] {
                            if (!self)
                                return;
                            self->m_pending.remove(path);
                            Q_EMIT self->loaded(path, image);
                        },
                        Qt::QueuedConnection);
            },
            ++m_priority);
}

void ThumbnailLoader::clearQueue()
{
    m_pool.clear();
    m_pending.clear();
}

} // namespace migician::ui
