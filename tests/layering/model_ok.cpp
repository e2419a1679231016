// Control for the layering probes: a model header compiles with migician_model's usage
// requirements.
#include "model/model_error.h"
