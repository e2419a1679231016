// The MIG-Bench evaluation protocol as a value: what every case is asked and how the answer is
// read, exactly as the official script (eval/MIG_bench_eval.py of the Migician repository,
// functions qwen2_process, qwen2_respond and migician_eval) does it, plus the deviations a user
// chose explicitly. Any backend is given one (the local engine, the built-in assistant, a remote
// server) and records what it actually ran in `backend`; results.json carries the whole of it
// under "protocol", and the part that decides the answers is the identity of a resumable run.
#pragma once

#include "annotate/migbench_file.h"

#include <QJsonObject>
#include <QStringList>

namespace migician::annotate {

struct EvaluationProtocol
{
    enum class Sampling {
        GenerationConfig, // model.generate() defaults: the checkpoint's generation_config.json
        Greedy,           // plain argmax, no repetition penalty (--greedy)
    };

    // The official script appends formatSuffix() to EVERY question; it never reads need_format.
    bool formatSuffix = true;
    Sampling sampling = Sampling::GenerationConfig;
    int maxNewTokens = 128;
    // qwen-vl-utils defaults (4*28*28 and 16384*28*28): images at about their native size.
    qint64 minPixels = 3136;
    qint64 maxPixels = 12845056;
    // The official scorer rescales Migician's boxes (y1 * 1.05, y2 * 1.10) and no one else's.
    bool migicianRescale = true;
    // What the backend was asked to run on; the backend records what it resolved them to.
    QString dtype = QStringLiteral("auto");
    QString device = QStringLiteral("cpu");

    // Filled by the backend: its name and what it ran (checkpoint, its checksum, engine version,
    // resolved dtype and sampling values; an endpoint for a remote server). Not part of the
    // run's identity.
    QJsonObject backend;

    // "Format:<|box_start|>(x1,y1),(x2,y2)<|box_start|>. Don't generate addtional words." with
    // the official script's typos and doubled <|box_start|>.
    static QString officialFormatSuffix();

    // The text sent with the case's images.
    QString question(const BenchCase &benchCase) const;

    // The command-line spelling of every choice that differs from the official protocol, e.g.
    // {"--greedy", "--max-new-tokens 64"}; empty for the official one. dtype and device are
    // recorded but are not deviations (the official script ran bfloat16 on a GPU).
    QStringList deviations() const;
    bool isOfficial() const { return deviations().isEmpty(); }

    // results.json "protocol": {"official", "deviations", "prompt", "generation", "decoding",
    // "images", "scoring", "backend"}.
    QJsonObject toJson() const;
    // What must be equal for two invocations to be one resumable evaluation.
    QJsonObject identity() const;
};

// SHA-256 (hex) over config.json and the safetensors index (model.safetensors.index.json, or the
// header of a single model.safetensors) of a checkpoint folder: which model a run used. Empty
// when config.json cannot be read.
QString checkpointChecksum(const QString &folder);

} // namespace migician::annotate
