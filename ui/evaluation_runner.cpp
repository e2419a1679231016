#include "ui/evaluation_runner.h"

#include "model/engine.h"
#include "ui/image_decoder.h"
#include "ui/opencv_assistant.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>

#include <algorithm>
#include <random>

namespace migician::ui {

using annotate::BenchCase;
using annotate::EvalRecord;
using annotate::Status;

namespace {

BackendAnswer fromAssistant(const AssistantAnswer &answer)
{
    return BackendAnswer{answer.text, answer.boxes};
}

class AssistantBackend final : public EvaluationBackend
{
public:
    QString name() const override { return QStringLiteral("opencv"); }
    bool migicianRescale() const override { return false; }

    BackendAnswer answer(const BenchCase &benchCase, const QList<QImage> &images) override
    {
        if (benchCase.task == QLatin1String("region") && images.size() >= 2) {
            // "Please locate the 2th region picture in the source image": image k+1 is region k.
            static const QRegularExpression ordinal(
                    QStringLiteral("(\\d+)\\s*(?:st|nd|rd|th)?\\s+region"),
                    QRegularExpression::CaseInsensitiveOption);
            const auto match = ordinal.match(benchCase.question);
            const int region = match.hasMatch() ? match.captured(1).toInt() : 1;
            if (region < 1 || region + 1 > images.size())
                return BackendAnswer{OpenCvAssistant::label()
                                             + QStringLiteral(": no region picture %1").arg(region),
                                     {}};
            // Only the source image is searched: the region pictures are crops of it.
            return fromAssistant(OpenCvAssistant::locateReference(
                    {images.first()}, VisualReference{0, images[region]}));
        }
        if (benchCase.task == QLatin1String("refer_grounding") && images.size() >= 2)
            return fromAssistant(
                    OpenCvAssistant::locateReference(images, VisualReference{1, images.first()}));
        if (images.size() == 2
            && (benchCase.task == QLatin1String("diff")
                || OpenCvAssistant::isDifferenceQuery(benchCase.question)))
            return fromAssistant(OpenCvAssistant::locateDifference(images[0], images[1]));
        return fromAssistant(OpenCvAssistant::answer(images, {}, benchCase.question));
    }
};

class MigicianBackend final : public EvaluationBackend
{
public:
    explicit MigicianBackend(std::unique_ptr<model::Engine> engine)
        : m_engine(std::move(engine))
    {}
    QString name() const override { return QStringLiteral("migician"); }
    bool migicianRescale() const override { return true; }

