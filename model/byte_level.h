// GPT-2's byte-level alphabet: every byte maps to one printable code point, so a byte string can
// be written as text and merged by BPE; decoding maps the code points back to bytes.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace migician::model::byte_level {

// The code point that stands for `byte` (bytes that are printable stand for themselves).
char32_t byteToCodePoint(unsigned char byte);

// The byte a code point stands for, or nothing when it is not part of the alphabet.
std::optional<unsigned char> codePointToByte(char32_t codePoint);

// UTF-8 of the code point that stands for `byte`.
const std::string &byteToUtf8(unsigned char byte);

// Maps a token written in the byte-level alphabet back to its bytes. A token holding a character
// outside the alphabet (an added token such as "<|im_end|>" in another alphabet) is returned as
// its raw UTF-8, as Hugging Face's ByteLevel decoder does.
std::string tokenToBytes(std::string_view token);

// Appends one code point as UTF-8.
void appendUtf8(std::string &out, char32_t codePoint);

// Decodes `bytes` as UTF-8, replacing each maximal invalid subsequence by U+FFFD, the same rule
// as Rust's String::from_utf8_lossy (and so Hugging Face's decode).
std::string utf8Lossy(std::string_view bytes);

} // namespace migician::model::byte_level
