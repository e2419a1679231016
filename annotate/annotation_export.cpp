#include "annotate/annotation_export.h"

#include "annotate/migbench_scorer.h"
#include "annotate/store_sql.h"

#include <QDir>

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlQuery>

#include <cmath>
#include <memory>

namespace migician::annotate {

namespace {

struct ExportImage
{
    QString path;
    std::optional<int> width, height;
    qint64 id = 0;
};

struct ExportCase
{
    qint64 id = 0;
    QString source;
    int sourceIndex = -1;
    QString task;
    QString question;
    QString additionalInfo;
    bool needFormat = false;
    QList<ExportImage> images;
    std::optional<CurrentBox> box;
    QString label;
    qint64 runId = 0; // the run whose answer the label came from; 0 = none
    QString runQuery; // the query of that run (case history), when recorded
};

// Everything in four queries (not one per case): exporting 100,000 boxes stays fast.
Result<QList<ExportCase>> loadCases(const ProjectStore &store)
{
    const QString file = store.fileName();
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (Status s = sql::run(q, file, QStringLiteral("exporting cases"),
                            QStringLiteral("SELECT id, source, source_index, task, question, "
                                           "additional_info, need_format, gt_x1, gt_y1, gt_x2, "
                                           "gt_y2, gt_image FROM cases ORDER BY id"));
        !s)
        return s;
    QList<ExportCase> cases;
    QHash<qint64, int> row;
    while (q.next()) {
        ExportCase c;
        c.id = q.value(0).toLongLong();
        c.source = q.value(1).toString();
        c.sourceIndex = q.value(2).toInt();
        c.task = q.value(3).toString();
        c.question = q.value(4).toString();
        c.additionalInfo = q.value(5).toString();
        c.needFormat = q.value(6).toBool();
        c.label = c.task;
        if (!q.value(7).isNull()) {
            CurrentBox box;
            box.origin = CurrentBox::Origin::GroundTruth;
            box.box = NormBox{q.value(7).toDouble(), q.value(8).toDouble(), q.value(9).toDouble(),
                              q.value(10).toDouble()};
            box.image = q.value(11).toInt();
            c.box = box;
        }
        row.insert(c.id, int(cases.size()));
        cases << c;
    }
    if (Status s = sql::run(q, file, QStringLiteral("exporting case images"),
                            QStringLiteral("SELECT ci.case_id, i.id, i.path, i.width, i.height "
                                           "FROM case_images ci JOIN images i ON i.id = "
                                           "ci.image_id ORDER BY ci.case_id, ci.position"));
        !s)
        return s;
    while (q.next()) {
        const auto it = row.constFind(q.value(0).toLongLong());
        if (it == row.constEnd())
            continue;
        ExportImage image;
        image.id = q.value(1).toLongLong();
        image.path = q.value(2).toString();
        if (!q.value(3).isNull())
            image.width = q.value(3).toInt();
        if (!q.value(4).isNull())
            image.height = q.value(4).toInt();
        cases[*it].images << image;
    }
    // Same rule as ProjectStore::currentBox(): human/corrected first, then accepted model boxes,
    // newest first; the first row per case wins.
    if (Status s = sql::run(q, file, QStringLiteral("exporting annotations"),
                            QStringLiteral("SELECT a.case_id, a.id, a.image, a.x1, a.y1, "
                                           "a.x2, a.y2, a.label, p.run_id, cr.query FROM "
                                           "annotations a LEFT JOIN predictions p ON p.id = "
                                           "a.prediction_id LEFT JOIN case_runs cr ON "
                                           "cr.prediction_id = a.prediction_id WHERE "
                                           "a.case_id IS NOT NULL AND "
                                           "a.deleted = 0 AND a.review <> 'rejected' AND "
                                           "(a.source <> 'model' OR a.review = 'accepted') "
                                           "ORDER BY a.case_id, a.source = 'model', "
                                           "a.modified DESC, a.id DESC"));
        !s)
        return s;
    qint64 previous = 0;
    while (q.next()) {
        const qint64 caseId = q.value(0).toLongLong();
        if (caseId == previous)
            continue;
        previous = caseId;
        const auto it = row.constFind(caseId);
        if (it == row.constEnd())
            continue;
        CurrentBox box;
        box.origin = CurrentBox::Origin::Annotation;
        box.annotationId = q.value(1).toLongLong();
        box.image = q.value(2).toInt();
        box.box = NormBox{q.value(3).toDouble(), q.value(4).toDouble(), q.value(5).toDouble(),
                          q.value(6).toDouble()};
        cases[*it].box = box;
        if (!q.value(7).toString().isEmpty())
            cases[*it].label = q.value(7).toString();
        cases[*it].runId = q.value(8).toLongLong();
        cases[*it].runQuery = q.value(9).toString();
    }
    return cases;
}

QString ordinal(int k)
{
    static const char *const names[] = {"first", "second", "third", "fourth", "fifth", "sixth"};
    if (k >= 1 && k <= 6)
        return QString::fromLatin1(names[k - 1]);
    return QStringLiteral("%1th").arg(k);
}

int scale1000(double v)
{
    return int(std::lround(v * 1000.0));
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// The shortest text that reads back as the same double (0.321, not 0.32100000000000001).
QString number(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

// The target image of a case's box: the box's image, or image 1 when unknown.
const ExportImage *targetImage(const ExportCase &c)
{
    const int k = c.box && c.box->image >= 1 ? c.box->image : 1;
    return k <= c.images.size() ? &c.images.at(k - 1) : nullptr;
}

// The target image when its pixel size is known (COCO and ODVG need pixels), else nullptr.
const ExportImage *sizedTarget(const ExportCase &c, double *width, double *height)
{
    const ExportImage *image = targetImage(c);
    if (!image || !image->width || !image->height)
        return nullptr;
    *width = *image->width;
    *height = *image->height;
    return image;
}

} // namespace

std::optional<ExportFormat> exportFormatFromString(const QString &name)
{
    if (name == QLatin1String("migbench"))
        return ExportFormat::MigBench;
    if (name == QLatin1String("coco"))
        return ExportFormat::Coco;
    if (name == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (name == QLatin1String("odvg"))
        return ExportFormat::Odvg;
    if (name == QLatin1String("llamafactory"))
        return ExportFormat::LlamaFactory;
    return std::nullopt;
}

namespace {

// One writer per format; each gets the cases that have a box, in case order.
class FormatWriter
{
public:
    virtual ~FormatWriter() = default;
    // false: the case is left out for lack of a pixel size.
    virtual bool add(const ExportCase &c) = 0;
    virtual QByteArray finish() = 0;
};

class MigBenchWriter : public FormatWriter
{
public:
    bool add(const ExportCase &c) override
    {
        const NormBox &b = c.box->box;
        QJsonArray images;
        for (const ExportImage &i : c.images)
            images << (QDir::isAbsolutePath(i.path) ? i.path : QStringLiteral("./") + i.path);
        QJsonObject entry{{QStringLiteral("task"), c.task},
                          {QStringLiteral("images"), images},
                          {QStringLiteral("question"), c.question},
                          {QStringLiteral("answer"), QJsonArray{b.x1, b.y1, b.x2, b.y2}},
                          {QStringLiteral("additional_info"), c.additionalInfo},
                          {QStringLiteral("need_format"), c.needFormat}};
        // Extensions other readers ignore: the answer's image where the MIG-Bench rule would not
        // find it (composed cases), and the run and query that produced the label.
        if (c.box->image >= 1
            && c.box->image != caseTargetImage(c.task, c.question, c.additionalInfo))
            entry.insert(QStringLiteral("answer_image"), c.box->image);
        if (c.runId > 0)
            entry.insert(QStringLiteral("provenance"),
                         QJsonObject{{QStringLiteral("run"), c.runId},
                                     {QStringLiteral("query"), c.runQuery}});
        m_list << entry;
        return true;
    }
    QByteArray finish() override { return QJsonDocument(m_list).toJson(QJsonDocument::Indented); }

private:
    QJsonArray m_list;
};

class CocoWriter : public FormatWriter
{
public:
    bool add(const ExportCase &c) override
    {
        double w = 0, h = 0;
        const ExportImage *image = sizedTarget(c, &w, &h);
        if (!image)
            return false;
        const NormBox &b = c.box->box;
        int category = m_categoryIds.value(c.label, 0);
        if (category == 0) {
            category = int(m_categoryIds.size()) + 1;
            m_categoryIds.insert(c.label, category);
            m_categories << QJsonObject{{QStringLiteral("id"), category},
                                        {QStringLiteral("name"), c.label}};
        }
        int imageId = m_imageIds.value(image->id, 0);
        if (imageId == 0) {
            imageId = int(m_imageIds.size()) + 1;
            m_imageIds.insert(image->id, imageId);
            m_images << QJsonObject{{QStringLiteral("id"), imageId},
                                    {QStringLiteral("file_name"), image->path},
                                    {QStringLiteral("width"), *image->width},
                                    {QStringLiteral("height"), *image->height}};
        }
        const double bw = (b.x2 - b.x1) * w, bh = (b.y2 - b.y1) * h;
        QJsonObject annotation{{QStringLiteral("id"), int(m_annotations.size()) + 1},
                               {QStringLiteral("image_id"), imageId},
                               {QStringLiteral("category_id"), category},
                               {QStringLiteral("bbox"), QJsonArray{b.x1 * w, b.y1 * h, bw, bh}},
                               {QStringLiteral("area"), bw * bh},
                               {QStringLiteral("iscrowd"), 0}};
        if (c.runId > 0) {
            annotation.insert(QStringLiteral("migician_run"), c.runId);
            annotation.insert(QStringLiteral("migician_query"), c.runQuery);
        }
        m_annotations << annotation;
        return true;
    }
    QByteArray finish() override
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("images"), m_images},
                                         {QStringLiteral("annotations"), m_annotations},
                                         {QStringLiteral("categories"), m_categories}})
                .toJson(QJsonDocument::Compact);
    }

private:
    QJsonArray m_images, m_annotations, m_categories;
    QHash<QString, int> m_categoryIds;
    QHash<qint64, int> m_imageIds;
};

class CsvWriter : public FormatWriter
{
public:
    CsvWriter()
        : m_out("case_id,source,source_index,task,image,image_path,x1,y1,x2,y2,width,height,"
                "px1,py1,px2,py2,origin,question,run_id,run_query\n")
    {}
    bool add(const ExportCase &c) override
    {
        const NormBox &b = c.box->box;
        const ExportImage *image = targetImage(c);
        const bool sized = image && image->width && image->height;
        const double w = sized ? *image->width : 0, h = sized ? *image->height : 0;
        QStringList fields{QString::number(c.id),
                           csvField(c.source),
                           QString::number(c.sourceIndex),
                           csvField(c.task),
                           QString::number(c.box->image),
                           csvField(image ? image->path : QString()),
                           number(b.x1),
                           number(b.y1),
                           number(b.x2),
                           number(b.y2)};
        if (sized)
            fields << QString::number(int(w)) << QString::number(int(h)) << number(b.x1 * w)
                   << number(b.y1 * h) << number(b.x2 * w) << number(b.y2 * h);
        else
            fields << QString() << QString() << QString() << QString() << QString() << QString();
        fields << (c.box->origin == CurrentBox::Origin::Annotation ? QStringLiteral("annotation")
                                                                   : QStringLiteral("ground_truth"))
               << csvField(c.question) << (c.runId > 0 ? QString::number(c.runId) : QString())
               << csvField(c.runQuery);
        m_out += fields.join(QLatin1Char(',')).toUtf8() + '\n';
        return true;
    }
    QByteArray finish() override { return m_out; }

private:
    QByteArray m_out;
};

class OdvgWriter : public FormatWriter
{
public:
    bool add(const ExportCase &c) override
    {
        double w = 0, h = 0;
        const ExportImage *image = sizedTarget(c, &w, &h);
        if (!image)
            return false;
        const NormBox &b = c.box->box;
        const QJsonObject region{
                {QStringLiteral("bbox"), QJsonArray{b.x1 * w, b.y1 * h, b.x2 * w, b.y2 * h}},
                {QStringLiteral("phrase"), c.label}};
        const QJsonObject line{{QStringLiteral("filename"), image->path},
                               {QStringLiteral("height"), int(h)},
                               {QStringLiteral("width"), int(w)},
                               {QStringLiteral("grounding"),
                                QJsonObject{{QStringLiteral("caption"), c.question},
                                            {QStringLiteral("regions"), QJsonArray{region}}}}};
        m_out += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        return true;
    }
    QByteArray finish() override { return m_out; }

private:
    QByteArray m_out;
};

class LlamaFactoryWriter : public FormatWriter
{
public:
    bool add(const ExportCase &c) override
    {
        const NormBox &b = c.box->box;
        QJsonArray images;
        for (const ExportImage &i : c.images)
            images << i.path;
        const QString prompt
                = QStringLiteral("<image>").repeated(int(c.images.size())) + c.question;
        QString answer = QStringLiteral("<|box_start|>(%1,%2),(%3,%4)<|box_end|>")
                                 .arg(scale1000(b.x1))
                                 .arg(scale1000(b.y1))
                                 .arg(scale1000(b.x2))
                                 .arg(scale1000(b.y2));
        if (c.box->image >= 1)
            answer = QStringLiteral("It's in the %1 image. ").arg(ordinal(c.box->image)) + answer;
        m_list << QJsonObject{
                {QStringLiteral("images"), images},
                {QStringLiteral("conversations"),
                 QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("human")},
                                        {QStringLiteral("value"), prompt}},
                            QJsonObject{{QStringLiteral("from"), QStringLiteral("gpt")},
                                        {QStringLiteral("value"), answer}}}}};
        return true;
    }
    QByteArray finish() override { return QJsonDocument(m_list).toJson(QJsonDocument::Indented); }

