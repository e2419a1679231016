#include "annotate/migbench_scorer.h"

#include "model/answer_parser.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace migician::annotate {

namespace {

const QString kNumber = QStringLiteral("(\\d+(?:\\.\\d+)?)");

// The official parse order (see parseOfficialAnswer()).
const std::array<QRegularExpression, 5> &officialPatterns()
{
    static const std::array<QRegularExpression, 5> patterns{
            QRegularExpression(QStringLiteral(
                    "\\((\\d+)\\s*,\\s*(\\d+)\\)\\s*,\\s*\\((\\d+)\\s*,\\s*(\\d+)\\)")),
            QRegularExpression(QStringLiteral("\\[\\s*(\\d+\\.\\d+)\\s*,\\s*(\\d+\\.\\d+)\\s*,"
                                              "\\s*(\\d+\\.\\d+)\\s*,\\s*(\\d+\\.\\d+)\\s*\\]")),
            QRegularExpression(QStringLiteral("\\((\\d+\\.\\d+)\\s*,\\s*(\\d+\\.\\d+)\\)\\s*,"
                                              "\\s*\\((\\d+\\.\\d+)\\s*,\\s*(\\d+\\.\\d+)\\)")),
            QRegularExpression(QStringLiteral(
                    "\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\]")),
            QRegularExpression(
                    QStringLiteral("<box>\\s*%1\\s+%1\\s+%1\\s+%1\\s*</box>").arg(kNumber)),
    };
    return patterns;
}

double ratio(int k, int n)
{
    return n > 0 ? double(k) / n : 0.0;
}

struct Tally
{
    int n = 0;
    int failed = 0;
    int hits30 = 0, hits50 = 0, hits70 = 0;
    double iouSum = 0;

    void add(double iou)
    {
        ++n;
        hits30 += iou >= 0.3;
        hits50 += iou >= 0.5;
        hits70 += iou >= 0.7;
        iouSum += iou;
    }
    Metrics metrics() const
    {
        Metrics m;
        m.n = n;
        m.failed = failed;
        m.acc30 = ratio(hits30, n);
        m.acc50 = ratio(hits50, n);
        m.acc70 = ratio(hits70, n);
        m.miou = n > 0 ? iouSum / n : 0.0;
        m.ci30 = wilsonInterval(hits30, n);
        m.ci50 = wilsonInterval(hits50, n);
        m.ci70 = wilsonInterval(hits70, n);
        return m;
    }
};

ScoreSet summarise(const QMap<QString, Tally> &tallies)
{
    ScoreSet set;
    Tally all;
    for (auto it = tallies.begin(); it != tallies.end(); ++it) {
        set.perTask.insert(it.key(), it->metrics());
        all.n += it->n;
        all.failed += it->failed;
        all.hits30 += it->hits30;
        all.hits50 += it->hits50;
        all.hits70 += it->hits70;
        all.iouSum += it->iouSum;
    }
    set.micro = all.metrics();
    Metrics &macro = set.macro;
    macro.n = all.n;
    macro.failed = all.failed;
    int tasks = 0; // tasks with scored cases: one whose cases all failed has no accuracy
    for (const Metrics &m : std::as_const(set.perTask))
        tasks += m.n > 0;
    for (const Metrics &m : std::as_const(set.perTask)) {
        if (m.n == 0)
            continue;
        macro.acc30 += m.acc30 / tasks;
        macro.acc50 += m.acc50 / tasks;
        macro.acc70 += m.acc70 / tasks;
        macro.miou += m.miou / tasks;
    }
    return set;
}

QJsonObject metricsJson(const Metrics &m, bool withIntervals)
{
    QJsonObject object{{QStringLiteral("n"), m.n},           {QStringLiteral("failed"), m.failed},
                       {QStringLiteral("acc@0.3"), m.acc30}, {QStringLiteral("acc@0.5"), m.acc50},
                       {QStringLiteral("acc@0.7"), m.acc70}, {QStringLiteral("miou"), m.miou}};
    if (withIntervals) {
        object.insert(QStringLiteral("acc@0.3_ci"), QJsonArray{m.ci30[0], m.ci30[1]});
        object.insert(QStringLiteral("acc@0.5_ci"), QJsonArray{m.ci50[0], m.ci50[1]});
        object.insert(QStringLiteral("acc@0.7_ci"), QJsonArray{m.ci70[0], m.ci70[1]});
    }
    return object;
}

} // namespace

