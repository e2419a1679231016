// The built-in OpenCV assistant as a GroundingBackend (see grounding_backend.h).
#include "ui/grounding_backend.h"

#include "ui/opencv_assistant.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace migician::ui {

using annotate::BenchCase;

namespace {

BackendAnswer fromAssistant(const AssistantAnswer &answer)
{
    BackendAnswer converted;
    converted.text = answer.text;
    converted.boxes = answer.boxes;
    return converted;
}

class AssistantBackend final : public GroundingBackend
{
public:
    QString name() const override { return QStringLiteral("opencv"); }
    QString label() const override { return OpenCvAssistant::label(); }

    model::SamplingOptions defaultSampling(const model::RunControl &) override
    {
        return model::SamplingOptions::greedy(); // not used: the assistant does not sample
    }

    GroundingOutcome ground(const GroundingQuery &query,
                            const GroundingCallbacks &callbacks) override
    {
        if (callbacks.onStage)
            callbacks.onStage(model::Stage::Vision);
        const AssistantAnswer answer = OpenCvAssistant::answer(
                query.images, query.references, query.text, callbacks.control.cancel);
        GroundingOutcome outcome;
        outcome.backendLabel = label();
        outcome.result.text = answer.text.toStdString();
        outcome.result.plainText = outcome.result.text;
        outcome.result.cancelled = callbacks.control.cancelled();
        for (const annotate::PredictedBox &box : answer.boxes) {
            model::ParsedBox parsed;
            parsed.image = box.image;
            parsed.x1 = box.box.x1;
            parsed.y1 = box.box.y1;
            parsed.x2 = box.box.x2;
            parsed.y2 = box.box.y2;
            outcome.result.answer.boxes.push_back(parsed);
        }
        outcome.boxes = answer.boxes;
        outcome.needsWeights = answer.needsWeights;
        outcome.about = QJsonObject{{QStringLiteral("backend"), name()}};
        if (callbacks.onText)
            callbacks.onText(-1, answer.text);
        return outcome;
    }

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

std::unique_ptr<GroundingBackend> makeAssistantBackend()
{
    return std::make_unique<AssistantBackend>();
}

} // namespace migician::ui
