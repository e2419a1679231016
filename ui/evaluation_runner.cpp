#include "ui/evaluation_runner.h"

#include "annotate/image_path.h"
#include "ui/image_decoder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <vector>

Q_LOGGING_CATEGORY(lcEvaluation, "migician.evaluation")

namespace migician::ui {

using annotate::BenchCase;
using annotate::EvalRecord;
using annotate::Status;

QString resolveBenchImage(const QString &imagesRoot, const QString &benchPath, QString *error)
{
    const auto relative = annotate::imagePathInsideRoot(imagesRoot, benchPath);
    if (!relative) {
        *error = relative.error();
        return {};
    }
    return QDir(imagesRoot).filePath(*relative);
}

struct EvaluationRunner::Attempt
{
    EvalRecord record;
    bool cancelled = false;
    bool retryElsewhere = false;
};

EvaluationRunner::EvaluationRunner(QList<BenchCase> cases, QString imagesRoot,
                                   GroundingBackend &backend, annotate::EvaluationLog &log)
    : EvaluationRunner(std::move(cases), std::move(imagesRoot), {&backend}, 1, log)
{}

EvaluationRunner::EvaluationRunner(QList<BenchCase> cases, QString imagesRoot,
                                   QList<GroundingBackend *> backends, int concurrency,
                                   annotate::EvaluationLog &log)
    : m_cases(std::move(cases))
    , m_imagesRoot(std::move(imagesRoot))
    , m_backends(std::move(backends))
    , m_concurrency(std::max(1, concurrency))
    , m_log(log)
{}

namespace {

QList<GroundingBackend *> pointers(const std::vector<std::unique_ptr<GroundingBackend>> &owned)
{
    QList<GroundingBackend *> backends;
    for (const auto &backend : owned)
        backends << backend.get();
    return backends;
}

} // namespace

EvaluationRunner::EvaluationRunner(QList<BenchCase> cases, QString imagesRoot,
                                   const std::vector<std::unique_ptr<GroundingBackend>> &backends,
                                   int concurrency, annotate::EvaluationLog &log)
    : EvaluationRunner(std::move(cases), std::move(imagesRoot), pointers(backends), concurrency,
                       log)
{}

QList<EvalRecord> EvaluationRunner::records() const
{
    QList<EvalRecord> all = m_log.finished().values();
    all += m_log.failures().values();
    return all;
}

EvaluationRunner::Attempt EvaluationRunner::attempt(GroundingBackend &backend, int index,
                                                    const model::RunControl &control) const
{
    const BenchCase &benchCase = m_cases[index];
    QElapsedTimer timer;
    timer.start();
    Attempt attempt;
    EvalRecord &record = attempt.record;
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
            answer = backend.answer(benchCase, images, control);
        } catch (const std::exception &error) { // backends throw nothing; this keeps it so
            answer.failure = QString::fromUtf8(error.what());
        }
        attempt.cancelled = answer.cancelled;
        attempt.retryElsewhere = answer.retryElsewhere && !answer.failure.isEmpty();
        record.prompt = answer.prompt;
        record.answer = answer.text;
        record.boxes = answer.boxes;
        record.tokenIds = answer.tokenIds;
        record.failure = answer.failure;
    }
    record.seconds = timer.nsecsElapsed() / 1e9;
    record.finished = QDateTime::currentDateTimeUtc();
    return attempt;
}

Status EvaluationRunner::run(const QList<int> &indices,
                             const std::function<void(const EvaluationProgress &)> &onCase,
                             const std::atomic<bool> *stop, const model::RunControl &control)
{
    EvaluationProgress progress;
    progress.total = int(indices.size());
    QList<int> pending;
    for (const int index : indices) {
        if (m_log.finished().contains(index)) {
            ++progress.resumed;
            continue;
        }
        if (index < 0 || index >= m_cases.size())
            return Status::failure(QStringLiteral("case index %1 is not in the bench").arg(index));
        pending << index;
    }
    progress.done = progress.resumed;
    m_stoppedEarly = false;
    if (m_backends.isEmpty())
        return Status::failure(QStringLiteral("no backend to evaluate with"));
    if (m_backends.size() > 1 || m_concurrency > 1)
        return runParallel(pending, progress, onCase, stop, control);

    QElapsedTimer wall;
    wall.start();
    int doneHere = 0;
    for (const int index : pending) {
        if ((stop && stop->load()) || control.cancelled()) {
            m_stoppedEarly = true;
            return {};
        }
        const Attempt done = attempt(*m_backends.first(), index, control);
        if (done.cancelled) {
            m_stoppedEarly = true;
            return {}; // not recorded: the next run does this case again
        }
        if (const Status saved = m_log.append(done.record); !saved)
            return saved;
        ++doneHere;
        ++progress.done;
        progress.failed += done.record.failed();
        progress.etaSeconds = wall.elapsed() / 1000.0 / doneHere * (progress.total - progress.done);
        progress.last = done.record;
        if (onCase)
            onCase(progress);
    }
    return {};
}

