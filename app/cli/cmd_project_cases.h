// `migician project add-case` and `migician project cases`: composed cases from scripts.
#pragma once

#include <QStringList>

namespace migician::cli {

struct AddCaseOptions
{
    QStringList images; // as given: relative to the working directory or absolute
    QString question;
    QString task;
    QString imagesRoot; // sets the project's images root on first use
    QString author;
};

// "migician project: MESSAGE" on stderr; returns `code` (defined in cmd_project.cpp).
int projectFailure(const QString &message, int code = 1);

int addCaseCommand(const QStringList &positional, const AddCaseOptions &options);
int casesCommand(const QStringList &positional, bool json);

} // namespace migician::cli
