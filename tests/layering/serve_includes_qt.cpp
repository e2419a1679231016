// Must NOT compile: app/serve/ (migician serve) builds where only libtorch exists, so Qt is not
// on its include path.
#include "serve/openai_server.h"

#include <QString>

QString shouldNotCompile();
