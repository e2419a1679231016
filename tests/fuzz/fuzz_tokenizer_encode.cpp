// Fuzz target: encoding arbitrary bytes with the Qwen2-VL tokenizer (the shared fixture
// tokenizer.json) and decoding the ids. Invariants: encode never throws and returns ids of the
// vocabulary; decode gives valid UTF-8; for valid UTF-8 the round trip holds:
// decode(encode(text)) is the text with each stretch between special tokens in NFC (what Hugging
// Face gives), and with skip_special_tokens the same without the special tokens.
#include "fuzz_support.h"

#include "model/tokenizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

using namespace migician;

namespace {

struct Fixture
{
    std::shared_ptr<const model::Tokenizer> tokenizer;
    std::vector<std::string> specials; // longest first
};

const Fixture &fixture()
{
    static const Fixture loaded = [] {
        Fixture f;
        f.tokenizer
                = model::Tokenizer::fromFile(fuzz::sharedPath("fixtures/tokenizer/tokenizer.json"));
        for (std::size_t id = 0; id < f.tokenizer->vocabSize(); ++id)
            if (f.tokenizer->isSpecial(model::TokenId(id)))
                f.specials.push_back(f.tokenizer->idToToken(model::TokenId(id)));
        std::stable_sort(
                f.specials.begin(), f.specials.end(),
                [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
        return f;
    }();
    return loaded;
}

std::string nfc(std::string_view text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *normalizer = icu::Normalizer2::getNFCInstance(status);
    const icu::UnicodeString normalized = normalizer->normalize(
            icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size()))),
            status);
    FUZZ_CHECK(U_SUCCESS(status), "NFC failed");
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

// The text Hugging Face's decode gives back: specials kept (or dropped), NFC in between.
std::string expectedRoundTrip(std::string_view text, bool skipSpecial)
{
    std::string out;
    std::size_t stretch = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::string *match = nullptr;
        for (const auto &special : fixture().specials)
            if (text.compare(i, special.size(), special) == 0) {
                match = &special;
                break;
            }
        if (!match) {
            ++i;
            continue;
        }
        out += nfc(text.substr(stretch, i - stretch));
        if (!skipSpecial)
            out += *match;
        i += match->size();
        stretch = i;
    }
    return out + nfc(text.substr(stretch));
}

} // namespace

// Loads the 7 MB tokenizer.json before fuzzing starts: seconds under ASan, outside the per-input
// time limit.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    (void)fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const model::Tokenizer &tokenizer = *fixture().tokenizer;
    const std::string_view text = fuzz::asText(data, size);
    const std::vector<model::TokenId> ids = tokenizer.encode(text);
    for (const model::TokenId id : ids)
        FUZZ_CHECK(id >= 0 && std::size_t(id) < tokenizer.vocabSize(), "id " + std::to_string(id));
    const std::string decoded = tokenizer.decode(ids, false);
    const std::string plain = tokenizer.decode(ids, true);
    FUZZ_CHECK(fuzz::isValidUtf8(decoded) && fuzz::isValidUtf8(plain), "decode is not UTF-8");
    if (!fuzz::isValidUtf8(text))
        return 0;
    FUZZ_CHECK(decoded == expectedRoundTrip(text, false), "round trip: \"" + decoded + "\"");
    FUZZ_CHECK(plain == expectedRoundTrip(text, true),
               "round trip without specials: \"" + plain + "\"");
    return 0;
}
