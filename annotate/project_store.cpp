#include "annotate/project_store.h"

#include "annotate/annotate_logging.h"
#include "annotate/image_path.h"
#include "annotate/store_schema.h"
#include "annotate/store_sql.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace migician::annotate {

namespace {

const QByteArray kSqliteMagic("SQLite format 3\0", 16);

QString hashFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

ImageInfo readImage(const QSqlQuery &q, int first)
{
    ImageInfo image;
    image.id = q.value(first).toLongLong();
    image.relativePath = q.value(first + 1).toString();
    image.contentHash = q.value(first + 2).toString();
    if (!q.value(first + 3).isNull())
        image.width = q.value(first + 3).toInt();
    if (!q.value(first + 4).isNull())
        image.height = q.value(first + 4).toInt();
    image.missing = q.value(first + 5).toBool();
    return image;
}

const char *const kImageColumns = "images.id, images.path, images.content_hash, images.width, "
                                  "images.height, images.missing";

} // namespace

ProjectStore::ProjectStore(QString fileName, QString connectionName)
    : m_fileName(std::move(fileName))
    , m_connectionName(std::move(connectionName))
{}

ProjectStore::~ProjectStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase ProjectStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::open(const QString &file, OpenMode mode)
{
    using R = Result<std::unique_ptr<ProjectStore>>;
    const QFileInfo info(file);
    const QString path = info.absoluteFilePath();
    if (info.exists() && info.isDir())
        return R::failure(QStringLiteral("%1: is a folder, not a project file").arg(path));
    if (mode == OpenMode::CreateNew && info.exists())
        return R::failure(QStringLiteral("%1: already exists").arg(path));
    if (mode == OpenMode::OpenExisting && !info.exists())
        return R::failure(QStringLiteral("%1: no such project file").arg(path));
    if (!info.exists() && !info.dir().exists())
        return R::failure(QStringLiteral("%1: the folder does not exist").arg(path));
    const bool empty = !info.exists() || info.size() == 0;
    if (!empty) {
        // Check the header before SQLite touches the file: opening a foreign file must not
        // change it.
        QFile probe(path);
        if (!probe.open(QIODevice::ReadOnly))
            return R::failure(QStringLiteral("%1: cannot read: %2").arg(path, probe.errorString()));
        if (probe.read(16) != kSqliteMagic)
            return R::failure(QStringLiteral("%1: not a Migician project (not an SQLite database)")
                                      .arg(path));
    }

    static std::atomic<quint64> counter{0};
    const QString name = QStringLiteral("migician-project-%1").arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            const QString why = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return R::failure(QStringLiteral("%1: cannot open: %2").arg(path, why));
        }
    }
    std::unique_ptr<ProjectStore> store(new ProjectStore(path, name));
    if (Status status = store->initialise(empty); !status)
        return status;
    return R(std::move(store));
}

Status ProjectStore::initialise(bool created)
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    // Read-only checks first, so a file we refuse is left exactly as it was.
    if (Status s = sql::run(q, m_fileName, QStringLiteral("reading the schema version"),
                            QStringLiteral("PRAGMA user_version"));
        !s)
        return s;
    const int version = q.next() ? q.value(0).toInt() : 0;
    if (version > kSchemaVersion)
        return Status::failure(
                QStringLiteral("%1: written by a newer Migician (schema version %2; this build "
                               "reads up to %3); the file was not changed")
                        .arg(m_fileName)
                        .arg(version)
                        .arg(kSchemaVersion));
    if (version == 0 && !created) {
        if (Status s = sql::run(q, m_fileName, QStringLiteral("reading the tables"),
                                QStringLiteral("SELECT count(*) FROM sqlite_master"));
            !s)
            return s;
        if (q.next() && q.value(0).toInt() > 0)
            return Status::failure(
                    QStringLiteral("%1: an SQLite database but not a Migician project (no schema "
                                   "version); the file was not changed")
                            .arg(m_fileName));
    }
    q.finish();

    // WAL: a commit appends to the -wal file and is complete once write() returned, so a
    // killed process (SIGKILL) never loses or tears a committed transaction; the next opener
    // replays or discards the log. synchronous=FULL additionally fsyncs the WAL at every commit,
    // so a returned write also survives power loss or an OS crash (NORMAL would already be
    // enough against process kills, and is what a crash test of the process can observe). A
    // human correction is one small transaction, so the fsync costs little.
    const QStringList pragmas{QStringLiteral("PRAGMA journal_mode=WAL"),
                              QStringLiteral("PRAGMA synchronous=FULL"),
                              QStringLiteral("PRAGMA foreign_keys=ON")};
    for (const QString &pragma : pragmas) {
        if (Status s = sql::run(q, m_fileName, pragma, pragma); !s)
            return s;
        if (pragma.contains(QLatin1String("journal_mode")) && q.next()
            && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return Status::failure(
                    QStringLiteral("%1: cannot switch to WAL journal mode").arg(m_fileName));
        q.finish();
    }
    if (version < kSchemaVersion)
        return migrate(version);
    return {};
}