    BackendAnswer answer(const BenchCase &benchCase, const QList<QImage> &images) override
    {
        model::GroundingRequest request;
        for (const QImage &image : images)
            request.images.push_back(fromQImage(image));
        QString query = benchCase.question;
        if (benchCase.needFormat)
            query += migBenchFormatSuffix();
        request.query = query.toStdString();
        request.sampling = model::SamplingOptions::greedy();
        request.sampling.maxNewTokens = 128;
        request.sampling.stopTokenIds
                = model::SamplingOptions::fromGenerationConfig(m_engine->generationConfig())
                          .stopTokenIds;
        try {
            const model::GroundingResult result = m_engine->ground(request);
            BackendAnswer answer;
            answer.text = QString::fromStdString(result.text);
            for (const model::ParsedBox &box : result.answer.boxes) {
                annotate::PredictedBox predicted;
                predicted.image = box.image;
                predicted.box = annotate::NormBox{box.x1, box.y1, box.x2, box.y2};
                answer.boxes << predicted;
            }
            return answer;
        } catch (const std::exception &error) {
            return BackendAnswer{QStringLiteral("error: ") + QString::fromUtf8(error.what()), {}};
        }
    }

private:
    std::unique_ptr<model::Engine> m_engine;
};

} // namespace

std::unique_ptr<EvaluationBackend> makeAssistantBackend()
{
    return std::make_unique<AssistantBackend>();
}

std::unique_ptr<EvaluationBackend> makeMigicianBackend(const QString &modelDir,
                                                       const QString &device)
{
    model::EngineOptions options;
    options.modelDir = modelDir.toStdString();
    options.device = model::parseDevice(device.toStdString());
    return std::make_unique<MigicianBackend>(model::Engine::load(options));
}

QString migBenchFormatSuffix()
{
    return QStringLiteral(
            "Format:<|box_start|>(x1,y1),(x2,y2)<|box_start|>. Don't generate addtional words.");
}

QString resolveBenchImage(const QString &imagesRoot, const QString &benchPath, QString *error)
{
    const QString cleaned = QDir::cleanPath(benchPath);
    if (QDir::isAbsolutePath(cleaned) || cleaned == QLatin1String("..")
        || cleaned.startsWith(QLatin1String("../"))) {
        *error = QStringLiteral("image path '%1' leaves the images root %2")
                         .arg(benchPath, imagesRoot);
        return {};
    }
    return QDir(imagesRoot).filePath(cleaned);
}

EvaluationRunner::EvaluationRunner(QList<BenchCase> cases, QString imagesRoot,
                                   EvaluationBackend &backend, annotate::EvaluationLog &log)
    : m_cases(std::move(cases))
    , m_imagesRoot(std::move(imagesRoot))
    , m_backend(backend)
    , m_log(log)
{}

Status EvaluationRunner::run(const QList<int> &indices,
                             const std::function<void(const EvaluationProgress &)> &onCase,
                             const std::atomic<bool> *stop)
{
    EvaluationProgress progress;
    progress.total = int(indices.size());
    for (const int index : indices)
        if (m_log.finished().contains(index))
            ++progress.resumed;
    progress.done = progress.resumed;
    double spentHere = 0;
    int doneHere = 0;
    for (const int index : indices) {
        if (stop && stop->load())
            return {};
        if (m_log.finished().contains(index))
            continue;
        if (index < 0 || index >= m_cases.size())
            return Status::failure(QStringLiteral("case index %1 is not in the bench").arg(index));
        const BenchCase &benchCase = m_cases[index];
        QElapsedTimer timer;
        timer.start();
        QList<QImage> images;
        for (const QString &path : benchCase.images) {
            QString error;
            const QString file = resolveBenchImage(m_imagesRoot, path, &error);
            const auto decoded = file.isEmpty() ? std::nullopt : decodeImageFile(file, &error);
            if (!decoded)
                return Status::failure(QStringLiteral("case %1: %2").arg(index).arg(error));
            images << toQImage(*decoded);
        }
        const BackendAnswer answer = m_backend.answer(benchCase, images);
        EvalRecord record;
        record.index = index;
        record.answer = answer.text;
        record.boxes = answer.boxes;
        record.seconds = timer.nsecsElapsed() / 1e9;
        record.finished = QDateTime::currentDateTimeUtc();
        if (const Status saved = m_log.append(record); !saved)
            return saved;
        spentHere += record.seconds;
        ++doneHere;
        ++progress.done;
        progress.etaSeconds = spentHere / doneHere * (progress.total - progress.done);
        progress.last = record;
        if (onCase)
            onCase(progress);
    }
    return {};
}

QList<int> selectCases(const QList<BenchCase> &cases, const QStringList &tasks, int limit,
                       bool seeded, quint64 seed)
{
    QList<int> selected;
    for (int i = 0; i < cases.size(); ++i)
        if (tasks.isEmpty() || tasks.contains(cases[i].task))
            selected << i;
    if (limit <= 0 || limit >= selected.size())
        return selected;
    if (seeded) {
        // A seeded sample, run in bench order so that progress files read naturally.
        // Own Fisher-Yates: std::shuffle's algorithm differs between standard libraries.
        std::mt19937_64 random(seed);
        for (qsizetype i = selected.size() - 1; i > 0; --i)
            std::swap(selected[i], selected[qsizetype(random() % quint64(i + 1))]);
        selected = selected.mid(0, limit);
        std::sort(selected.begin(), selected.end());
        return selected;
    }
    return selected.mid(0, limit);
}

} // namespace migician::ui
