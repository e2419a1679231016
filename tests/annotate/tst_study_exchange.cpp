// Studies across machines (issue 15): a copy of one annotator's cases with their images copied
// or referenced, without the ground truth, with the assisted run's suggestions; answers given in
// the copy merged back once however often the file is merged; a later answer replaces an
// earlier one and never the other way round; a file of another study refused without changing
// anything; a cancelled export leaves nothing behind.
#include "annotate_test_util.h"
#include "study_test_project.h"
#include "support/qt_test_registry.h"

#include "annotate/study_exchange.h"
#include "annotate/study_report.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace migician::annotate;
using namespace migician::test;

namespace {

// Answers every open case of `annotator` with `box` (or skips when nullopt); returns how many.
int answerAll(ProjectStore &store, qint64 studyId, const QString &annotator,
              const std::optional<NormBox> &box, const QString &finished = {})
{
    int answered = 0;
    while (true) {
        const auto next = nextItem(store, studyId, annotator);
        if (!next || !next->has_value())
            return answered;
        if (!recordResponse(store, (*next)->assignmentId, box ? 2 : 0, box, 1500, finished))
            return -1;
        ++answered;
    }
}

void writeImages(const QString &root, const ProjectStore &store)
{
    for (const ImageInfo &image : store.listImages().value()) {
        QDir(root).mkpath(QFileInfo(image.relativePath).path());
        writeFile(QDir(root).filePath(image.relativePath), image.relativePath.toUtf8());
    }
}

} // namespace

class StudyExchangeTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    const QMap<QString, int> m_tasks{{QStringLiteral("diff"), 4}, {QStringLiteral("region"), 4}};

    std::unique_ptr<ProjectStore> project(const QString &name)
    {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        auto store = studyProject(QDir(folder).filePath(QStringLiteral("main.migician")), m_tasks);
        if (store)
            writeImages(folder, *store);
        return store;
    }

    qint64 twoAnnotatorStudy(ProjectStore &store, const QString &name = QStringLiteral("s"))
    {
        StudySpec spec;
        spec.name = name;
        spec.casesPerTask = 3;
        spec.annotators = {QStringLiteral("ann"), QStringLiteral("ben")};
        spec.overlap = 1;
        const auto id = createStudy(store, spec);
        return id ? *id : 0;
    }