double pythonRound(double value, int digits)
{
    if (!std::isfinite(value))
        return value;
    // glibc's printf rounds the exact binary value to the nearest decimal, ties to even, which
    // is what CPython's round() does (it also goes through a correctly rounded dtoa).
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return std::strtod(buffer, nullptr);
}

NormBox migicianRescale(const NormBox &box)
{
    NormBox out = box;
    out.y1 = std::min(pythonRound(box.y1 * 1.05, 3), 0.999);
    out.y2 = std::min(pythonRound(box.y2 * 1.10, 3), 0.999);
    return out;
}

OfficialParse parseOfficialAnswer(const QString &answer, bool rescale)
{
    OfficialParse parse;
    for (const QRegularExpression &pattern : officialPatterns()) {
        auto it = pattern.globalMatch(answer);
        if (!it.hasNext())
            continue;
        const QRegularExpressionMatch first = it.next();
        parse.boxCount = 1;
        while (it.hasNext()) {
            it.next();
            ++parse.boxCount;
        }
        double v[4];
        for (int i = 0; i < 4; ++i) {
            v[i] = first.captured(i + 1).toDouble();
            // The quirk of the official script: one box divides values >= 1, several boxes
            // only values > 1 (so an exact 1 stays 1 there).
            const bool divide = parse.boxCount == 1 ? v[i] >= 1 : v[i] > 1;
            if (divide)
                v[i] = pythonRound(v[i] / 1000.0, 3);
        }
        parse.found = true;
        parse.box = NormBox{v[0], v[1], v[2], v[3]};
        if (rescale && parse.boxCount == 1)
            parse.box = migicianRescale(parse.box);
        return parse;
    }
    return parse;
}

double officialIou(const NormBox &a, const NormBox &b)
{
    const double ix1 = std::max(a.x1, b.x1);
    const double iy1 = std::max(a.y1, b.y1);
    const double ix2 = std::min(a.x2, b.x2);
    const double iy2 = std::min(a.y2, b.y2);
    const double intersection = std::max(0.0, ix2 - ix1) * std::max(0.0, iy2 - iy1);
    const double areaA = (a.x2 - a.x1) * (a.y2 - a.y1);
    const double areaB = (b.x2 - b.x1) * (b.y2 - b.y1);
    const double uni = areaA + areaB - intersection;
    return uni > 0 ? intersection / uni : 0.0;
}

