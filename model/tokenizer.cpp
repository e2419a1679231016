#include "model/tokenizer.h"

#include "model/bpe_merges.h"
#include "model/byte_level.h"
#include "model/json_text.h"
#include "model/model_error.h"
#include "model/regex_splitter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <shared_mutex>
#include <sstream>
#include <unordered_map>

namespace migician::model {
namespace {

using nlohmann::json;

// GPT-2's own split, for files whose ByteLevel pre-tokenizer does the splitting (use_regex).
constexpr const char *kGpt2Pattern
        = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
// Used when nothing splits: the whole stretch is one piece.
constexpr const char *kWholePattern = R"((?s:.+))";

// Bounds the word cache; long-running processes see an unbounded variety of words.
constexpr std::size_t kCacheCapacity = 200000;
// Only pieces up to this many bytes are cached (Hugging Face's BPE cache has the same MAX_LENGTH):
// with the entry count bounded, this bounds the cache's memory too (a single piece can be a
// megabyte-long run of letters).
constexpr std::size_t kMaxCachedPieceBytes = 256;

// Ids index a dense table of token strings, so an id is bounded: the largest vocabularies in use
// have about 260,000 entries; an id of two billion is a corrupt or hostile file, and honouring it
// would allocate 64 GB.
constexpr long long kMaxTokenId = (1 << 22) - 1;

struct AddedToken
{
    std::string content;
    TokenId id = 0;
    bool special = false;
};

bool parseNfc(const json &normalizer, const std::string &source)
{
    if (normalizer.is_null())
        return false;
    const std::string type = normalizer.value("type", "");
    if (type == "NFC")
        return true;
    if (type == "Sequence" && normalizer.contains("normalizers")) {
        bool nfc = false;
        for (const auto &step : normalizer.at("normalizers"))
            nfc = parseNfc(step, source) || nfc;
        return nfc;
    }
    throw ModelError(source, "unsupported normalizer '" + type + "' (only NFC is implemented)");
}

// The regex the pre-tokenizer splits with, from a Split step or a ByteLevel step with use_regex.
std::string parseSplitPattern(const json &preTokenizer, const std::string &source)
{
    if (preTokenizer.is_null())
        return kWholePattern;
    std::vector<json> steps;
    if (preTokenizer.value("type", "") == "Sequence")
        steps.assign(preTokenizer.at("pretokenizers").begin(),
                     preTokenizer.at("pretokenizers").end());
    else
        steps.push_back(preTokenizer);

    std::string pattern;
    bool byteLevelRegex = false;
    for (const auto &step : steps) {
        const std::string type = step.value("type", "");
        if (type == "Split") {
            if (!pattern.empty())
                throw ModelError(source, "more than one Split pre-tokenizer is not supported");
            if (step.value("behavior", "Isolated") != "Isolated" || step.value("invert", false))
                throw ModelError(source,
                                 "only the Split behaviour 'Isolated' without invert is supported");
            const json &p = step.at("pattern");
            if (p.contains("Regex")) {
                pattern = p.at("Regex").get<std::string>();
            } else if (p.contains("String")) {
                pattern = "\\Q" + p.at("String").get<std::string>() + "\\E";
            } else {
                throw ModelError(source,
                                 "Split pre-tokenizer has neither a Regex nor a String pattern");
            }
        } else if (type == "ByteLevel") {
            if (step.value("add_prefix_space", false))
                throw ModelError(source, "ByteLevel add_prefix_space is not supported");
            byteLevelRegex = step.value("use_regex", true);
        } else {
            throw ModelError(source, "unsupported pre-tokenizer '" + type + "'");
        }
    }
    if (byteLevelRegex && !pattern.empty())
        throw ModelError(source, "a Split step together with ByteLevel use_regex is not supported");
    if (byteLevelRegex)
        return kGpt2Pattern;
    return pattern.empty() ? kWholePattern : pattern;
}

std::pair<std::string, std::string> parseMerge(const json &merge, std::size_t line,
                                               const std::string &source)
{
    const auto bad = [&](const std::string &why) {
        return ModelError(source, "model.merges entry " + std::to_string(line) + " " + why);
    };
    if (merge.is_string()) {
        const auto &text = merge.get_ref<const std::string &>();
        const auto space = text.find(' ');
        if (space == std::string::npos || text.find(' ', space + 1) != std::string::npos)
            throw bad("(\"" + text + "\") is not two tokens separated by one space");
        return {text.substr(0, space), text.substr(space + 1)};
    }
    if (merge.is_array() && merge.size() == 2 && merge[0].is_string() && merge[1].is_string())
        return {merge[0].get<std::string>(), merge[1].get<std::string>()};
    throw bad("is neither \"a b\" nor [\"a\", \"b\"]: " + merge.dump());
}

} // namespace

struct Tokenizer::Impl
{
    std::string source;
    std::unordered_map<std::string, TokenId> vocab;
    std::vector<std::string> tokens; // by id, added tokens included; empty where unused
    std::vector<bool> special;       // by id
    BpeMerges merges;
    std::array<TokenId, 256> byteIds{};
    std::vector<AddedToken> added;          // longest first, so the leftmost match is also longest
    std::array<bool, 256> addedFirstByte{}; // quick reject while scanning for added tokens
    std::unique_ptr<RegexSplitter> splitter;
    bool nfc = false;

