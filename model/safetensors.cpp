#include "model/safetensors.h"

#include "model/model_error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace migician::model {

namespace {

using json = nlohmann::json;

// A header larger than this is not a weight file but an attack or a corrupt length field.
constexpr std::uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;

struct DtypeInfo
{
    const char *name;
    StDtype dtype;
};

constexpr DtypeInfo kDtypes[] = {{"BF16", StDtype::BF16},
                                 {"F16", StDtype::F16},
                                 {"F32", StDtype::F32},
                                 {"I64", StDtype::I64},
                                 {"U8", StDtype::U8}};

std::string quoted(const std::string &name)
{
    return "tensor \"" + name + "\"";
}

// Closes the descriptor on every path out of the constructor.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

std::uint64_t readU64Le(const unsigned char *bytes)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | bytes[i];
    return value;
}

// Non-negative integer from JSON, or nullopt-like failure via the bool.
bool asU64(const json &value, std::uint64_t *out)
{
    if (value.is_number_unsigned()) {
        *out = value.get<std::uint64_t>();
        return true;
    }
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0) {
        *out = std::uint64_t(value.get<std::int64_t>());
        return true;
    }
    return false;
}

struct Span
{
    std::uint64_t begin;
    std::uint64_t end;
    const std::string *name;
};