Status ProjectStore::migrate(int fromVersion)
{
    const auto &migrations = schemaMigrations();
    return transaction([&]() -> Status {
        QSqlQuery q(database());
        for (int v = fromVersion; v < int(migrations.size()); ++v) {
            for (const QString &statement : migrations[std::size_t(v)])
                if (Status s = sql::run(q, m_fileName,
                                        QStringLiteral("schema migration to version %1").arg(v + 1),
                                        statement);
                    !s)
                    return s;
        }
        if (fromVersion == 0)
            if (Status s = sql::run(q, m_fileName, QStringLiteral("writing the images root"),
                                    QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"),
                                    {QStringLiteral("images_root"), QStringLiteral(".")});
                !s)
                return s;
        // user_version lives in the database header, so it changes in the same transaction.
        return sql::run(q, m_fileName, QStringLiteral("writing the schema version"),
                        QStringLiteral("PRAGMA user_version = %1").arg(int(migrations.size())));
    });
}

Status ProjectStore::transaction(const std::function<Status()> &work)
{
    if (m_transactionDepth > 0)
        return work(); // joins the outermost one; an exception unwinds to it
    QSqlDatabase db = database();
    QSqlQuery q(db);
    // IMMEDIATE takes the write lock up front, so a second writer waits (busy timeout) instead
    // of failing halfway through.
    if (Status s = sql::run(q, m_fileName, QStringLiteral("starting a transaction"),
                            QStringLiteral("BEGIN IMMEDIATE"));
        !s)
        return s;
    // Until COMMIT succeeds, leaving this scope (a failed Status, or an exception out of `work`)
    // rolls everything back and restores the depth: the connection is never left inside a
    // transaction nobody will finish, and later writes commit normally.
    struct Scope
    {
        ProjectStore &store;
        bool committed = false;
        explicit Scope(ProjectStore &s)
            : store(s)
        {
            ++store.m_transactionDepth;
        }
        ~Scope()
        {
            --store.m_transactionDepth;
            if (committed)
                return;
            QSqlQuery rollback(store.database());
            if (!rollback.exec(QStringLiteral("ROLLBACK")))
                qCWarning(lcStore)
                        << store.m_fileName << "rollback failed:" << rollback.lastError().text();
        }
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;
    } scope(*this);
    const Status status = work();
    if (!status)
        return status;
    if (Status s = sql::run(q, m_fileName, QStringLiteral("committing"), QStringLiteral("COMMIT"));
        !s)
        return s;
    scope.committed = true;
    return {};
}

Result<QString> ProjectStore::imagesRoot() const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("reading the images root"),
                            QStringLiteral("SELECT value FROM meta WHERE key = 'images_root'"));
        !s)
        return s;
    const QString stored = q.next() ? q.value(0).toString() : QStringLiteral(".");
    return QDir::cleanPath(QFileInfo(m_fileName).dir().absoluteFilePath(stored));
}

Status ProjectStore::setImagesRoot(const QString &folder)
{
    if (!QFileInfo(folder).isDir())
        return Status::failure(QStringLiteral("%1: images root is not a folder").arg(folder));
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    return transaction([&] {
        QSqlQuery q(database());
        return sql::run(q, m_fileName, QStringLiteral("writing the images root"),
                        QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"),
                        {QStringLiteral("images_root"), absolute});
    });
}