private:
    QJsonArray m_list;
};

std::unique_ptr<FormatWriter> writerFor(ExportFormat format)
{
    switch (format) {
    case ExportFormat::MigBench:
        return std::make_unique<MigBenchWriter>();
    case ExportFormat::Coco:
        return std::make_unique<CocoWriter>();
    case ExportFormat::Csv:
        return std::make_unique<CsvWriter>();
    case ExportFormat::Odvg:
        return std::make_unique<OdvgWriter>();
    case ExportFormat::LlamaFactory:
        return std::make_unique<LlamaFactoryWriter>();
    }
    return nullptr;
}

} // namespace

Result<ExportReport> exportAnnotations(const ProjectStore &store, ExportFormat format,
                                       const QString &outFile)
{
    using R = Result<ExportReport>;
    const Result<QList<ExportCase>> loaded = loadCases(store);
    if (!loaded)
        return loaded.status();
    ExportReport report;
    const std::unique_ptr<FormatWriter> writer = writerFor(format);
    for (const ExportCase &c : *loaded) {
        if (!c.box) {
            ++report.skippedNoBox;
            continue;
        }
        if (!writer->add(c)) {
            ++report.skippedNoSize;
            continue;
        }
        ++report.exported;
        if (c.box->origin == CurrentBox::Origin::Annotation)
            ++report.fromAnnotations;
        else
            ++report.fromGroundTruth;
    }
    const QByteArray out = writer->finish();
    // QSaveFile: the output appears complete or not at all.
    QSaveFile file(outFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size() || !file.commit())
        return R::failure(QStringLiteral("%1: cannot write: %2").arg(outFile, file.errorString()));
    return report;
}

