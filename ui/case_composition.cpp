#include "case_composition.h"

#include "annotate/case_composer.h"
#include "ui/case_image_commands.h"
#include "ui/case_list_model.h"
#include "ui/case_session.h"
#include "ui/image_decoder.h"
#include "ui/image_files.h"
#include "ui/workbench_controller.h"

#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QMimeData>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace migician::ui {

CaseComposition::CaseComposition(WorkbenchController *controller)
    : QObject(controller)
    , m_controller(controller)
{}

CaseComposition::~CaseComposition()
{
    if (m_reading) { // the pool finishes the file in hand; nothing is stored
        m_reading->cancel();
        m_reading->waitForFinished();
    }
}

void CaseComposition::cancelReading()
{
    if (m_reading)
        m_reading->cancel();
}

annotate::ProjectStore *CaseComposition::openStore(QString *error) const
{
    annotate::ProjectStore *store = m_controller->store();
    if (!store)
        *error = tr("Open a project or an image folder first.");
    return store;
}

int CaseComposition::caseBlockEnd() const
{
    const CaseListModel *cases = m_controller->cases();
    int row = 0;
    while (row < cases->rowCount() && cases->entry(row).relativePath.isEmpty())
        ++row;
    return row;
}

bool CaseComposition::createCase(const QStringList &files, QString *error)
{
    annotate::ProjectStore *store = openStore(error);
    if (!store)
        return false;
    if (files.isEmpty()) {
        *error = tr("No image files to make a case of.");
        return false;
    }
    if (files.size() <= kReadInBackgroundAbove)
        return storeCase(files, {}, error);
    if (m_reading) {
        *error = tr("Still reading the images of the last new case.");
        return false;
    }
    // Hashing and decoding dozens of photos takes seconds: on the thread pool, with progress.
    auto *watcher = new QFutureWatcher<ReadImage>(this);
    m_reading = watcher;
    connect(watcher, &QFutureWatcher<ReadImage>::progressValueChanged, this,
            [this, watcher](int done) {
                Q_EMIT readingProgress(done, watcher->progressMaximum());
            });
    const QString project = store->fileName();
    connect(watcher, &QFutureWatcher<ReadImage>::finished, this, [this, watcher, files, project] {
        m_reading = nullptr;
        watcher->deleteLater();
        if (watcher->isCanceled()) {
            Q_EMIT readingStopped(QString());
            return;
        }
        // Another project was opened meanwhile: the case belonged to the one it was made in.
        if (!m_controller->store() || m_controller->store()->fileName() != project) {
            Q_EMIT readingStopped(tr("%1 was closed before the new case's images were read; "
                                     "the case was not made.")
                                          .arg(project));
            return;
        }
        QHash<QString, ReadImage> read;
        for (const ReadImage &image : watcher->future().results())
            read.insert(image.file, image);
        QString error;
        if (!storeCase(files, read, &error))
            Q_EMIT readingStopped(error);
    });
    Q_EMIT readingStarted(int(files.size()));
    watcher->setFuture(QtConcurrent::mapped(files, [](const QString &file) {
        ReadImage read;
        read.file = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
        read.fingerprint = annotate::fingerprintFile(read.file, true);
        QString problem;
        if (const auto decoded = decodeImageFile(read.file, &problem))
            read.image = toQImage(*decoded);
        return read;
    }));
    return true;
}

bool CaseComposition::storeCase(const QStringList &files, const QHash<QString, ReadImage> &read,
                                QString *error)
{
    annotate::ProjectStore *store = openStore(error);
    if (!store)
        return false;
    annotate::NewComposedCase c;
    c.files = files;
    c.question = QStringLiteral("");
    annotate::CaseComposer composer(*store);
    QHash<QString, annotate::FileFingerprint> known;
    for (const ReadImage &image : read)
        if (image.fingerprint.size >= 0)
            known.insert(image.file, image.fingerprint);
    composer.setKnownFingerprints(known);
    const auto id
            = composer.createCase(c, annotate::EditContext{m_controller->session()->author(), 0});
    if (!id) {
        *error = id.error();
        return false;
    }
    if (!read.isEmpty())
        if (const auto stored = composer.imageFiles(id.value())) {
            QHash<qint64, QImage> decoded;
            for (const annotate::StoredImageFile &image : stored.value()) {
                const auto it = read.constFind(QDir::cleanPath(image.absolutePath));
                if (it != read.constEnd() && !it->image.isNull())
                    decoded.insert(image.imageId, it->image);
            }
            m_controller->session()->preloadDecoded(decoded);
        }
    const int row = caseBlockEnd();
    m_controller->cases()->insertEntry(row, m_controller->entryForCase(id.value()));
    Q_EMIT caseCreated(id.value());
    return m_controller->showCase(row, error);
}