Status EvaluationRunner::runParallel(const QList<int> &pending, EvaluationProgress progress,
                                     const std::function<void(const EvaluationProgress &)> &onCase,
                                     const std::atomic<bool> *stop,
                                     const model::RunControl &control)
{
    // Workers (one thread per backend and slot) take cases from `queue`; finished records go to
    // `results`, which this thread drains into the log. A case that failed on an endpoint for the
    // endpoint's reasons goes back to the front of the queue, marked as tried there; it is
    // recorded as failed only when every endpoint still up has tried it.
    struct Shared
    {
        std::mutex mutex;
        std::condition_variable changed;
        std::deque<int> queue;
        std::map<int, std::set<int>> triedOn;
        std::vector<int> failuresInRow;
        std::vector<bool> down;
        std::deque<EvalRecord> results;
        int inFlight = 0;
        int workersLeft = 0;
        bool halt = false; // stop, cancel or a log error: take no new case
    } shared;
    shared.queue.assign(pending.begin(), pending.end());
    const int endpoints = int(m_backends.size());
    shared.failuresInRow.assign(std::size_t(endpoints), 0);
    shared.down.assign(std::size_t(endpoints), false);

    // With the lock held: a queued case every endpoint still up has tried (or that no endpoint
    // is up for) goes to the results as a failure, with the last reason an endpoint gave.
    std::map<int, EvalRecord> lastFailure;
    const auto failExhausted = [&](int index) {
        const std::set<int> &tried = shared.triedOn[index];
        for (int e = 0; e < endpoints; ++e)
            if (!shared.down[std::size_t(e)] && !tried.count(e))
                return false;
        const auto last = lastFailure.find(index);
        EvalRecord record;
        if (last != lastFailure.end()) {
            record = last->second;
        } else {
            record.index = index;
            record.failure = QStringLiteral("not tried: every endpoint failed %1 cases in a row")
                                     .arg(kEndpointDownAfter);
            record.finished = QDateTime::currentDateTimeUtc();
        }
        shared.results.push_back(record);
        return true;
    };

    const auto work = [&](int endpoint) {
        GroundingBackend &backend = *m_backends[endpoint];
        std::unique_lock lock(shared.mutex);
        while (true) {
            if (shared.halt || shared.down[std::size_t(endpoint)] || control.cancelled())
                break;
            auto next = std::find_if(shared.queue.begin(), shared.queue.end(), [&](int index) {
                return !shared.triedOn[index].count(endpoint);
            });
            if (next == shared.queue.end()) {
                if (shared.queue.empty() && shared.inFlight == 0)
                    break;
                shared.changed.wait_for(lock, std::chrono::milliseconds(200));
                continue;
            }
            const int index = *next;
            shared.queue.erase(next);
            ++shared.inFlight;
            lock.unlock();
            const Attempt done = attempt(backend, index, control);
            lock.lock();
            --shared.inFlight;
            if (done.cancelled) {
                shared.halt = true;
            } else if (done.retryElsewhere) {
                qCWarning(lcEvaluation, "case %d failed on %s: %s", index,
                          qPrintable(backend.label()), qPrintable(done.record.failure));
                shared.triedOn[index].insert(endpoint);
                lastFailure[index] = done.record;
                if (++shared.failuresInRow[std::size_t(endpoint)] >= kEndpointDownAfter) {
                    shared.down[std::size_t(endpoint)] = true;
                    qCWarning(lcEvaluation, "%s failed %d cases in a row: no more cases go there",
                              qPrintable(backend.label()), kEndpointDownAfter);
                }
                if (!failExhausted(index))
                    shared.queue.push_front(index);
                // An endpoint going down can leave queued cases that no endpoint up may take.
                for (auto it = shared.queue.begin(); it != shared.queue.end();)
                    it = failExhausted(*it) ? shared.queue.erase(it) : it + 1;
            } else {
                shared.failuresInRow[std::size_t(endpoint)] = 0;
                shared.results.push_back(done.record);
            }
            shared.changed.notify_all();
        }
        --shared.workersLeft;
        shared.changed.notify_all();
    };

    std::vector<std::thread> threads;
    shared.workersLeft = endpoints * m_concurrency;
    for (int slot = 0; slot < m_concurrency; ++slot)
        for (int e = 0; e < endpoints; ++e)
            threads.emplace_back(work, e);

    QElapsedTimer wall;
    wall.start();
    int doneHere = 0;
    Status status;
    std::unique_lock lock(shared.mutex);
    while (true) {
        if (!shared.halt && ((stop && stop->load()) || control.cancelled())) {
            shared.halt = true;
            shared.changed.notify_all();
        }
        if (shared.results.empty() && shared.workersLeft == 0)
            break;
        if (shared.results.empty()) {
            shared.changed.wait_for(lock, std::chrono::milliseconds(100));
            continue;
        }
        const EvalRecord record = shared.results.front();
        shared.results.pop_front();
        lock.unlock();
        if (status) { // after a log error nothing more is written
            status = m_log.append(record);
            if (status) {
                ++doneHere;
                ++progress.done;
                progress.failed += record.failed();
                progress.etaSeconds
                        = wall.elapsed() / 1000.0 / doneHere * (progress.total - progress.done);
                progress.last = record;
                if (onCase)
                    onCase(progress);
            }
        }
        lock.lock();
        if (!status && !shared.halt) {
            shared.halt = true;
            shared.changed.notify_all();
        }
    }
    // What is still queued was not started (stop, cancel or a log error): the next run does it.
    std::deque<int> left;
    left.swap(shared.queue);
    lock.unlock();
    for (std::thread &thread : threads)
        thread.join();
    if (!status)
        return status;
    m_stoppedEarly = !left.empty() || progress.done < progress.total;
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
