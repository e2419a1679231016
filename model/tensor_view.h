// Turns a mapped safetensors view into an at::Tensor without copying. The only bridge between the
// torch-free loader (safetensors.h) and ATen.
#pragma once

#include "model/safetensors.h"

#include <ATen/ATen.h>

namespace migician::model {

at::ScalarType scalarType(StDtype dtype);

// A zero-copy view of the mapped bytes (from_blob). The mapping is read-only (PROT_READ): the
// tensor must NEVER be written to (that would fault), and it is only valid while the owning
// SafetensorsFile / Checkpoint lives. Copy it (`.clone()`, `.to(...)`) to keep or modify data.
// A view whose address is not aligned to its element size is copied instead, because ATen kernels
// may assume natural alignment.
at::Tensor toTensor(const TensorView &view);

} // namespace migician::model