bool CaseComposition::newCaseFromRows(QList<int> rows, bool fileOrder, QString *error)
{
    if (rows.isEmpty()) {
        *error = tr("Select the images (or cases) to make a case of first.");
        return false;
    }
    if (fileOrder)
        std::sort(rows.begin(), rows.end());
    annotate::ProjectStore *store = openStore(error);
    if (!store)
        return false;
    const CaseListModel *cases = m_controller->cases();
    QStringList files;
    for (int row : std::as_const(rows)) {
        if (row < 0 || row >= cases->rowCount())
            continue;
        const CaseEntry &entry = cases->entry(row);
        if (!entry.relativePath.isEmpty()) {
            files << QDir(m_controller->folder()).filePath(entry.relativePath);
            continue;
        }
        const auto images = annotate::CaseComposer(*store).imageFiles(entry.caseId);
        if (!images) {
            *error = images.error();
            return false;
        }
        for (const annotate::StoredImageFile &image : images.value())
            files << image.absolutePath;
    }
    files.removeDuplicates();
    return createCase(files, error);
}

bool CaseComposition::newCaseFromFiles(const QStringList &files, QString *error)
{
    return createCase(files, error);
}

bool CaseComposition::addFiles(const QStringList &files, QString *error)
{
    if (files.isEmpty()) {
        *error = tr("No image files to add.");
        return false;
    }
    CaseSession *session = m_controller->session();
    if (session->caseId() == 0)
        return createCase(files, error);
    // A folder's image stays a case of its own: adding to it makes a new case of it and the
    // added files.
    if (session->caseInfo().source.startsWith(QLatin1String("folder:"))) {
        QStringList all;
        if (auto images
            = annotate::CaseComposer(*m_controller->store()).imageFiles(session->caseId()))
            for (const annotate::StoredImageFile &image : images.value())
                all << image.absolutePath;
        return createCase(all + files, error);
    }
    m_controller->undoStack()->push(
            new AddImagesCommand(session, int(session->images().size()) + 1, files));
    return true;
}

bool CaseComposition::pasteImage(const QImage &image, QString *error)
{
    annotate::ProjectStore *store = openStore(error);
    if (!store)
        return false;
    if (image.isNull()) {
        *error = tr("The clipboard holds no image.");
        return false;
    }
    // The pasted pixels become a file of the project first: a case never holds an image that
    // exists only in memory.
    const QString folder = annotate::CaseComposer(*store).mediaFolder();
    if (!QDir().mkpath(folder)) {
        *error = tr("%1: cannot create the project's media folder").arg(folder);
        return false;
    }
    const QString file
            = QDir(folder).filePath(QStringLiteral("pasted-%1.png")
                                            .arg(QDateTime::currentDateTimeUtc().toString(
                                                    QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    if (!image.save(file, "PNG")) {
        *error = tr("%1: cannot write the pasted image").arg(file);
        return false;
    }
    return addFiles({file}, error);
}

bool CaseComposition::pasteFromClipboard(QString *error)
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (hasLocalFiles(mime)) {
        const QStringList files = imageFilesFromUrls(mime->urls());
        if (!files.isEmpty())
            return addFiles(files, error);
    }
    if (mime && mime->hasImage())
        return pasteImage(qvariant_cast<QImage>(mime->imageData()), error);
    *error = tr("The clipboard holds no image.");
    return false;
}

bool CaseComposition::moveImage(int from, int to, QString *error)
{
    CaseSession *session = m_controller->session();
    const int count = int(session->images().size());
    if (session->caseId() == 0 || from < 1 || from > count || to < 1 || to > count) {
        *error = tr("No image %1 to move to %2.").arg(from).arg(to);
        return false;
    }
    if (from != to)
        m_controller->undoStack()->push(new MoveImageCommand(session, from, to));
    return true;
}

bool CaseComposition::removeImage(int image, QString *error)
{
    CaseSession *session = m_controller->session();
    if (session->caseId() == 0 || image < 1 || image > session->images().size()) {
        *error = tr("No Image-%1 to remove.").arg(image);
        return false;
    }
    if (session->images().size() == 1) {
        *error = tr("A case keeps at least one image.");
        return false;
    }
    m_controller->undoStack()->push(new RemoveImageCommand(session, image));
    return true;
}

} // namespace migician::ui