    mutable std::shared_mutex cacheMutex;
    mutable std::unordered_map<std::string, std::vector<TokenId>> cache;

    void load(const json &root);
    void encodeStretch(std::string_view text, std::vector<TokenId> &ids) const;
    void encodePiece(const std::string &piece, std::vector<TokenId> &ids) const;
};

void Tokenizer::Impl::load(const json &root)
{
    if (!root.is_object())
        throw ModelError(source, "not a tokenizer.json (the top level is not an object)");
    if (!root.contains("model") || !root.at("model").is_object())
        throw ModelError(source, "missing 'model'");
    const json &model = root.at("model");
    if (model.contains("type") && model.at("type") != "BPE")
        throw ModelError(source,
                         "unsupported model type " + model.at("type").dump() + " (expected BPE)");
    if (!model.contains("vocab") || !model.at("vocab").is_object())
        throw ModelError(source, "missing 'model.vocab'");
    if (!model.contains("merges") || !model.at("merges").is_array())
        throw ModelError(source, "missing 'model.merges'");

    const json &vocabJson = model.at("vocab");
    vocab.reserve(vocabJson.size());
    for (auto it = vocabJson.begin(); it != vocabJson.end(); ++it) {
        if (!it.value().is_number_integer() || it.value().get<long long>() < 0
            || it.value().get<long long>() > kMaxTokenId)
            throw ModelError(source, "model.vocab entry \"" + it.key() + "\" has no valid id (0.."
                                             + std::to_string(kMaxTokenId) + ")");
        const auto id = it.value().get<TokenId>();
        vocab.emplace(it.key(), id);
        if (std::size_t(id) >= tokens.size())
            tokens.resize(std::size_t(id) + 1);
        tokens[std::size_t(id)] = it.key();
    }

    const json &mergesJson = model.at("merges");
    merges.reserve(mergesJson.size());
    std::size_t line = 0;
    for (const auto &entry : mergesJson) {
        ++line;
        const auto [left, right] = parseMerge(entry, line, source);
        const auto id = [&](const std::string &token) {
            const auto found = vocab.find(token);
            if (found == vocab.end())
                throw ModelError(source, "model.merges entry " + std::to_string(line) + ": \""
                                                 + token + "\" is not in model.vocab");
            return found->second;
        };
        merges.add(id(left), id(right), id(left + right));
    }

    for (int b = 0; b < 256; ++b) {
        const auto found = vocab.find(byte_level::byteToUtf8(static_cast<unsigned char>(b)));
        // Without byte_fallback or an unknown token, Hugging Face drops a byte it cannot map.
        byteIds[b] = found == vocab.end() ? -1 : found->second;
    }

    if (root.contains("added_tokens") && root.at("added_tokens").is_array()) {
        for (const auto &entry : root.at("added_tokens")) {
            if (!entry.contains("id") || !entry.at("id").is_number_integer()
                || !entry.contains("content") || !entry.at("content").is_string()
                || entry.at("id").get<long long>() < 0
                || entry.at("id").get<long long>() > kMaxTokenId)
                throw ModelError(source, "malformed added_tokens entry " + entry.dump()
                                                 + " (needs \"content\" and an \"id\" in 0.."
                                                 + std::to_string(kMaxTokenId) + ")");
            AddedToken token{entry.at("content").get<std::string>(), entry.at("id").get<TokenId>(),
                             entry.value("special", false)};
            if (token.content.empty())
                throw ModelError(source, "added token " + std::to_string(token.id) + " is empty");
            if (std::size_t(token.id) >= tokens.size())
                tokens.resize(std::size_t(token.id) + 1);
            tokens[std::size_t(token.id)] = token.content;
            addedFirstByte[static_cast<unsigned char>(token.content[0])] = true;
            added.push_back(std::move(token));
        }
    }
    std::stable_sort(added.begin(), added.end(), [](const AddedToken &a, const AddedToken &b) {
        return a.content.size() > b.content.size();
    });
    special.assign(tokens.size(), false);
    for (const auto &token : added)
        special[std::size_t(token.id)] = token.special;

    nfc = parseNfc(root.value("normalizer", json()), source);
    splitter = std::make_unique<RegexSplitter>(
            parseSplitPattern(root.value("pre_tokenizer", json()), source), source);
}

void Tokenizer::Impl::encodeStretch(std::string_view text, std::vector<TokenId> &ids) const
{
    if (text.empty())
        return;
    std::vector<std::string> pieces;
    splitter->split(text, nfc, pieces);
    for (const auto &piece : pieces)
        encodePiece(piece, ids);
}

void Tokenizer::Impl::encodePiece(const std::string &piece, std::vector<TokenId> &ids) const
{
    {
        std::shared_lock lock(cacheMutex);
        const auto found = cache.find(piece);
        if (found != cache.end()) {
            ids.insert(ids.end(), found->second.begin(), found->second.end());
            return;
        }
    }
    std::vector<TokenId> symbols;
    symbols.reserve(piece.size());
    for (const char c : piece) {
        const TokenId id = byteIds[static_cast<unsigned char>(c)];
        if (id >= 0)
            symbols.push_back(id);
    }
    merges.apply(symbols);
    ids.insert(ids.end(), symbols.begin(), symbols.end());
    if (piece.size() > kMaxCachedPieceBytes)
        return;

    std::unique_lock lock(cacheMutex);
    if (cache.size() >= kCacheCapacity)
        cache.clear();
    cache.emplace(piece, std::move(symbols));
}

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{}

Tokenizer::~Tokenizer() = default;

std::shared_ptr<const Tokenizer> Tokenizer::fromFile(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw ModelError(path, std::string("cannot open tokenizer file: ") + std::strerror(errno));
    std::ostringstream buffer;
    buffer << file.rdbuf();
    if (file.bad())
        throw ModelError(path, "cannot read tokenizer file");
    return fromJsonText(buffer.str(), path);
}

std::shared_ptr<const Tokenizer> Tokenizer::fromJsonText(const std::string &jsonText,
                                                         const std::string &sourceName)
{
    const json root = parseJsonText(jsonText, sourceName);
    auto impl = std::make_unique<Impl>();
    impl->source = sourceName;
    try {
        impl->load(root);
    } catch (const json::exception &e) {
        // A field with the wrong JSON type somewhere in the file.
        throw ModelError(sourceName, std::string("unexpected tokenizer.json content: ") + e.what());
    }
    return std::shared_ptr<const Tokenizer>(new Tokenizer(std::move(impl)));
}

std::vector<TokenId> Tokenizer::encode(std::string_view text) const
{
    std::vector<TokenId> ids;
    ids.reserve(text.size() / 3 + 8);
    std::size_t stretchStart = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (d->addedFirstByte[static_cast<unsigned char>(text[i])]) {
            const AddedToken *match = nullptr;
            for (const auto &token : d->added) {
                if (text.compare(i, token.content.size(), token.content) == 0) {
                    match = &token;
                    break;
                }
            }
            if (match) {
                d->encodeStretch(text.substr(stretchStart, i - stretchStart), ids);
                ids.push_back(match->id);
                i += match->content.size();
                stretchStart = i;
                continue;
            }
        }
        ++i;
    }
    d->encodeStretch(text.substr(stretchStart), ids);
    return ids;
}

