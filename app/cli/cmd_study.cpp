// `migician study create|list|export-annotator|merge|report`: human-performance studies from
// the command line, the same operations as the workbench's study window (annotate/study*.h).
#include "cli_command.h"

#include "annotate/migbench_tasks.h"
#include "annotate/study_exchange.h"
#include "annotate/study_plan.h"
#include "annotate/study_report_format.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cstdio>

namespace migician::cli {

namespace {

using namespace migician::annotate;

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "migician study: %s\n", qPrintable(message));
    return code;
}

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
}

QString minutes(double seconds)
{
    return seconds < 90 ? QStringLiteral("%1 s").arg(seconds, 0, 'f', 0)
                        : QStringLiteral("%1 min").arg(seconds / 60, 0, 'f', 0);
}

Result<std::unique_ptr<ProjectStore>> openProject(const QStringList &positional)
{
    if (positional.size() < 2)
        return Result<std::unique_ptr<ProjectStore>>::failure(
                QStringLiteral("name the project file; see 'migician study --help'"));
    return ProjectStore::open(positional.at(1), ProjectStore::OpenMode::OpenExisting);
}

// The value of a numeric option (`fallback` when not given), at least `minimum`.
Result<qint64> number(const QCommandLineParser &parser, const QString &option, qint64 fallback,
                      qint64 minimum)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < minimum)
        return Result<qint64>::failure(QStringLiteral("--%1 expects a number of at least %2, not "
                                                      "'%3'")
                                               .arg(option)
                                               .arg(minimum)
                                               .arg(parser.value(option)));
    return value;
}

QStringList listValue(const QCommandLineParser &parser, const QString &option)
{
    QStringList values;
    for (const QString &v : parser.value(option).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!v.trimmed().isEmpty())
            values << v.trimmed();
    return values;
}

void printPlan(const StudyPlan &plan, const StudySpec &spec)
{
    for (const QString &task : plan.tasks)
        print(QStringLiteral("  %1 %2 of %3")
                      .arg(QStringLiteral("%1 (%2)").arg(table1Column(task), task), -32)
                      .arg(plan.casesByTask.value(task).size())
                      .arg(plan.available.value(task)));
    auto estimate = [&](const QString &key) {
        return plan.estimatedSeconds.contains(key)
                       ? QStringLiteral(", about %1").arg(minutes(plan.estimatedSeconds.value(key)))
                       : QString();
    };
    if (plan.casesByAnnotator.isEmpty())
        print(QStringLiteral("open study: every annotator who starts gets all %1 cases%2")
                      .arg(plan.cases().size())
                      .arg(estimate(QString())));
    for (const QString &name : spec.annotators)
        if (plan.casesByAnnotator.contains(name.trimmed()))
            print(QStringLiteral("  %1: %2 cases%3")
                          .arg(name.trimmed())
                          .arg(plan.casesByAnnotator.value(name.trimmed()).size())
                          .arg(estimate(name.trimmed())));
    print(plan.pilot.responses > 0
                  ? QStringLiteral("time estimate from %1 pilot responses (median %2 s per case)")
                            .arg(plan.pilot.responses)
                            .arg(plan.pilot.medianSeconds, 0, 'f', 1)
                  : QStringLiteral("no pilot timings in the project: no time estimate"));
    for (const QString &warning : plan.warnings)
        print(QStringLiteral("warning: ") + warning);
}

