#include "ui/evaluation_runner.h"

#include "annotate/image_path.h"
#include "ui/image_decoder.h"
#include "ui/opencv_assistant.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
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
    BackendAnswer converted;
    converted.text = answer.text;
    converted.boxes = answer.boxes;
    return converted;
}

class AssistantBackend final : public EvaluationBackend
{
public:
    QString name() const override { return QStringLiteral("opencv"); }

    bool prepare(annotate::EvaluationProtocol *protocol, QString *,
                 const model::RunControl &) override
    {
        protocol->migicianRescale = false; // the official scorer rescales Migician's boxes only
        protocol->backend = QJsonObject{{QStringLiteral("name"), name()},
                                        {QStringLiteral("label"), OpenCvAssistant::label()}};
        m_protocol = *protocol;
        return true;
    }

    BackendAnswer answer(const BenchCase &benchCase, const QList<QImage> &images,
                         const model::RunControl &control) override
    {
        BackendAnswer answer;
        const std::atomic<bool> *cancel = control.cancel;
        try {
            answer = match(benchCase, images, cancel);
        } catch (const std::exception &error) { // OpenCV reports by cv::Exception
            answer.failure = QString::fromUtf8(error.what());
        }
        answer.prompt = m_protocol.question(benchCase);
        answer.cancelled = cancel && cancel->load();
        return answer;
    }

private:
    static BackendAnswer match(const BenchCase &benchCase, const QList<QImage> &images,
                               const std::atomic<bool> *cancel)
    {
        if (benchCase.task == QLatin1String("region") && images.size() >= 2) {
            // "Please locate the 2th region picture in the source image": image k+1 is region k.
            static const QRegularExpression ordinal(
                    QStringLiteral("(\\d+)\\s*(?:st|nd|rd|th)?\\s+region"),
                    QRegularExpression::CaseInsensitiveOption);
            const auto match = ordinal.match(benchCase.question);
            const int region = match.hasMatch() ? match.captured(1).toInt() : 1;
            if (region < 1 || region + 1 > images.size()) {
                BackendAnswer none;
                none.text = OpenCvAssistant::label()
                            + QStringLiteral(": no region picture %1").arg(region);
                return none;
            }
            // Only the source image is searched: the region pictures are crops of it.
            return fromAssistant(OpenCvAssistant::locateReference(
                    {images.first()}, VisualReference{0, images[region]}, cancel));
        }
        if (benchCase.task == QLatin1String("refer_grounding") && images.size() >= 2)
            return fromAssistant(OpenCvAssistant::locateReference(
                    images, VisualReference{1, images.first()}, cancel));
        if (images.size() == 2
            && (benchCase.task == QLatin1String("diff")
                || OpenCvAssistant::isDifferenceQuery(benchCase.question)))
            return fromAssistant(OpenCvAssistant::locateDifference(images[0], images[1]));
        return fromAssistant(OpenCvAssistant::answer(images, {}, benchCase.question, cancel));
    }

    annotate::EvaluationProtocol m_protocol;
};

} // namespace

std::unique_ptr<EvaluationBackend> makeAssistantBackend()
{
    return std::make_unique<AssistantBackend>();
}

QString resolveBenchImage(const QString &imagesRoot, const QString &benchPath, QString *error)
{
    const auto relative = annotate::imagePathInsideRoot(imagesRoot, benchPath);
    if (!relative) {
        *error = relative.error();
        return {};
    }
    return QDir(imagesRoot).filePath(*relative);
}

EvaluationRunner::EvaluationRunner(QList<BenchCase> cases, QString imagesRoot,
                                   EvaluationBackend &backend, annotate::EvaluationLog &log)
    : m_cases(std::move(cases))
    , m_imagesRoot(std::move(imagesRoot))
    , m_backend(backend)
    , m_log(log)
{}

QList<EvalRecord> EvaluationRunner::records() const
{
    QList<EvalRecord> all = m_log.finished().values();
    all += m_log.failures().values();
    return all;
}

EvalRecord EvaluationRunner::attempt(int index, const model::RunControl &control, bool *cancelled)
{
    const BenchCase &benchCase = m_cases[index];
    QElapsedTimer timer;
    timer.start();
    EvalRecord record;
    record.index = index;
    QList<QImage> images;
    for (const QString &path : benchCase.images) {
        QString error;
        const QString file = resolveBenchImage(m_imagesRoot, path, &error);
        const auto decoded = file.isEmpty() ? std::nullopt : decodeImageFile(file, &error);
        if (!decoded) {
            record.failure = error;
            break;
        }
        images << toQImage(*decoded);
    }
    if (!record.failed()) {
        BackendAnswer answer;
        try {
            answer = m_backend.answer(benchCase, images, control);
        } catch (const std::exception &error) { // backends throw nothing; this keeps it so
            answer.failure = QString::fromUtf8(error.what());
        }
        *cancelled = answer.cancelled;
        record.prompt = answer.prompt;
        record.answer = answer.text;
        record.boxes = answer.boxes;
        record.tokenIds = answer.tokenIds;
        record.failure = answer.failure;
    }
    record.seconds = timer.nsecsElapsed() / 1e9;
    record.finished = QDateTime::currentDateTimeUtc();
    return record;
}

Status EvaluationRunner::run(const QList<int> &indices,
                             const std::function<void(const EvaluationProgress &)> &onCase,
                             const std::atomic<bool> *stop, const model::RunControl &control)
{
    EvaluationProgress progress;
    progress.total = int(indices.size());
    for (const int index : indices)
        if (m_log.finished().contains(index))
            ++progress.resumed;
    progress.done = progress.resumed;
    double spentHere = 0;
    int doneHere = 0;
    m_stoppedEarly = false;
    for (const int index : indices) {
        if (m_log.finished().contains(index))
            continue;
        if ((stop && stop->load()) || control.cancelled()) {
            m_stoppedEarly = true;
            return {};
        }
        if (index < 0 || index >= m_cases.size())
            return Status::failure(QStringLiteral("case index %1 is not in the bench").arg(index));
        bool cancelled = false;
        const EvalRecord record = attempt(index, control, &cancelled);
        if (cancelled) {
            m_stoppedEarly = true;
            return {}; // not recorded: the next run does this case again
        }
        if (const Status saved = m_log.append(record); !saved)
            return saved;
        spentHere += record.seconds;
        ++doneHere;
        ++progress.done;
        progress.failed += record.failed();
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
