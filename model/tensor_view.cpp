#include "model/tensor_view.h"

#include <cstdint>

namespace migician::model {

at::ScalarType scalarType(StDtype dtype)
{
    switch (dtype) {
    case StDtype::BF16:
        return at::kBFloat16;
    case StDtype::F16:
        return at::kHalf;
    case StDtype::F32:
        return at::kFloat;
    case StDtype::I64:
        return at::kLong;
    case StDtype::U8:
        return at::kByte;
    }
    return at::kFloat;
}

at::Tensor toTensor(const TensorView &view)
{
    const auto options = at::TensorOptions().dtype(scalarType(view.dtype)).device(at::kCPU);
    // from_blob wants a non-const pointer; the memory stays read-only (see the header).
    void *data = const_cast<void *>(view.data);
    const at::IntArrayRef shape(view.shape);
    if (view.byteSize == 0)
        return at::empty(shape, options);
    const auto address = reinterpret_cast<std::uintptr_t>(data);
    if (address % dtypeSize(view.dtype) != 0)
        return at::from_blob(data, shape, options).clone();
    return at::from_blob(data, shape, options);
}

} // namespace migician::model
