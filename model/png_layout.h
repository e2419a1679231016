// A PNG's chunk layout checked before any decoder sees the bytes. libpng allocates each ancillary
// chunk (tEXt, iCCP, ...) at the length the chunk declares before reading it, and only warns when
// that length is over its limit: a 430-byte file declaring a 1.7 GB tEXt chunk made it allocate
// 1.7 GB (found by fuzzing the image decoders). No chunk can be longer than the rest of the file,
// so refusing one that claims to be bounds every such allocation by the size of the file. Both
// decoders (the app's, through OpenCV, and `migician serve`'s, through libpng) call this first.
#pragma once

#include <string>
#include <string_view>

namespace migician::model {

// Empty when the bytes are not a PNG or every chunk up to IEND fits inside them; otherwise what
// is wrong, e.g. "chunk 'tEXt' at byte 33 declares 1768323365 bytes, but only 397 follow".
// Anything after IEND is ignored, as decoders do.
std::string pngLayoutProblem(std::string_view bytes);

} // namespace migician::model
