// Decodes thumbnails on a private thread pool. request() returns at once; loaded() arrives later
// on the loader's thread (the GUI thread) with the image as a value. Requests are answered newest
// first, so the rows the user is looking at now win over rows scrolled past.
// The destructor drops queued jobs and waits for the running ones.
#pragma once

#include <QImage>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QThreadPool>

namespace migician::ui {

class ThumbnailLoader : public QObject
{
    Q_OBJECT
public:
    explicit ThumbnailLoader(QSize size, QObject *parent = nullptr);
    ~ThumbnailLoader() override;

    QSize size() const { return m_size; }
    // Queues a decode of `path` unless one is already queued.
    void request(const QString &path);
    bool isPending(const QString &path) const { return m_pending.contains(path); }
    // Drops requests that have not started (e.g. after a new folder was opened).
    void clearQueue();

    static QImage load(const QString &path, QSize size);

Q_SIGNALS:
    void loaded(const QString &path, const QImage &thumbnail);

private:
    QSize m_size;
    QThreadPool m_pool;
    QSet<QString> m_pending;
    int m_priority = 0;
};

} // namespace migician::ui