int create(const QCommandLineParser &parser, const QStringList &positional)
{
    auto store = openProject(positional);
    if (!store)
        return fail(store.error());
    StudySpec spec;
    spec.name = parser.value(QStringLiteral("name"));
    const auto perTask = number(parser, QStringLiteral("per-task"), 0, 1);
    const auto seed = number(parser, QStringLiteral("seed"), 0, 0);
    const auto assistRun = number(parser, QStringLiteral("assist-run"), 0, 1);
    const auto overlap = number(parser, QStringLiteral("overlap"), 1, 1);
    for (const auto *value : {&perTask, &seed, &assistRun, &overlap})
        if (!*value)
            return fail(value->error(), 2);
    spec.casesPerTask = int(*perTask);
    spec.seed = quint64(*seed);
    spec.runId = *assistRun;
    spec.overlap = int(*overlap);
    spec.tasks = listValue(parser, QStringLiteral("tasks"));
    spec.annotators = listValue(parser, QStringLiteral("annotators"));
    const QString mode = parser.value(QStringLiteral("mode"));
    if (mode != QLatin1String("blind") && mode != QLatin1String("assisted"))
        return fail(QStringLiteral("--mode is blind or assisted, not '%1'").arg(mode), 2);
    spec.condition
            = mode == QLatin1String("assisted") ? StudyCondition::Assisted : StudyCondition::Blind;
    if (spec.runId > 0 && spec.condition != StudyCondition::Assisted)
        return fail(QStringLiteral("--assist-run needs --mode assisted"), 2);

    const auto plan = planStudy(*store.value(), spec);
    if (!plan)
        return fail(plan.error());
    if (!plan->ok()) {
        std::fprintf(stderr, "migician study: %s: study '%s' refused:\n",
                     qPrintable(store.value()->fileName()), qPrintable(spec.name));
        for (const QString &error : plan->errors)
            std::fprintf(stderr, "  %s\n", qPrintable(error));
        return 1;
    }
    const QString summary = QStringLiteral("'%1' (%2, seed %3): %4 cases, %5 per task")
                                    .arg(spec.name, mode)
                                    .arg(spec.seed)
                                    .arg(plan->cases().size())
                                    .arg(spec.casesPerTask);
    if (parser.isSet(QStringLiteral("dry-run"))) {
        print(QStringLiteral("would create study ") + summary);
        printPlan(*plan, spec);
        return 0;
    }
    const auto id = createStudy(*store.value(), spec);
    if (!id)
        return fail(id.error());
    print(QStringLiteral("created study %1 ").arg(*id) + summary);
    printPlan(*plan, spec);
    return 0;
}

int list(const QStringList &positional)
{
    auto store = openProject(positional);
    if (!store)
        return fail(store.error());
    const auto studies = listStudies(*store.value());
    if (!studies)
        return fail(studies.error());
    if (studies->isEmpty())
        print(QStringLiteral("%1: no study").arg(store.value()->fileName()));
    for (const StudyInfo &s : *studies) {
        print(QStringLiteral("%1 '%2': %3, %4 cases, seed %5, annotators %6")
                      .arg(s.id)
                      .arg(s.name, s.condition == StudyCondition::Assisted
                                           ? QStringLiteral("assisted (run #%1)").arg(s.runId)
                                           : QStringLiteral("blind"))
                      .arg(s.cases)
                      .arg(s.seed)
                      .arg(s.annotators.isEmpty()
                                   ? QStringLiteral("open")
                                   : QStringLiteral("%1 (%2 per case)")
                                             .arg(s.annotators.join(QStringLiteral(", ")))
                                             .arg(s.overlap)));
        const auto progress = studyProgress(*store.value(), s.id);
        if (!progress)
            return fail(progress.error());
        for (const AnnotatorProgress &p : *progress)
            print(QStringLiteral("  %1: %2 of %3 done (%4 skipped)")
                          .arg(p.annotator)
                          .arg(p.done())
                          .arg(p.assigned)
                          .arg(p.skipped));
    }
    return 0;
}

