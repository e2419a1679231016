// Must NOT compile: annotate/ may not depend on Qt Widgets (see tests/CMakeLists.txt).
#include <QSqlDatabase>
#include <QWidget>
