// glibc returns large freed blocks to the kernel, so every forward pass pays page faults again for
// its fresh activations (measured on this class of VM: 16.4 s -> 4.8 s for a 2 B model once glibc
// keeps its memory). Executables that run the engine call this once at start-up.
#pragma once

namespace migician::model {

void keepFreedMemoryForReuse();

// Peak resident set size of this process in bytes (getrusage).
long long peakResidentBytes();

} // namespace migician::model