int exportAnnotator(const QCommandLineParser &parser, const QStringList &positional)
{
    auto store = openProject(positional);
    if (!store)
        return fail(store.error());
    if (!parser.isSet(QStringLiteral("study")) || !parser.isSet(QStringLiteral("annotator"))
        || !parser.isSet(QStringLiteral("out")))
        return fail(QStringLiteral("usage: migician study export-annotator PROJECT --study ID "
                                   "--annotator NAME --out FILE.migician [--images "
                                   "copy|reference]"),
                    2);
    const QString images = parser.value(QStringLiteral("images"));
    if (images != QLatin1String("copy") && images != QLatin1String("reference"))
        return fail(QStringLiteral("--images is copy or reference, not '%1'").arg(images), 2);
    const auto study = findStudy(*store.value(), parser.value(QStringLiteral("study")));
    if (!study)
        return fail(study.error());
    AnnotatorExport request;
    request.studyId = study->id;
    request.annotator = parser.value(QStringLiteral("annotator"));
    request.outFile = parser.value(QStringLiteral("out"));
    request.images = images == QLatin1String("copy") ? ExportImages::Copy : ExportImages::Reference;
    const auto report = exportAnnotatorProject(*store.value(), request);
    if (!report)
        return fail(report.error());
    print(QStringLiteral("wrote %1: %2 cases of %3 in study '%4' (%5 already answered)")
                  .arg(report->outFile)
                  .arg(report->cases)
                  .arg(request.annotator, study->name)
                  .arg(report->responses));
    print(images == QLatin1String("copy")
                  ? QStringLiteral("images: %1 files copied to %2")
                            .arg(report->imagesCopied)
                            .arg(report->imagesRoot)
                  : QStringLiteral("images: referenced as %1 (relative to the new file)")
                            .arg(report->imagesRoot));
    if (!report->missingImages.isEmpty())
        print(QStringLiteral("warning: %1 image files are missing, e.g. %2")
                      .arg(report->missingImages.size())
                      .arg(report->missingImages.first()));
    return 0;
}

int merge(const QStringList &positional)
{
    if (positional.size() < 3)
        return fail(QStringLiteral("usage: migician study merge PROJECT FILE.migician ..."), 2);
    auto store = openProject(positional);
    if (!store)
        return fail(store.error());
    int failed = 0;
    for (const QString &file : positional.mid(2)) {
        const auto merged = mergeStudyFile(*store.value(), file);
        if (!merged) {
            ++failed;
            std::fprintf(stderr, "migician study: %s\n", qPrintable(merged.error()));
            continue;
        }
        print(QStringLiteral("%1: study '%2', annotators %3: %4 added, %5 replaced by later "
                             "answers, %6 already merged, %7 kept (the project's were later), "
                             "%8 open cases' progress updated")
                      .arg(file, merged->studies.join(QStringLiteral(", ")),
                           merged->annotators.join(QStringLiteral(", ")))
                      .arg(merged->added)
                      .arg(merged->replaced)
                      .arg(merged->unchanged)
                      .arg(merged->keptNewer)
                      .arg(merged->progressUpdated));
    }
    return failed > 0 ? 1 : 0;
}

int report(const QCommandLineParser &parser, const QStringList &positional)
{
    auto store = openProject(positional);
    if (!store)
        return fail(store.error());
    if (!parser.isSet(QStringLiteral("study")))
        return fail(QStringLiteral("usage: migician study report PROJECT --study ID "
                                   "[--json|--csv|--markdown]"),
                    2);
    const int formats = int(parser.isSet(QStringLiteral("json")))
                        + int(parser.isSet(QStringLiteral("csv")))
                        + int(parser.isSet(QStringLiteral("markdown")));
    if (formats > 1)
        return fail(QStringLiteral("give one of --json, --csv and --markdown"), 2);
    const auto study = findStudy(*store.value(), parser.value(QStringLiteral("study")));
    if (!study)
        return fail(study.error());
    const auto report = studyReport(*store.value(), study->id);
    if (!report)
        return fail(report.error());
    QByteArray out;
    if (parser.isSet(QStringLiteral("json")))
        out = QJsonDocument(studyReportJson(*report)).toJson(QJsonDocument::Indented);
    else if (parser.isSet(QStringLiteral("csv")))
        out = studyReportCsv(*report).toUtf8();
    else
        out = studyReportMarkdown(*report).toUtf8();
    std::fwrite(out.constData(), 1, std::size_t(out.size()), stdout);
    return 0;
}

} // namespace

