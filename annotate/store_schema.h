// The project schema as forward migrations: migration k (1-based) takes a file from
// user_version k-1 to k. Version 0 is an empty file.
#pragma once

#include <QStringList>

#include <vector>

namespace migician::annotate {

// statements of each migration, index 0 = migration to version 1
const std::vector<QStringList> &schemaMigrations();

} // namespace migician::annotate
