// One interface for everything that answers grounding queries: the local Migician engine, a remote
// OpenAI-compatible endpoint and the built-in OpenCV assistant. The GUI's inference worker,
// `migician ground`, `migician eval` and the batch evaluation window all go through it, so the
// three backends run the same prompt, the same sampling and the same MIG-Bench protocol.
//
// Two entry points:
// - ground(): an interactive query (case images, visual-reference crops, free text), streamed;
// - prepare() + answer(): one MIG-Bench case under an annotate::EvaluationProtocol.
//
// Threading: a backend object is used by one thread at a time, except where a factory says
// otherwise (remote backends may be called from several threads at once: every call opens its own
// connection). Cancellation: control.cancel, set from any thread, stops a call at the next model
// step (local), closes the connection (remote) or stops between scales (assistant).
#pragma once

#include "annotate/evaluation_protocol.h"
#include "annotate/migbench_file.h"
#include "model/engine.h"
#include "model/run_control.h"
#include "ui/backend_settings.h"
#include "ui/opencv_assistant.h"

#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace migician::model {
class SharedEngine;
}

namespace migician::ui {

struct GroundingQuery
{
    QList<QImage> images;              // Image-1 .. Image-n
    QList<VisualReference> references; // crops, sent after the images as Image-(n+1) ...
    QString text;
    model::ResizeLimits limits;                     // for every image and crop
    std::optional<model::SamplingOptions> sampling; // empty: the checkpoint's generation_config
    int maxNewTokens = 0;                           // > 0: overrides the sampling's
};

struct GroundingCallbacks
{
    model::RunControl control; // cancel flag and per-step progress
    std::function<void(model::Stage stage)> onStage;
    // tokenId -1 when the backend does not see tokens (a server's text stream, the assistant).
    std::function<void(qint64 tokenId, const QString &textSoFar)> onText;
    std::function<void(double fraction, const QString &what)> onLoad; // the local model loading
    std::function<void()> onWaiting; // the shared engine is busy with another user
    // A busy server (429/503): the try about to be made, the wait before it, and why.
    std::function<void(int attempt, double delaySeconds, const QString &why)> onRetry;
};

struct GroundingOutcome
{
    // As the model answered: text (special tokens kept), plainText, the parsed boxes (image
    // numbers count the crops after the case images), token ids (empty from a server that sends
    // none, and from the assistant), stage timings.
    model::GroundingResult result;
    // The boxes on the case images, pixel coordinates filled in: a box on a crop, or one naming no
    // image in a multi-image case, is not drawn (see caseBoxes()).
    QList<annotate::PredictedBox> boxes;
    QString backendLabel;      // "Migician (cpu, bfloat16)", "http://gpu:8000 (Migician)", ...
    bool stagesKnown = false;  // result.timings has vision/prefill/decode times
    bool needsWeights = false; // the assistant cannot answer this query
    // What ran: {"device", "dtype"} for the local engine; {"url", "served_model",
    // "finish_reason", "request_ms", "attempts"} for an endpoint.
    QJsonObject about;
};

// What one bench case gave (see answer()).
struct BackendAnswer
{
    QString prompt; // the text sent with the images (the protocol's question)
    QString text;   // the answer as the protocol decodes it
    QList<annotate::PredictedBox> boxes;
    QList<qint64> tokenIds; // generated ids, when the backend has them
    QString failure;        // non-empty: no answer (out of memory, a decode error, ...)
    // The failure is the backend's, not the case's (a server that went away, timed out or is
    // overloaded): another endpoint may answer it.
    bool retryElsewhere = false;
    bool cancelled = false; // stopped by the cancel flag: neither an answer nor a failure
};

class GroundingBackend
{
public:
    virtual ~GroundingBackend() = default;
    virtual QString name() const = 0;  // "migician" | "remote" | "opencv"
    virtual QString label() const = 0; // for people: the status bar, logs