std::string Tokenizer::decode(const std::vector<TokenId> &ids, bool skipSpecialTokens) const
{
    std::string bytes;
    for (const TokenId id : ids) {
        if (id < 0 || std::size_t(id) >= d->tokens.size() || d->tokens[std::size_t(id)].empty())
            continue; // unknown ids are dropped, as Hugging Face does
        if (skipSpecialTokens && d->special[std::size_t(id)])
            continue;
        bytes += byte_level::tokenToBytes(d->tokens[std::size_t(id)]);
    }
    return byte_level::utf8Lossy(bytes);
}

std::optional<TokenId> Tokenizer::tokenToId(std::string_view token) const
{
    for (const auto &added : d->added)
        if (added.content == token)
            return added.id;
    const auto found = d->vocab.find(std::string(token));
    if (found == d->vocab.end())
        return std::nullopt;
    return found->second;
}

std::string Tokenizer::idToToken(TokenId id) const
{
    if (id < 0 || std::size_t(id) >= d->tokens.size())
        return {};
    return d->tokens[std::size_t(id)];
}

bool Tokenizer::isSpecial(TokenId id) const
{
    return id >= 0 && std::size_t(id) < d->special.size() && d->special[std::size_t(id)];
}

std::size_t Tokenizer::vocabSize() const
{
    return d->tokens.size();
}

} // namespace migician::model