bool isDirectory(const std::string &path)
{
    struct stat info
    {
    };
    return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

bool isRegularFile(const std::string &path)
{
    struct stat info
    {
    };
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::string joinPath(const std::string &folder, const std::string &name)
{
    if (!folder.empty() && folder.back() == '/')
        return folder + name;
    return folder + "/" + name;
}

} // namespace

std::size_t dtypeSize(StDtype dtype)
{
    switch (dtype) {
    case StDtype::BF16:
    case StDtype::F16:
        return 2;
    case StDtype::F32:
        return 4;
    case StDtype::I64:
        return 8;
    case StDtype::U8:
        return 1;
    }
    return 0;
}

const char *dtypeName(StDtype dtype)
{
    for (const auto &info : kDtypes)
        if (info.dtype == dtype)
            return info.name;
    return "?";
}

std::int64_t TensorView::numel() const
{
    std::int64_t count = 1;
    for (const auto dim : shape)
        count *= dim;
    return count;
}

SafetensorsFile::SafetensorsFile(const std::string &path)
    : m_path(path)
{
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        throw ModelError(path, std::string("cannot open: ") + std::strerror(errno));
    struct stat info
    {
    };
    if (::fstat(fd.get(), &info) != 0)
        throw ModelError(path, std::string("cannot stat: ") + std::strerror(errno));
    if (!S_ISREG(info.st_mode))
        throw ModelError(path, "not a regular file");
    const auto fileSize = std::uint64_t(info.st_size);
    if (fileSize < 8)
        throw ModelError(path, "file is too small (" + std::to_string(fileSize)
                                       + " bytes) to hold a safetensors header");

    void *mapping = ::mmap(nullptr, fileSize, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (mapping == MAP_FAILED)
        throw ModelError(path, std::string("cannot map the file: ") + std::strerror(errno));
    m_mapping = mapping;
    m_mappedSize = fileSize;

    // From here on the destructor does not run if we throw: unmap by hand.
    try {
        const auto *bytes = static_cast<const unsigned char *>(mapping);
        const std::uint64_t headerSize = readU64Le(bytes);
        if (headerSize > kMaxHeaderBytes)
            throw ModelError(path, "header length " + std::to_string(headerSize)
                                           + " exceeds the 100 MB limit");
        if (headerSize > fileSize - 8)
            throw ModelError(path, "header length " + std::to_string(headerSize)
                                           + " exceeds the file size (" + std::to_string(fileSize)
                                           + " bytes)");
        const char *headerBegin = reinterpret_cast<const char *>(bytes + 8);
        json header;
        try {
            header = json::parse(headerBegin, headerBegin + headerSize);
        } catch (const json::exception &error) {
            throw ModelError(path, std::string("malformed header JSON: ") + error.what());
        }
        if (!header.is_object())
            throw ModelError(path, "header is not a JSON object");

        const std::uint64_t dataOffset = 8 + headerSize;
        const std::uint64_t dataSize = fileSize - dataOffset;
        std::vector<Span> spans;
        for (auto it = header.begin(); it != header.end(); ++it) {
            const std::string &name = it.key();
            const json &entry = it.value();
            if (name == "__metadata__") {
                if (!entry.is_object())
                    throw ModelError(path, "__metadata__ is not a JSON object");
                for (auto meta = entry.begin(); meta != entry.end(); ++meta) {
                    if (!meta.value().is_string())
                        throw ModelError(path, "__metadata__ value \"" + meta.key()
                                                       + "\" is not a string");
                    m_metadata[meta.key()] = meta.value().get<std::string>();
                }
                continue;
            }
            const std::string what = quoted(name);
            if (!entry.is_object())
                throw ModelError(path, what + ": entry is not a JSON object");
            const auto dtypeIt = entry.find("dtype");
            const auto shapeIt = entry.find("shape");
            const auto offsetsIt = entry.find("data_offsets");
            if (dtypeIt == entry.end() || !dtypeIt->is_string())
                throw ModelError(path, what + ": \"dtype\" is missing or not a string");
            if (shapeIt == entry.end() || !shapeIt->is_array())
                throw ModelError(path, what + ": \"shape\" is missing or not an array");
            if (offsetsIt == entry.end() || !offsetsIt->is_array() || offsetsIt->size() != 2)
                throw ModelError(path,
                                 what + ": \"data_offsets\" is missing or not a [begin, end] pair");

            TensorView view;
            view.name = name;
            view.file = path;
            const auto dtypeText = dtypeIt->get<std::string>();
            const auto known
                    = std::find_if(std::begin(kDtypes), std::end(kDtypes),
                                   [&](const DtypeInfo &d) { return dtypeText == d.name; });
            if (known == std::end(kDtypes))
                throw ModelError(path, what + ": " + dtypeText
                                               + " is not supported (BF16, F16, F32, I64, U8 are)");
            view.dtype = known->dtype;

            // Element count with overflow checks: a shape of huge dims must not wrap around.
            std::uint64_t numel = 1;
            for (const auto &dim : *shapeIt) {
                std::uint64_t value = 0;
                if (!asU64(dim, &value)
                    || value > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
                    throw ModelError(path, what + ": shape " + shapeIt->dump()
                                                   + " holds a value that is not a size");
                if (value != 0 && numel > std::numeric_limits<std::uint64_t>::max() / value)
                    throw ModelError(path, what + ": shape " + shapeIt->dump() + " is too large");
                numel *= value;
                view.shape.push_back(std::int64_t(value));
            }
            const std::uint64_t elementSize = dtypeSize(view.dtype);
            if (numel > std::numeric_limits<std::uint64_t>::max() / elementSize)
                throw ModelError(path, what + ": shape " + shapeIt->dump() + " is too large");
            const std::uint64_t expectedBytes = numel * elementSize;

            std::uint64_t begin = 0;
            std::uint64_t end = 0;
            if (!asU64((*offsetsIt)[0], &begin) || !asU64((*offsetsIt)[1], &end))
                throw ModelError(path, what + ": data_offsets " + offsetsIt->dump()
                                               + " are not non-negative integers");
            if (begin > end)
                throw ModelError(path, what + ": data_offsets " + offsetsIt->dump()
                                               + " begin after they end");
            if (end > dataSize)
                throw ModelError(path, what + ": data_offsets " + offsetsIt->dump()
                                               + " reach past the end of the data section ("
                                               + std::to_string(dataSize) + " bytes)");
            if (end - begin != expectedBytes)
                throw ModelError(path, what + ": shape " + shapeIt->dump() + " of " + dtypeText
                                               + " needs " + std::to_string(expectedBytes)
                                               + " bytes but data_offsets span "
                                               + std::to_string(end - begin));
            view.data = bytes + dataOffset + begin;
            view.byteSize = std::size_t(end - begin);
            auto inserted = m_tensors.emplace(name, std::move(view));
            spans.push_back({begin, end, &inserted.first->first});
        }

        // Two tensors sharing bytes would alias silently; refuse it.
        std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) {
            return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
        });
        const Span *previous = nullptr;
        for (const auto &span : spans) {
            if (span.begin == span.end)
                continue; // empty tensors own no bytes
            if (previous && span.begin < previous->end)
                throw ModelError(path, quoted(*span.name) + " overlaps " + quoted(*previous->name)
                                               + " in the data section");
            if (!previous || span.end > previous->end)
                previous = &span;
        }
    } catch (...) {
        ::munmap(m_mapping, m_mappedSize);
        m_mapping = nullptr;
        throw;
    }
}

SafetensorsFile::~SafetensorsFile()
{
    if (m_mapping)
        ::munmap(m_mapping, m_mappedSize);
}

const TensorView &SafetensorsFile::tensor(const std::string &name) const
{
    const auto it = m_tensors.find(name);
    if (it == m_tensors.end())
        throw ModelError(m_path, "no " + quoted(name) + " in this file");
    return it->second;
}

Checkpoint Checkpoint::open(const std::string &path)
{
    Checkpoint checkpoint;
    checkpoint.m_path = path;
    if (isRegularFile(path)) {
        checkpoint.m_files.push_back(std::make_shared<SafetensorsFile>(path));
    } else if (isDirectory(path)) {
        const auto indexPath = joinPath(path, "model.safetensors.index.json");
        const auto singlePath = joinPath(path, "model.safetensors");
        if (isRegularFile(indexPath)) {
            checkpoint.loadIndex(path, indexPath);
        } else if (isRegularFile(singlePath)) {
            checkpoint.m_files.push_back(std::make_shared<SafetensorsFile>(singlePath));
        } else {
            throw ModelError(path, "neither model.safetensors.index.json nor model.safetensors "
                                   "is in this folder");
        }
    } else {
        throw ModelError(path, "no such file or folder");
    }

    // One name space across shards: a name in two files would make the weights ambiguous.
    for (const auto &file : checkpoint.m_files) {
        for (const auto &entry : file->tensors()) {
            const auto [it, inserted] = checkpoint.m_index.emplace(entry.first, &entry.second);
            if (!inserted)
                throw ModelError(file->path(),
                                 quoted(entry.first) + " is also in " + it->second->file);
        }
    }
    return checkpoint;
}

void Checkpoint::loadIndex(const std::string &folder, const std::string &indexPath)
{
    std::ifstream in(indexPath, std::ios::binary);
    if (!in)
        throw ModelError(indexPath, "cannot be read");
    std::stringstream buffer;
    buffer << in.rdbuf();
    json index;
    try {
        index = json::parse(buffer.str());
    } catch (const json::exception &error) {
        throw ModelError(indexPath, std::string("malformed JSON: ") + error.what());
    }
    if (!index.is_object())
        throw ModelError(indexPath, "is not a JSON object");
    const auto mapIt = index.find("weight_map");
    if (mapIt == index.end() || !mapIt->is_object())
        throw ModelError(indexPath, "\"weight_map\" is missing or not an object");

    std::map<std::string, std::shared_ptr<SafetensorsFile>> shards;
    for (auto it = mapIt->begin(); it != mapIt->end(); ++it) {
        if (!it.value().is_string())
            throw ModelError(indexPath, "weight_map entry " + quoted(it.key())
                                                + " does not name a shard file");
        const auto shard = it.value().get<std::string>();
        // Shards live beside the index; a path that leaves the folder is not a shard.
        if (shard.empty() || shard.front() == '/' || shard == ".." || shard.rfind("../", 0) == 0
            || shard.find("/../") != std::string::npos)
            throw ModelError(indexPath, "weight_map entry " + quoted(it.key())
                                                + " names an invalid shard \"" + shard + "\"");
        auto found = shards.find(shard);
        if (found == shards.end()) {
            const auto shardPath = joinPath(folder, shard);
            if (!isRegularFile(shardPath))
                throw ModelError(indexPath, "shard \"" + shard + "\" (named for " + quoted(it.key())
                                                    + ") does not exist");
            found = shards.emplace(shard, std::make_shared<SafetensorsFile>(shardPath)).first;
            m_files.push_back(found->second);
        }
        if (!found->second->contains(it.key()))
            throw ModelError(found->second->path(), quoted(it.key()) + " is listed in " + indexPath
                                                            + " but missing from this shard");
    }
}

const TensorView &Checkpoint::tensor(const std::string &name) const
{
    const auto it = m_index.find(name);
    if (it == m_index.end())
        throw ModelError(m_path, "the checkpoint has no " + quoted(name));
    return *it->second;
}

std::vector<std::string> Checkpoint::names() const
{
    std::vector<std::string> result;
    result.reserve(m_index.size());
    for (const auto &entry : m_index)
        result.push_back(entry.first);
    return result;
}

std::size_t Checkpoint::totalBytes() const
{
    std::size_t total = 0;
    for (const auto &entry : m_index)
        total += entry.second->byteSize;
    return total;
}

} // namespace migician::model
