#include "allocator_tuning.h"

#include <malloc.h>
#include <sys/resource.h>

namespace migician::model {

void keepFreedMemoryForReuse()
{
    mallopt(M_MMAP_MAX, 0);             // large blocks from the heap, which is kept ...
    mallopt(M_TRIM_THRESHOLD, 1 << 30); // ... unless a whole GiB is free at its top
    mallopt(M_TOP_PAD, 256 << 20);      // and grown in big steps
}

long long peakResidentBytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<long long>(usage.ru_maxrss) * 1024;
}

} // namespace migician::model