// ---------------------------------------------------------------- images

Result<qint64> ProjectStore::addImage(const NewImage &image)
{
    const Result<QString> root = imagesRoot();
    if (!root)
        return root.status();
    const Result<QString> relative = imagePathInsideRoot(*root, image.relativePath);
    if (!relative)
        return Result<qint64>::failure(QStringLiteral("%1: %2").arg(m_fileName, relative.error()));
    if ((image.width && *image.width <= 0) || (image.height && *image.height <= 0))
        return Result<qint64>::failure(QStringLiteral("%1: image '%2' has a non-positive size")
                                               .arg(m_fileName, *relative));
    qint64 id = 0;
    const Status status = transaction([&]() -> Status {
        QSqlQuery q(database());
        if (Status s
            = sql::run(q, m_fileName, QStringLiteral("looking up an image"),
                       QStringLiteral("SELECT id FROM images WHERE path = ?"), {*relative});
            !s)
            return s;
        if (q.next()) {
            id = q.value(0).toLongLong();
            if (!image.width || !image.height)
                return {};
            return sql::run(q, m_fileName, QStringLiteral("storing an image size"),
                            QStringLiteral("UPDATE images SET width = ?, height = ? WHERE id = ?"
                                           " AND width IS NULL"),
                            {*image.width, *image.height, id});
        }
        const QString full = QDir(*root).filePath(*relative);
        const bool exists = QFileInfo(full).isFile();
        QString hash = image.contentHash;
        if (hash.isEmpty() && exists)
            hash = hashFile(full);
        if (Status s
            = sql::run(q, m_fileName, QStringLiteral("adding an image"),
                       QStringLiteral("INSERT INTO images(path, content_hash, width, "
                                      "height, missing) VALUES(?, ?, ?, ?, ?)"),
                       {*relative, hash.isEmpty() ? QVariant() : QVariant(hash),
                        sql::nullable(image.width), sql::nullable(image.height), exists ? 0 : 1});
            !s)
            return s;
        id = q.lastInsertId().toLongLong();
        return {};
    });
    if (!status)
        return status;
    return id;
}

Result<ImageFolderReport> ProjectStore::importImageFolder(const QString &folder,
                                                          const QString &setName)
{
    using R = Result<ImageFolderReport>;
    const Result<QString> root = imagesRoot();
    if (!root)
        return root.status();
    const QFileInfo folderInfo(folder);
    if (!folderInfo.isDir())
        return R::failure(QStringLiteral("%1: not a folder").arg(folder));
    const QString canonicalRoot = QFileInfo(*root).canonicalFilePath();
    const QString canonicalFolder = folderInfo.canonicalFilePath();
    if (canonicalFolder != canonicalRoot
        && !canonicalFolder.startsWith(canonicalRoot + QLatin1Char('/')))
        return R::failure(QStringLiteral("%1: outside the images root %2 of %3")
                                  .arg(folder, *root, m_fileName));
    static const QStringList kFormats{QStringLiteral("png"),  QStringLiteral("jpg"),
                                      QStringLiteral("jpeg"), QStringLiteral("bmp"),
                                      QStringLiteral("gif"),  QStringLiteral("webp"),
                                      QStringLiteral("tif"),  QStringLiteral("tiff")};
    QStringList files;
    ImageFolderReport report;
    QDirIterator it(canonicalFolder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (kFormats.contains(QFileInfo(file).suffix().toLower()))
            files << file;
        else
            report.skipped << file;
    }
    files.sort();
    report.skipped.sort();
    const QDir rootDir(canonicalRoot);
    const Status status = transaction([&]() -> Status {
        QSqlQuery q(database());
        if (Status s
            = sql::run(q, m_fileName, QStringLiteral("adding an image set"),
                       QStringLiteral("INSERT INTO image_sets(name, folder, created) "
                                      "VALUES(?, ?, ?)"),
                       {setName, rootDir.relativeFilePath(canonicalFolder), sql::nowUtc()});
            !s)
            return s;
        report.imageSetId = q.lastInsertId().toLongLong();
        for (const QString &file : files) {
            const QString relative = rootDir.relativeFilePath(file);
            if (Status s
                = sql::run(q, m_fileName, QStringLiteral("looking up an image"),
                           QStringLiteral("SELECT id FROM images WHERE path = ?"), {relative});
                !s)
                return s;
            qint64 id = 0;
            if (q.next()) {
                id = q.value(0).toLongLong();
                ++report.reused;
            } else {
                const Result<qint64> added = addImage(NewImage{relative, {}, {}, {}});
                if (!added)
                    return added.status();
                id = *added;
                ++report.added;
            }
            if (Status s = sql::run(q, m_fileName, QStringLiteral("adding an image to a set"),
                                    QStringLiteral("INSERT OR IGNORE INTO image_set_members("
                                                   "image_set_id, image_id) VALUES(?, ?)"),
                                    {report.imageSetId, id});
                !s)
                return s;
        }
        return {};
    });
    if (!status)
        return status;
    return report;
}