std::array<double, 2> wilsonInterval(int k, int n)
{
    if (n <= 0)
        return {0.0, 1.0};
    const double z = 1.959963984540054;
    const double p = double(k) / n;
    const double z2 = z * z;
    const double denominator = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denominator;
    const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

int caseTargetImage(const QString &task, const QString &question, const QString &additionalInfo)
{
    if (task == QLatin1String("region"))
        return 1;
    if (task == QLatin1String("diff"))
        return 0;
    if (task == QLatin1String("group_grounding")) {
        const auto mentions = model::imageMentions(additionalInfo.toStdString());
        return mentions.empty() ? 0 : mentions.front();
    }
    const auto mentions = model::imageMentions(question.toStdString());
    return mentions.empty() ? 0 : mentions.back();
}

int answerImage(const QString &answer)
{
    const auto mentions = model::imageMentions(answer.toStdString());
    return mentions.empty() ? 0 : mentions.front();
}

QList<CaseScore> scoreCases(const QList<BenchCase> &cases,
                            const QList<BenchPrediction> &predictions, bool rescale)
{
    QList<CaseScore> scores;
    for (const BenchPrediction &p : predictions) {
        if (p.index < 0 || p.index >= cases.size() || p.failure)
            continue;
        const BenchCase &c = cases.at(p.index);
        CaseScore s;
        s.index = p.index;
        if (p.answer) {
            const OfficialParse official = parseOfficialAnswer(*p.answer, rescale);
            const OfficialParse raw = parseOfficialAnswer(*p.answer, false);
            s.officialIou = official.found ? officialIou(official.box, c.answer) : 0.0;
            s.rawIou = raw.found ? officialIou(raw.box, c.answer) : 0.0;
        } else if (p.box) {
            s.officialIou = officialIou(rescale ? migicianRescale(*p.box) : *p.box, c.answer);
            s.rawIou = officialIou(*p.box, c.answer);
        }
        s.targetImage = caseTargetImage(c.task, c.question, c.additionalInfo);
        s.predictedImage = p.image > 0 ? p.image : (p.answer ? answerImage(*p.answer) : 0);
        const bool wrongImage
                = s.targetImage > 0 && s.predictedImage > 0 && s.targetImage != s.predictedImage;
        s.imageAwareIou = wrongImage ? 0.0 : s.rawIou;
        scores << s;
    }
    return scores;
}

Result<ScoreReport> scoreMigBench(const QList<BenchCase> &cases,
                                  const QList<BenchPrediction> &predictions, bool rescale)
{
    for (const BenchPrediction &p : predictions)
        if (p.index < 0 || p.index >= cases.size())
            return Result<ScoreReport>::failure(
                    QStringLiteral("prediction for case %1: the bench has %2 cases")
                            .arg(p.index)
                            .arg(cases.size()));
    QMap<QString, Tally> official, raw, imageAware;
    for (const BenchPrediction &p : predictions) {
        if (!p.failure)
            continue;
        const QString &task = cases.at(p.index).task;
        ++official[task].failed;
        ++raw[task].failed;
        ++imageAware[task].failed;
    }
    for (const CaseScore &s : scoreCases(cases, predictions, rescale)) {
        const QString &task = cases.at(s.index).task;
        official[task].add(s.officialIou);
        raw[task].add(s.rawIou);
        imageAware[task].add(s.imageAwareIou);
    }
    return ScoreReport{summarise(official), summarise(raw), summarise(imageAware)};
}

QJsonObject toJson(const ScoreSet &set)
{
    QJsonObject perTask;
    for (auto it = set.perTask.begin(); it != set.perTask.end(); ++it)
        perTask.insert(it.key(), metricsJson(*it, true));
    return QJsonObject{{QStringLiteral("per_task"), perTask},
                       {QStringLiteral("macro"), metricsJson(set.macro, false)},
                       {QStringLiteral("micro"), metricsJson(set.micro, true)}};
}

QJsonObject toJson(const ScoreReport &report)
{
    return QJsonObject{{QStringLiteral("official"), toJson(report.official)},
                       {QStringLiteral("raw"), toJson(report.raw)},
                       {QStringLiteral("image_aware"), toJson(report.imageAware)}};
}

Agreement annotatorAgreement(const QMap<QString, QMap<qint64, AnnotatedBox>> &byAnnotator)
{
    Agreement agreement;
    const QStringList names = byAnnotator.keys();
    double pairIouSum = 0, pairAccSum = 0;
    for (int i = 0; i < names.size(); ++i) {
        for (int j = i + 1; j < names.size(); ++j) {
            const auto &a = byAnnotator[names[i]];
            const auto &b = byAnnotator[names[j]];
            int common = 0, hits = 0;
            double iouSum = 0;
            for (auto it = a.begin(); it != a.end(); ++it) {
                const auto other = b.find(it.key());
                if (other == b.end())
                    continue;
                const double iou
                        = it->image == other->image ? officialIou(it->box, other->box) : 0.0;
                ++common;
                hits += iou >= 0.5;
                iouSum += iou;
            }
            if (common == 0)
                continue;
            ++agreement.pairs;
            agreement.comparisons += common;
            pairIouSum += iouSum / common;
            pairAccSum += double(hits) / common;
        }
    }
    if (agreement.pairs > 0) {
        agreement.meanIou = pairIouSum / agreement.pairs;
        agreement.acc50 = pairAccSum / agreement.pairs;
    }
    return agreement;
}

} // namespace migician::annotate
