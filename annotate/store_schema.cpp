#include "annotate/store_schema.h"

namespace migician::annotate {

namespace {

// Version 1. Boxes are stored as four REAL columns normalised to the image (x1,y1,x2,y2);
// times as ISO 8601 UTC text with milliseconds. Nothing is ever deleted from edit_log (the
// triggers refuse it), and annotations are soft-deleted so that the log keeps its targets.
QStringList version1()
{
    return {
            QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE images("
                           " id INTEGER PRIMARY KEY,"
                           " path TEXT NOT NULL UNIQUE,"
                           " content_hash TEXT,"
                           " width INTEGER CHECK(width IS NULL OR width > 0),"
                           " height INTEGER CHECK(height IS NULL OR height > 0),"
                           " missing INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE image_sets("
                           " id INTEGER PRIMARY KEY, name TEXT NOT NULL, folder TEXT NOT NULL,"
                           " created TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE image_set_members("
                           " image_set_id INTEGER NOT NULL REFERENCES image_sets(id),"
                           " image_id INTEGER NOT NULL REFERENCES images(id),"
                           " PRIMARY KEY(image_set_id, image_id))"),
            QStringLiteral("CREATE TABLE cases("
                           " id INTEGER PRIMARY KEY,"
                           " source TEXT NOT NULL,"
                           " source_index INTEGER NOT NULL DEFAULT -1,"
                           " task TEXT NOT NULL,"
                           " question TEXT NOT NULL,"
                           " gt_x1 REAL, gt_y1 REAL, gt_x2 REAL, gt_y2 REAL,"
                           " gt_image INTEGER NOT NULL DEFAULT 0,"
                           " additional_info TEXT NOT NULL DEFAULT '',"
                           " need_format INTEGER NOT NULL DEFAULT 0,"
                           " created TEXT NOT NULL)"),
            QStringLiteral("CREATE UNIQUE INDEX cases_by_source ON cases(source, source_index)"
                           " WHERE source_index >= 0"),
            QStringLiteral("CREATE INDEX cases_by_task ON cases(task)"),
            QStringLiteral("CREATE TABLE case_images("
                           " case_id INTEGER NOT NULL REFERENCES cases(id),"
                           " position INTEGER NOT NULL CHECK(position >= 1),"
                           " image_id INTEGER NOT NULL REFERENCES images(id),"
                           " PRIMARY KEY(case_id, position))"),
            QStringLiteral("CREATE TABLE queries("
                           " id INTEGER PRIMARY KEY,"
                           " case_id INTEGER REFERENCES cases(id),"
                           " text TEXT NOT NULL,"
                           " ref_image_id INTEGER REFERENCES images(id),"
                           " ref_x1 REAL, ref_y1 REAL, ref_x2 REAL, ref_y2 REAL,"
                           " created TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE runs("
                           " id INTEGER PRIMARY KEY,"
                           " backend TEXT NOT NULL, model_folder TEXT NOT NULL,"
                           " config_checksum TEXT NOT NULL, parameters_json TEXT NOT NULL,"
                           " started TEXT NOT NULL, duration_ms INTEGER)"),
            QStringLiteral("CREATE TABLE predictions("
                           " id INTEGER PRIMARY KEY,"
                           " run_id INTEGER REFERENCES runs(id),"
                           " case_id INTEGER REFERENCES cases(id),"
                           " query_id INTEGER REFERENCES queries(id),"
                           " raw_answer TEXT NOT NULL,"
                           " latency_ms INTEGER,"
                           " created TEXT NOT NULL,"
                           " CHECK((case_id IS NULL) <> (query_id IS NULL)))"),
            QStringLiteral("CREATE INDEX predictions_by_case ON predictions(case_id)"),
            QStringLiteral(
                    "CREATE TABLE prediction_boxes("
                    " prediction_id INTEGER NOT NULL REFERENCES predictions(id),"
                    " position INTEGER NOT NULL,"
                    " image INTEGER NOT NULL,"
                    " x1 REAL NOT NULL, y1 REAL NOT NULL, x2 REAL NOT NULL, y2 REAL NOT NULL,"
                    " px1 REAL, py1 REAL, px2 REAL, py2 REAL,"
                    " PRIMARY KEY(prediction_id, position))"),
            QStringLiteral("CREATE TABLE annotators("
                           " id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                           " created TEXT NOT NULL)"),
            QStringLiteral(
                    "CREATE TABLE annotations("
                    " id INTEGER PRIMARY KEY,"
                    " case_id INTEGER REFERENCES cases(id),"
                    " query_id INTEGER REFERENCES queries(id),"
                    " image INTEGER NOT NULL CHECK(image >= 1),"
                    " x1 REAL NOT NULL, y1 REAL NOT NULL, x2 REAL NOT NULL, y2 REAL NOT NULL,"
                    " label TEXT NOT NULL DEFAULT '',"
                    " source TEXT NOT NULL CHECK(source IN ('model','human','corrected')),"
                    " review TEXT NOT NULL DEFAULT 'pending'"
                    "  CHECK(review IN ('pending','accepted','rejected')),"
                    " prediction_id INTEGER REFERENCES predictions(id),"
                    " annotator_id INTEGER NOT NULL REFERENCES annotators(id),"
                    " deleted INTEGER NOT NULL DEFAULT 0,"
                    " created TEXT NOT NULL, modified TEXT NOT NULL,"
                    " CHECK((case_id IS NULL) <> (query_id IS NULL)))"),
            QStringLiteral("CREATE INDEX annotations_by_case ON annotations(case_id)"),
            QStringLiteral("CREATE TABLE edit_log("
                           " id INTEGER PRIMARY KEY,"
                           " annotation_id INTEGER NOT NULL REFERENCES annotations(id),"
                           " action TEXT NOT NULL CHECK(action IN ('create','move','resize',"
                           "  'delete','accept','reject','move_image')),"
                           " annotator_id INTEGER NOT NULL REFERENCES annotators(id),"
                           " timestamp TEXT NOT NULL,"
                           " duration_ms INTEGER NOT NULL CHECK(duration_ms >= 0),"
                           " before_json TEXT NOT NULL DEFAULT '',"
                           " after_json TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX edit_log_by_annotation ON edit_log(annotation_id)"),
            QStringLiteral("CREATE TRIGGER edit_log_append_only_update BEFORE UPDATE ON edit_log"
                           " BEGIN SELECT RAISE(ABORT, 'edit_log is append-only'); END"),
            QStringLiteral("CREATE TRIGGER edit_log_append_only_delete BEFORE DELETE ON edit_log"
                           " BEGIN SELECT RAISE(ABORT, 'edit_log is append-only'); END"),
            QStringLiteral("CREATE TABLE studies("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL UNIQUE,"
                           " condition TEXT NOT NULL CHECK(condition IN ('blind','assisted')),"
                           " seed INTEGER NOT NULL,"
                           " fractions_json TEXT NOT NULL,"
                           " run_id INTEGER REFERENCES runs(id),"
                           " created TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE study_cases("
                           " study_id INTEGER NOT NULL REFERENCES studies(id),"
                           " case_id INTEGER NOT NULL REFERENCES cases(id),"
                           " PRIMARY KEY(study_id, case_id))"),
            QStringLiteral("CREATE TABLE study_assignments("
                           " id INTEGER PRIMARY KEY,"
                           " study_id INTEGER NOT NULL REFERENCES studies(id),"
                           " annotator_id INTEGER NOT NULL REFERENCES annotators(id),"
                           " case_id INTEGER NOT NULL REFERENCES cases(id),"
                           " position INTEGER NOT NULL,"
                           " active_ms INTEGER NOT NULL DEFAULT 0,"
                           " UNIQUE(study_id, annotator_id, position),"
                           " UNIQUE(study_id, annotator_id, case_id))"),
            QStringLiteral("CREATE TABLE study_responses("
                           " id INTEGER PRIMARY KEY,"
                           " assignment_id INTEGER NOT NULL UNIQUE"
                           "  REFERENCES study_assignments(id),"
                           " status TEXT NOT NULL CHECK(status IN ('answered','skipped')),"
                           " image INTEGER,"
                           " x1 REAL, y1 REAL, x2 REAL, y2 REAL,"
                           " active_ms INTEGER NOT NULL,"
                           " annotation_id INTEGER REFERENCES annotations(id),"
                           " finished TEXT NOT NULL)"),
    };
}

// Study planning (issue 15): a study samples N cases per task for a fixed list of annotators with
// K annotators per case, and travels to annotators' laptops and back. `uid` names a study and
// each assignment across copies of a project (merge matches on them, never on row ids, which
// differ between files); SQLite cannot default a column to a random value, so rows written
// before this migration get theirs here and new rows get one from the writer.
QStringList studyPlanningMigration()
{
    return {
            QStringLiteral("ALTER TABLE studies ADD COLUMN uid TEXT"),
            QStringLiteral("ALTER TABLE studies ADD COLUMN per_task INTEGER"),
            QStringLiteral("ALTER TABLE studies ADD COLUMN overlap INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE studies SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL"),
            QStringLiteral("CREATE UNIQUE INDEX studies_by_uid ON studies(uid)"),
            QStringLiteral("CREATE TABLE study_annotators("
                           " study_id INTEGER NOT NULL REFERENCES studies(id),"
                           " annotator_id INTEGER NOT NULL REFERENCES annotators(id),"
                           " position INTEGER NOT NULL,"
                           " PRIMARY KEY(study_id, annotator_id))"),
            QStringLiteral("ALTER TABLE study_assignments ADD COLUMN uid TEXT"),
            QStringLiteral("UPDATE study_assignments SET uid = lower(hex(randomblob(16)))"
                           " WHERE uid IS NULL"),
            QStringLiteral("CREATE UNIQUE INDEX study_assignments_by_uid"
                           " ON study_assignments(uid)"),
    };
}

// Failed cases of batch evaluations (out of memory, a decode error, a missing image): not
// predictions, kept so that the next run of the same evaluation retries them and says why they
// failed (annotate/evaluation_failures.h). One row per run and case.
QStringList evaluationFailuresMigration()
{
    return {QStringLiteral("CREATE TABLE evaluation_failures("
                           " run_id INTEGER NOT NULL REFERENCES runs(id),"
                           " case_id INTEGER NOT NULL REFERENCES cases(id),"
                           " reason TEXT NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 1 CHECK(attempts >= 1),"
                           " last_attempt TEXT NOT NULL,"
                           " PRIMARY KEY(run_id, case_id))")};
}

} // namespace

const std::vector<QStringList> &schemaMigrations()
{
    static const std::vector<QStringList> migrations{version1(), studyPlanningMigration(),
                                                     evaluationFailuresMigration()};
    return migrations;
}

} // namespace migician::annotate
