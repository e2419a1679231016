// Fuzz target: a .safetensors file (model/safetensors.h, the header parser SafetensorsFile runs on
// its mapping). Invariants: only ModelError escapes; every tensor that is accepted lies inside the
// data section, holds exactly numel * dtype size bytes, shares no byte with another tensor, and
// becomes an at::Tensor of the same shape (the engine's next step).
#include "fuzz_support.h"

#include "model/model_error.h"
#include "model/safetensors.h"
#include "model/tensor_view.h"

#include <algorithm>
#include <vector>

using namespace migician;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A copy of exactly `size` bytes, so that ASan sees any read past the end.
    const std::vector<std::uint8_t> file(data, data + size);
    model::SafetensorsHeader header;
    try {
        header = model::parseSafetensors(file.data(), file.size(), "fuzz.safetensors");
    } catch (const model::ModelError &error) {
        FUZZ_CHECK(error.subject() == "fuzz.safetensors", "error does not name the file");
        return 0;
    }
    FUZZ_CHECK(size >= 8, "accepted a file without a header length");
    std::uint64_t headerSize = 0;
    for (int i = 7; i >= 0; --i)
        headerSize = (headerSize << 8) | data[i];
    const std::uint8_t *dataBegin = file.data() + 8 + headerSize;
    const std::uint8_t *dataEnd = file.data() + file.size();

    std::vector<std::pair<const std::uint8_t *, const std::uint8_t *>> spans;
    for (const auto &[name, view] : header.tensors) {
        FUZZ_CHECK(name == view.name && name != "__metadata__", "tensor name " + name);
        const auto *begin = static_cast<const std::uint8_t *>(view.data);
        FUZZ_CHECK(begin >= dataBegin && begin <= dataEnd
                           && view.byteSize <= std::size_t(dataEnd - begin),
                   "tensor " + name + " outside the data section");
        FUZZ_CHECK(view.numel() >= 0, "negative element count for " + name);
        FUZZ_CHECK(std::uint64_t(view.numel()) * model::dtypeSize(view.dtype) == view.byteSize,
                   "byte size of " + name);
        if (view.byteSize > 0)
            spans.emplace_back(begin, begin + view.byteSize);
        const at::Tensor tensor = model::toTensor(view);
        FUZZ_CHECK(tensor.sizes().vec() == view.shape, "tensor shape of " + name);
        FUZZ_CHECK(std::uint64_t(tensor.nbytes()) == view.byteSize, "tensor bytes of " + name);
    }
    std::sort(spans.begin(), spans.end());
    for (std::size_t i = 1; i < spans.size(); ++i)
        FUZZ_CHECK(spans[i].first >= spans[i - 1].second, "two tensors share bytes");
    return 0;
}
