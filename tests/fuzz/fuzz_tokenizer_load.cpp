// Fuzz target: loading a tokenizer.json (model/tokenizer.h) and using what loads. Invariants: only
// ModelError escapes; a tokenizer that loads encodes every text to ids that name a token of its
// vocabulary, and decodes any ids (known or not) to valid UTF-8 without throwing.
#include "fuzz_support.h"

#include "model/model_error.h"
#include "model/tokenizer.h"

using namespace migician;

namespace {

// Texts every tokenizer must survive: ASCII, an answer with special tokens, CJK and emoji, a
// combining mark that NFC composes, invalid UTF-8, and the classic probe for a pre-tokenizer
// regex that backtracks exponentially (it must give up with a ModelError, not hang).
const char *const kTexts[] = {
        "Hello world, it's 2024!",
        "It's in the third image. <|box_start|>(316,58),(764,999)<|box_end|><|im_end|>",
        "\xe5\x9b\xbe\xe7\x89\x87 \xf0\x9f\x91\x8d e\xcc\x81 \t\r\n  x",
        "\xff\xfe\xc3\x28\xe2\x82 broken",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::shared_ptr<const model::Tokenizer> tokenizer;
    try {
        tokenizer = model::Tokenizer::fromJsonText(std::string(fuzz::asText(data, size)),
                                                   "tokenizer.json");
    } catch (const model::ModelError &error) {
        FUZZ_CHECK(error.subject() == "tokenizer.json", "error does not name the file");
        return 0;
    }
    const auto vocabSize = tokenizer->vocabSize();
    for (const char *text : kTexts) {
        std::vector<model::TokenId> ids;
        try {
            ids = tokenizer->encode(text);
        } catch (const model::ModelError &) {
            continue; // e.g. a pre-tokenizer regex that gives up on this text
        }
        for (const model::TokenId id : ids) {
            FUZZ_CHECK(id >= 0 && std::size_t(id) < vocabSize, "id " + std::to_string(id));
            FUZZ_CHECK(!tokenizer->idToToken(id).empty(),
                       "id " + std::to_string(id) + " names no token");
        }
        FUZZ_CHECK(fuzz::isValidUtf8(tokenizer->decode(ids, false)), "decode is not UTF-8");
        FUZZ_CHECK(fuzz::isValidUtf8(tokenizer->decode(ids, true)), "decode is not UTF-8");
    }
    const std::vector<model::TokenId> arbitrary{-1, 0, 1, 255, 256, 151643, 151645, 0x7fffffff};
    FUZZ_CHECK(fuzz::isValidUtf8(tokenizer->decode(arbitrary, false)), "decode is not UTF-8");
    return 0;
}
