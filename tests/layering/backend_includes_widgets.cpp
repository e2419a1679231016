// Must NOT compile: the backend library (what the headless `migician` command links) may not
// depend on Qt Widgets (see tests/CMakeLists.txt).
#include <QImage>
#include <QWidget>