    // The sampling a query that names none gets: the checkpoint's generation_config.json (the
    // local model is loaded for it; an endpoint uses the file of the checkpoint folder it was
    // given, or the one Migician ships), plain argmax for the assistant. Throws as ground().
    virtual model::SamplingOptions defaultSampling(const model::RunControl &control) = 0;

    // An interactive query. Throws model::ModelError / RemoteError with a message for people,
    // model::Cancelled when the cancel flag stopped a load or a wait; a cancelled generation
    // returns with result.cancelled set.
    virtual GroundingOutcome ground(const GroundingQuery &query,
                                    const GroundingCallbacks &callbacks)
            = 0;

    // Prepares a bench run (a model is loaded here, unless already loaded; a server is asked for
    // its model) and fills protocol->backend with what it runs. Throws nothing; false and *error
    // when it cannot run, false with an empty *error when control.cancel was set first.
    virtual bool prepare(annotate::EvaluationProtocol *protocol, QString *error,
                         const model::RunControl &control)
            = 0;
    // One case under the protocol given to prepare(). Throws nothing: a failure is an answer with
    // `failure` set; control.cancel gives a `cancelled` answer.
    virtual BackendAnswer answer(const annotate::BenchCase &benchCase, const QList<QImage> &images,
                                 const model::RunControl &control)
            = 0;
};

// The built-in assistant. For bench cases it does what it can of the MIG-Bench tasks:
// - region: image k+1 is the k-th region cut from image 1 -> template matching in image 1;
// - refer_grounding: image 1 shows the object -> template matching in the other images;
// - diff (or a two-image question about differences) -> the largest changed region;
// - anything else: no box (the assistant says the Migician model is needed).
std::unique_ptr<GroundingBackend> makeAssistantBackend();

// The Migician model of `engines` (loaded there with `modelDir`, `device`, `dtype` unless it
// already is: the workbench and the batch evaluation share one copy of the weights). Bench cases
// run as the protocol says: the question with its suffix, the checkpoint's generation_config.json
// (or greedy), max_new_tokens, the protocol's image limits, the answer decoded without special
// tokens. Every interactive run also updates this machine's speed calibration (run_calibration.h).
std::unique_ptr<GroundingBackend>
makeMigicianBackend(std::shared_ptr<model::SharedEngine> engines, const QString &modelDir,
                    const QString &device = QStringLiteral("cpu"),
                    const QString &dtype = QStringLiteral("auto"));

std::unique_ptr<GroundingBackend> makeMigicianBackend(std::shared_ptr<model::SharedEngine> engines,
                                                      const model::EngineOptions &options);

// The backend `settings` choose (for Remote, the first URL). Throws RemoteError for an invalid
// URL or an unreadable API key file.
std::unique_ptr<GroundingBackend> makeBackend(const EngineSettings &settings,
                                              std::shared_ptr<model::SharedEngine> engines);

// The model's boxes on the case's own images (pixel coordinates from `caseImages`' sizes). Boxes
// on a crop (Image-(n+1)...) or on no named image go to the first image only when the case has a
// single image; otherwise they are dropped from the overlay.
QList<annotate::PredictedBox> caseBoxes(const std::vector<model::ParsedBox> &boxes,
                                        const QList<QImage> &caseImages);

// The request for one bench case under `protocol`: every image of the case in order (at the
// protocol's pixel limits), then the protocol's question; `sampling` as given.
model::GroundingRequest benchRequest(const annotate::EvaluationProtocol &protocol,
                                     const annotate::BenchCase &benchCase,
                                     const QList<QImage> &images,
                                     const model::SamplingOptions &sampling);
// What a bench answer keeps of a model result: the text without special tokens (as the official
// scorer reads it), the generated ids and the parsed boxes as the model numbered them.
void fillBenchAnswer(const model::GroundingResult &result, BackendAnswer *answer);

// The engine's request for a query: case images, then crops, the limits for each, the text.
// Throws model::ModelError for an image that could not be read.
model::GroundingRequest groundingRequest(const GroundingQuery &query);

} // namespace migician::ui
