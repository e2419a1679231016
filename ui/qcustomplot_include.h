// qcustomplot.h uses the Qt keywords (signals:, slots:, emit, foreach) that QT_NO_KEYWORDS turns
// off for the whole project (they clash with libtorch). Include QCustomPlot only through here: the
// keywords are defined around it and removed again.
#pragma once

#ifdef QT_NO_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#define MIGICIAN_QCP_KEYWORDS_DEFINED
#endif

#include <qcustomplot.h>

#ifdef MIGICIAN_QCP_KEYWORDS_DEFINED
#undef signals
#undef slots
#undef emit
#undef foreach
#undef MIGICIAN_QCP_KEYWORDS_DEFINED
#endif
