// Batch evaluation over MIG-Bench cases with one backend (the Migician model or the built-in
// OpenCV assistant), resumable through an annotate::EvaluationLog: finished cases are skipped,
// every new answer is persisted before the next case starts. No widgets: the command line runs
// it on its main thread, the GUI in its worker thread.
#pragma once

#include "annotate/evaluation_log.h"
#include "annotate/migbench_file.h"

#include <QImage>

#include <atomic>
#include <functional>
#include <memory>

namespace migician::ui {

struct BackendAnswer
{
    QString text;
    QList<annotate::PredictedBox> boxes;
};

class EvaluationBackend
{
public:
    virtual ~EvaluationBackend() = default;
    virtual QString name() const = 0; // "opencv" | "migician"
    // The official scorer rescales only Migician's boxes.
    virtual bool migicianRescale() const = 0;
    // Throws nothing; a failure is an answer text without boxes.
    virtual BackendAnswer answer(const annotate::BenchCase &benchCase, const QList<QImage> &images)
            = 0;
};

// The built-in assistant mapped onto the MIG-Bench tasks it can do:
// - region: image k+1 is the k-th region cut from image 1 -> template matching in image 1;
// - refer_grounding: image 1 shows the object -> template matching in the other images;
// - diff (or a two-image question about differences) -> the largest changed region;
// - anything else: no box (the assistant says the Migician model is needed).
std::unique_ptr<EvaluationBackend> makeAssistantBackend();

// The Migician model, greedy, 128 new tokens, the official MIG-Bench format suffix appended to
// the question when the case asks for it (need_format). Throws model::ModelError when the
// checkpoint cannot be loaded.
std::unique_ptr<EvaluationBackend>
makeMigicianBackend(const QString &modelDir, const QString &device = QStringLiteral("cpu"));

// The suffix of the official evaluation script, typos included.
QString migBenchFormatSuffix();

// Resolves a bench image path ("./MIG-Bench/images/x.jpg") against `imagesRoot`; empty with
// *error when it would leave the root.
QString resolveBenchImage(const QString &imagesRoot, const QString &benchPath, QString *error);

struct EvaluationProgress
{
    int done = 0;    // finished cases, resumed ones included
    int total = 0;   // selected cases
    int resumed = 0; // finished by an earlier invocation
    double etaSeconds = 0;
    annotate::EvalRecord last;
};

class EvaluationRunner
{
public:
    EvaluationRunner(QList<annotate::BenchCase> cases, QString imagesRoot,
                     EvaluationBackend &backend, annotate::EvaluationLog &log);

    // Runs every index of `indices` not finished yet, in order. Stops early (ok) when `stop`
    // becomes true; the next run resumes there. An unreadable image is an error naming it.
    annotate::Status run(const QList<int> &indices,
                         const std::function<void(const EvaluationProgress &)> &onCase = {},
                         const std::atomic<bool> *stop = nullptr);

    // All finished records (resumed and new).
    QList<annotate::EvalRecord> records() const { return m_log.finished().values(); }

private:
    QList<annotate::BenchCase> m_cases;
    QString m_imagesRoot;
    EvaluationBackend &m_backend;
    annotate::EvaluationLog &m_log;
};

// Picks the cases of a run: those of `tasks` (all when empty), then, with `limit` > 0, the
// first `limit` of them, or a sample of `limit` drawn with `seed` when `seeded`.
QList<int> selectCases(const QList<annotate::BenchCase> &cases, const QStringList &tasks, int limit,
                       bool seeded, quint64 seed);

} // namespace migician::ui
