#include "annotate_logging.h"

Q_LOGGING_CATEGORY(lcStore, "migician.store")