Result<QList<TrainingSample>> readLlamaFactory(const QString &file)
{
    using R = Result<QList<TrainingSample>>;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("%1: cannot read: %2").arg(file, f.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return R::failure(
                QStringLiteral("%1: not a JSON list (%2)").arg(file, error.errorString()));
    static const QRegularExpression box(QStringLiteral(
            "<\\|box_start\\|>\\((\\d+),(\\d+)\\),\\((\\d+),(\\d+)\\)<\\|box_end\\|>"));
    static const QRegularExpression where(QStringLiteral("It's in the (\\w+) image\\."));
    static const QStringList ordinals{QStringLiteral("first"), QStringLiteral("second"),
                                      QStringLiteral("third"), QStringLiteral("fourth"),
                                      QStringLiteral("fifth"), QStringLiteral("sixth")};
    QList<TrainingSample> samples;
    const QJsonArray list = document.array();
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject object = list.at(i).toObject();
        const QJsonArray conversations = object.value(QLatin1String("conversations")).toArray();
        if (conversations.size() != 2)
            return R::failure(QStringLiteral("%1: sample %2: expected two conversation turns")
                                      .arg(file)
                                      .arg(i));
        TrainingSample sample;
        for (const QJsonValue &image : object.value(QLatin1String("images")).toArray())
            sample.images << image.toString();
        sample.question = conversations.at(0).toObject().value(QLatin1String("value")).toString();
        sample.question.remove(QStringLiteral("<image>"));
        const QString answer
                = conversations.at(1).toObject().value(QLatin1String("value")).toString();
        const QRegularExpressionMatch m = box.match(answer);
        if (!m.hasMatch())
            return R::failure(QStringLiteral("%1: sample %2: no <|box_start|> box in the answer")
                                      .arg(file)
                                      .arg(i));
        sample.box = NormBox{m.captured(1).toInt() / 1000.0, m.captured(2).toInt() / 1000.0,
                             m.captured(3).toInt() / 1000.0, m.captured(4).toInt() / 1000.0};
        const QRegularExpressionMatch w = where.match(answer);
        if (w.hasMatch()) {
            const int k = int(ordinals.indexOf(w.captured(1)));
            sample.image = k >= 0 ? k + 1 : w.captured(1).chopped(2).toInt();
        }
        samples << sample;
    }
    return samples;
}

} // namespace migician::annotate
