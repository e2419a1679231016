// Must NOT compile: model/ may not depend on OpenCV (see tests/CMakeLists.txt).
#include "model/model_error.h"
#include <opencv2/core.hpp>
