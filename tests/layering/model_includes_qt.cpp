// Must NOT compile: model/ may not depend on Qt (see tests/CMakeLists.txt).
#include "model/model_error.h"
#include <QString>