private Q_SLOTS:
    void exportsAnswersAndMergesOnce()
    {
        auto main = project(QStringLiteral("once"));
        QVERIFY(main);
        const qint64 study = twoAnnotatorStudy(*main);
        QVERIFY(study > 0);
        // ann answers her first case at the lab before leaving with the rest.
        const auto first = nextItem(*main, study, QStringLiteral("ann"));
        QVERIFY(recordResponse(*main, (*first)->assignmentId, 2, NormBox{0.1, 0.2, 0.5, 0.6}, 900)
                        .ok());
        const QString out = m_dir.filePath(QStringLiteral("once/laptop/ann.migician"));
        QDir().mkpath(QFileInfo(out).path());
        AnnotatorExport request{study, QStringLiteral("ann"), out, ExportImages::Copy};
        const auto exported = exportAnnotatorProject(*main, request);
        QVERIFY2(exported.ok(), qPrintable(exported.error()));
        const int cases = exported->cases;
        QCOMPARE(cases, (*first)->total);
        QCOMPARE(exported->responses, 1);
        QCOMPARE(exported->imagesRoot, QStringLiteral("ann-images"));
        QVERIFY(exported->imagesCopied > 0);
        QVERIFY(exported->missingImages.isEmpty());
        QVERIFY(!exportAnnotatorProject(*main, request)); // never overwrites

        {
            auto laptop = ProjectStore::open(out, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(laptop.ok());
            ProjectStore &copy = **laptop;
            QCOMPARE(*copy.imagesRoot(),
                     QDir::cleanPath(m_dir.filePath(QStringLiteral("once/laptop/ann-images"))));
            const auto info = studyExportInfo(copy);
            QVERIFY(info.ok() && info->has_value());
            QCOMPARE((*info)->annotator, QStringLiteral("ann"));
            QCOMPARE((*info)->studyUid, studyById(*main, study)->uid);
            const auto studies = listStudies(copy);
            QCOMPARE(studies->size(), 1);
            const StudyInfo &s = studies->first();
            QCOMPARE(s.annotators, QStringList{QStringLiteral("ann")});
            QCOMPARE(s.cases, cases);
            // Only her cases, no ground truth, the images beside the file.
            QCOMPARE(countRows(copy, QStringLiteral("cases")), cases);
            for (const CaseSummary &c : copy.listCases().value()) {
                const auto full = copy.caseById(c.id);
                QVERIFY(!full->groundTruth);
                for (const ImageInfo &image : full->images)
                    QVERIFY(QFileInfo::exists(
                            QDir(*copy.imagesRoot()).filePath(image.relativePath)));
            }
            // ben cannot work in ann's copy; ann resumes after her answered case.
            QVERIFY(!assignAnnotator(copy, s.id, QStringLiteral("ben")));
            QCOMPARE((*nextItem(copy, s.id, QStringLiteral("ann")))->position, 1);
            QCOMPARE(answerAll(copy, s.id, QStringLiteral("ann"), NormBox{0.1, 0.2, 0.5, 0.6}),
                     cases - 1);
        }

        const auto merged = mergeStudyFile(*main, out);
        QVERIFY2(merged.ok(), qPrintable(merged.error()));
        QCOMPARE(merged->added, cases - 1);
        QCOMPARE(merged->unchanged, 1);
        QCOMPARE(merged->replaced, 0);
        QCOMPARE(merged->annotators, QStringList{QStringLiteral("ann")});
        QCOMPARE(merged->studies, QStringList{QStringLiteral("s")});
        const int annotations = countRows(*main, QStringLiteral("annotations"));
        const auto again = mergeStudyFile(*main, out);
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(again->added, 0);
        QCOMPARE(again->unchanged, cases);
        QCOMPARE(countRows(*main, QStringLiteral("annotations")), annotations);
        const auto responses = studyResponses(*main, study);
        QCOMPARE(responses->size(), cases); // each answer once
        QCOMPARE(countRows(*main, QStringLiteral("study_responses")), cases);
        QVERIFY(!nextItem(*main, study, QStringLiteral("ann"))->has_value());
        QCOMPARE(studyReport(*main, study)->humans().responses, cases);
    }

    void laterAnswersWinEitherWay()
    {
        auto main = project(QStringLiteral("later"));
        QVERIFY(main);
        const qint64 study = twoAnnotatorStudy(*main);
        const QString out = m_dir.filePath(QStringLiteral("later/ben.migician"));
        QVERIFY(exportAnnotatorProject(*main,
                                       {study, QStringLiteral("ben"), out, ExportImages::Reference})
                        .ok());
        const NormBox lab{0.1, 0.1, 0.2, 0.2}, laptopBox{0.3, 0.3, 0.6, 0.6};
        {
            auto laptop = ProjectStore::open(out, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(laptop.ok());
            // The relative root reaches the original images.
            QCOMPARE(*(*laptop)->imagesRoot(), *main->imagesRoot());
            const qint64 copyStudy = listStudies(**laptop)->first().id;
            // ben's first case: answered on the laptop in 2020, at the lab now (later).
            // Every other case: answered at the lab in 2020, on the laptop now (later).
            const auto item = nextItem(**laptop, copyStudy, QStringLiteral("ben"));
            QVERIFY(recordResponse(**laptop, (*item)->assignmentId, 2, laptopBox, 100,
                                   QStringLiteral("2020-01-01T00:00:00.000Z"))
                            .ok());
            QVERIFY(answerAll(**laptop, copyStudy, QStringLiteral("ben"), laptopBox) > 0);
        }
        const auto firstLab = nextItem(*main, study, QStringLiteral("ben"));
        const qint64 firstCase = (*firstLab)->caseId;
        QVERIFY(recordResponse(*main, (*firstLab)->assignmentId, 2, lab, 100).ok());
        const int rest = answerAll(*main, study, QStringLiteral("ben"), std::nullopt,
                                   QStringLiteral("2020-01-01T00:00:00.000Z"));
        QVERIFY(rest > 0);
        const auto merged = mergeStudyFile(*main, out);
        QVERIFY2(merged.ok(), qPrintable(merged.error()));
        QCOMPARE(merged->keptNewer, 1);
        QCOMPARE(merged->replaced, rest);
        QCOMPARE(merged->added, 0);
        for (const StudyResponse &r : studyResponses(*main, study).value()) {
            QVERIFY(!r.skipped); // the skips of 2020 were replaced by the later answers
            QCOMPARE(r.box, r.caseId == firstCase ? lab : laptopBox);
        }
        // The replaced skips became human annotations of ben, with their edit log.
        int bens = 0;
        for (const qint64 id : studyCases(*main, study).value())
            for (const AnnotationInfo &a : main->annotationsForCase(id).value())
                bens += a.author == QLatin1String("ben");
        QCOMPARE(bens, rest + 1);
        const auto again = mergeStudyFile(*main, out);
        QCOMPARE(again->replaced, 0);
        QCOMPARE(again->unchanged, rest);
        QCOMPARE(again->keptNewer, 1);
    }

    void refusesAFileOfAnotherStudy()
    {
        auto main = project(QStringLiteral("mine"));
        auto other = project(QStringLiteral("theirs"));
        QVERIFY(main && other);
        const qint64 mine = twoAnnotatorStudy(*main);
        // Same name, same bench, same annotators: still another study.
        const qint64 theirs = twoAnnotatorStudy(*other);
        const QString out = m_dir.filePath(QStringLiteral("theirs/ann.migician"));
        QVERIFY(exportAnnotatorProject(
                        *other, {theirs, QStringLiteral("ann"), out, ExportImages::Reference})
                        .ok());
        {
            auto laptop = ProjectStore::open(out, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(answerAll(**laptop, listStudies(**laptop)->first().id, QStringLiteral("ann"),
                              NormBox{0, 0, 1, 1})
                    > 0);
        }
        const auto refused = mergeStudyFile(*main, out);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("its study 's' is not a study of")),
                 qPrintable(refused.error()));
        QVERIFY(refused.error().contains(QLatin1String("nothing merged")));
        QCOMPARE(countRows(*main, QStringLiteral("study_responses")), 0);
        QCOMPARE(countRows(*main, QStringLiteral("annotations")), 0);
        QVERIFY(mine > 0);
        QVERIFY(!mergeStudyFile(*main, main->fileName()));
        QVERIFY(mergeStudyFile(*main, m_dir.filePath(QStringLiteral("missing.migician")))
                        .error()
                        .contains(QLatin1String("no such file")));
    }

    void carriesSuggestionsAndCancelsCleanly()
    {
        auto main = project(QStringLiteral("assisted"));
        QVERIFY(main);
        const auto run = main->createRun(
                NewRun{QStringLiteral("opencv"), {}, {}, QStringLiteral("{\"evaluation\":{}}")});
        for (const CaseSummary &c : main->listCases().value()) {
            NewPrediction p;
            p.runId = *run;
            p.caseId = c.id;
            p.rawAnswer = QStringLiteral("<|box_start|>(100,100),(500,500)<|box_end|>");
            p.boxes = {PredictedBox{2, NormBox{0.1, 0.1, 0.5, 0.5}, std::nullopt}};
            QVERIFY(main->recordPrediction(p).ok());
        }
        StudySpec spec;
        spec.name = QStringLiteral("assisted");
        spec.casesPerTask = 2;
        spec.condition = StudyCondition::Assisted;
        spec.runId = *run; // open study: whoever is exported for is assigned then
        const qint64 study = *createStudy(*main, spec);
        const QString out = m_dir.filePath(QStringLiteral("assisted/dan.migician"));
        const auto cancelled = exportAnnotatorProject(
                *main, {study, QStringLiteral("dan"), out, ExportImages::Copy},
                [](int done, int) { return done < 2; });
        QVERIFY(!cancelled);
        QVERIFY(cancelled.error().contains(QLatin1String("cancelled")));
        QVERIFY(!QFileInfo::exists(out));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("assisted/dan-images"))));
        int calls = 0;
        const auto exported = exportAnnotatorProject(
                *main, {study, QStringLiteral("dan"), out, ExportImages::Copy},
                [&](int, int total) {
                    ++calls;
                    return total == 4;
                });
        QVERIFY2(exported.ok(), qPrintable(exported.error()));
        QCOMPARE(calls, 5); // per case, and once at the end
        auto laptop = ProjectStore::open(out, ProjectStore::OpenMode::OpenExisting);
        const StudyInfo copy = listStudies(**laptop)->first();
        QCOMPARE(copy.condition, StudyCondition::Assisted);
        QVERIFY(copy.runId > 0);
        for (const CaseSummary &c : (*laptop)->listCases().value()) {
            const auto predictions = (*laptop)->predictionsForCase(c.id);
            QCOMPARE(predictions->size(), 1);
            QCOMPARE(predictions->first().runId, copy.runId);
            QCOMPARE(predictions->first().boxes.first().box, (NormBox{0.1, 0.1, 0.5, 0.5}));
        }
    }
};

MIGICIAN_TEST_CLASS(StudyExchangeTest)
#include "tst_study_exchange.moc"