Result<QList<ImageInfo>> ProjectStore::listImages(qint64 imageSetId) const
{
    QSqlQuery q(database());
    const QString select
            = QStringLiteral("SELECT %1 FROM images").arg(QLatin1String(kImageColumns));
    const Status s = imageSetId > 0 ? sql::run(
                             q, m_fileName, QStringLiteral("listing images"),
                             select
                                     + QStringLiteral(" JOIN image_set_members m ON m.image_id = "
                                                      "images.id WHERE m.image_set_id = ? ORDER BY "
                                                      "images.path"),
                             {imageSetId})
                                    : sql::run(q, m_fileName, QStringLiteral("listing images"),
                                               select + QStringLiteral(" ORDER BY images.path"));
    if (!s)
        return s;
    QList<ImageInfo> images;
    while (q.next())
        images << readImage(q, 0);
    return images;
}

Result<ImageInfo> ProjectStore::image(qint64 imageId) const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("reading an image"),
                            QStringLiteral("SELECT %1 FROM images WHERE id = ?")
                                    .arg(QLatin1String(kImageColumns)),
                            {imageId});
        !s)
        return s;
    if (!q.next())
        return Result<ImageInfo>::failure(
                QStringLiteral("%1: no image with id %2").arg(m_fileName).arg(imageId));
    return readImage(q, 0);
}

Status ProjectStore::setImageSize(qint64 imageId, int width, int height)
{
    if (width <= 0 || height <= 0)
        return Status::failure(QStringLiteral("%1: image %2: size %3x%4 is not positive")
                                       .arg(m_fileName)
                                       .arg(imageId)
                                       .arg(width)
                                       .arg(height));
    return transaction([&]() -> Status {
        QSqlQuery q(database());
        if (Status s
            = sql::run(q, m_fileName, QStringLiteral("storing an image size"),
                       QStringLiteral("UPDATE images SET width = ?, height = ? WHERE id = ?"),
                       {width, height, imageId});
            !s)
            return s;
        if (q.numRowsAffected() != 1)
            return Status::failure(
                    QStringLiteral("%1: no image with id %2").arg(m_fileName).arg(imageId));
        return {};
    });
}

// ---------------------------------------------------------------- annotators

Result<qint64> ProjectStore::ensureAnnotator(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Result<qint64>::failure(QStringLiteral("%1: empty annotator name").arg(m_fileName));
    qint64 id = 0;
    const Status status = transaction([&]() -> Status {
        QSqlQuery q(database());
        if (Status s = sql::run(q, m_fileName, QStringLiteral("adding an annotator"),
                                QStringLiteral("INSERT OR IGNORE INTO annotators(name, created) "
                                               "VALUES(?, ?)"),
                                {name, sql::nowUtc()});
            !s)
            return s;
        if (Status s = sql::run(q, m_fileName, QStringLiteral("looking up an annotator"),
                                QStringLiteral("SELECT id FROM annotators WHERE name = ?"), {name});
            !s)
            return s;
        if (!q.next())
            return Status::failure(
                    QStringLiteral("%1: annotator '%2' vanished").arg(m_fileName, name));
        id = q.value(0).toLongLong();
        return {};
    });
    if (!status)
        return status;
    return id;
}

} // namespace migician::annotate