int runStudy(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Human-performance studies (MIG-Bench Table 1's human row) in a project.\n"
            "  create PROJECT --name NAME --per-task N [--tasks t1,t2] [--seed S]\n"
            "         [--mode blind|assisted] [--assist-run RUN] [--annotators a,b,c]\n"
            "         [--overlap K] [--dry-run]\n"
            "  list PROJECT\n"
            "  export-annotator PROJECT --study ID --annotator NAME --out FILE.migician\n"
            "         [--images copy|reference]\n"
            "  merge PROJECT FILE.migician ...\n"
            "  report PROJECT --study ID [--json|--csv|--markdown]\n"
            "A skipped case counts as a miss; the report states the skip rate beside it."));
    parser.addHelpOption();
    const QList<QCommandLineOption> options{
            {QStringLiteral("name"), QStringLiteral("Name of the new study."),
             QStringLiteral("NAME")},
            {QStringLiteral("per-task"), QStringLiteral("Cases per task (with ground truth)."),
             QStringLiteral("N")},
            {QStringLiteral("tasks"), QStringLiteral("Comma-separated tasks (default: all)."),
             QStringLiteral("t1,t2")},
            {QStringLiteral("seed"),
             QStringLiteral("Seed of the sample and the orders (default 0)."), QStringLiteral("S")},
            {QStringLiteral("mode"), QStringLiteral("blind (default) or assisted."),
             QStringLiteral("MODE"), QStringLiteral("blind")},
            {QStringLiteral("assist-run"),
             QStringLiteral("Run whose boxes an assisted study shows."), QStringLiteral("RUN")},
            {QStringLiteral("annotators"),
             QStringLiteral("Comma-separated annotators (default: open to anyone)."),
             QStringLiteral("a,b")},
            {QStringLiteral("overlap"), QStringLiteral("Annotators per case (default 1)."),
             QStringLiteral("K")},
            {QStringLiteral("dry-run"), QStringLiteral("Show the plan without creating it.")},
            {QStringLiteral("study"), QStringLiteral("Study id or name."), QStringLiteral("ID")},
            {QStringLiteral("annotator"), QStringLiteral("Annotator to export for."),
             QStringLiteral("NAME")},
            {QStringLiteral("out"), QStringLiteral("File to write."), QStringLiteral("FILE")},
            {QStringLiteral("images"),
             QStringLiteral("copy (default): images copied beside the file; reference: kept "
                            "where they are, by a relative path."),
             QStringLiteral("HOW"), QStringLiteral("copy")},
            {QStringLiteral("json"), QStringLiteral("Report as JSON.")},
            {QStringLiteral("csv"), QStringLiteral("Report as CSV (one line per row and task).")},
            {QStringLiteral("markdown"),
             QStringLiteral("Report as Markdown in Table 1's layout (default).")},
    };
    parser.addOptions(options);
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("create | list | export-annotator | merge | "
                                                "report"));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.process(arguments);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == QLatin1String("create")) {
        if (!parser.isSet(QStringLiteral("name")) || !parser.isSet(QStringLiteral("per-task")))
            return fail(QStringLiteral("usage: migician study create PROJECT --name NAME "
                                       "--per-task N [...]; see --help"),
                        2);
        return create(parser, positional);
    }
    if (action == QLatin1String("list"))
        return list(positional);
    if (action == QLatin1String("export-annotator"))
        return exportAnnotator(parser, positional);
    if (action == QLatin1String("merge"))
        return merge(positional);
    if (action == QLatin1String("report"))
        return report(parser, positional);
    return fail(QStringLiteral("unknown action '%1'; see 'migician study --help'").arg(action), 2);
}

} // namespace migician::cli
