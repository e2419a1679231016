#include "model/safetensors.h"

#include "model/json_text.h"
#include "model/model_error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string_view>

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

// The bytes after the header, where data_offsets point.
struct DataSection
{
    const unsigned char *begin;
    std::uint64_t size;
};

void readMetadata(const json &entry, std::map<std::string, std::string> &metadata,
                  const std::string &path)
{
    if (!entry.is_object())
        throw ModelError(path, "__metadata__ is not a JSON object");
    for (auto meta = entry.begin(); meta != entry.end(); ++meta) {
        if (!meta.value().is_string())
            throw ModelError(path, "__metadata__ value \"" + meta.key() + "\" is not a string");
        metadata[meta.key()] = meta.value().get<std::string>();
    }
}

// One tensor entry: {"dtype", "shape", "data_offsets"}, checked against the data section.
TensorView readTensorEntry(const std::string &name, const json &entry, const DataSection &data,
                           const std::string &path)
{
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
        throw ModelError(path, what + ": \"data_offsets\" is missing or not a [begin, end] pair");

    TensorView view;
    view.name = name;
    view.file = path;
    const auto dtypeText = dtypeIt->get<std::string>();
    const auto known = std::find_if(std::begin(kDtypes), std::end(kDtypes),
                                    [&](const DtypeInfo &d) { return dtypeText == d.name; });
    if (known == std::end(kDtypes))
        throw ModelError(path, what + ": " + dtypeText
                                       + " is not supported (BF16, F16, F32, I64, U8 are)");
    view.dtype = known->dtype;

    // Element count with overflow checks: a shape of huge dims must not wrap around.
    std::uint64_t numel = 1;
    for (const auto &dim : *shapeIt) {
        std::uint64_t value = 0;
        if (!asU64(dim, &value) || value > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
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
        throw ModelError(path,
                         what + ": data_offsets " + offsetsIt->dump() + " begin after they end");
    if (end > data.size)
        throw ModelError(path, what + ": data_offsets " + offsetsIt->dump()
                                       + " reach past the end of the data section ("
                                       + std::to_string(data.size) + " bytes)");
    if (end - begin != expectedBytes)
        throw ModelError(path, what + ": shape " + shapeIt->dump() + " of " + dtypeText + " needs "
                                       + std::to_string(expectedBytes)
                                       + " bytes but data_offsets span "
                                       + std::to_string(end - begin));
    view.data = data.begin + begin;
    view.byteSize = std::size_t(end - begin);
    return view;
}

// Two tensors sharing bytes would alias silently; refuse it.
void refuseOverlaps(std::vector<Span> spans, const std::string &path)
{
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
}

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

// A shard named in an index: a relative path of names, in the folder or a subfolder. A ".."
// component could leave the folder ("x/.." used to pass), a NUL would cut the name short.
bool isShardName(const std::string &shard)
{
    if (shard.empty() || shard.front() == '/' || shard.find('\0') != std::string::npos)
        return false;
    bool named = false;
    std::size_t begin = 0;
    while (begin <= shard.size()) {
        std::size_t end = shard.find('/', begin);
        if (end == std::string::npos)
            end = shard.size();
        const std::string_view part = std::string_view(shard).substr(begin, end - begin);
        if (part == "..")
            return false;
        named = named || (!part.empty() && part != ".");
        begin = end + 1;
    }
    return named;
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

SafetensorsHeader parseSafetensors(const unsigned char *bytes, std::uint64_t size,
                                   const std::string &path)
{
    if (size < 8)
        throw ModelError(path, "file is too small (" + std::to_string(size)
                                       + " bytes) to hold a safetensors header");
    const std::uint64_t headerSize = readU64Le(bytes);
    if (headerSize > kMaxHeaderBytes)
        throw ModelError(path, "header length " + std::to_string(headerSize)
                                       + " exceeds the 100 MB limit");
    if (headerSize > size - 8)
        throw ModelError(path, "header length " + std::to_string(headerSize)
                                       + " exceeds the file size (" + std::to_string(size)
                                       + " bytes)");
    const char *headerBegin = reinterpret_cast<const char *>(bytes + 8);
    const json header = parseJsonText(std::string_view(headerBegin, std::size_t(headerSize)), path,
                                      "malformed header JSON");
    if (!header.is_object())
        throw ModelError(path, "header is not a JSON object");

    const DataSection data{bytes + 8 + headerSize, size - 8 - headerSize};
    SafetensorsHeader parsed;
    std::vector<Span> spans;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            readMetadata(it.value(), parsed.metadata, path);
            continue;
        }
        TensorView view = readTensorEntry(it.key(), it.value(), data, path);
        const auto begin
                = std::uint64_t(static_cast<const unsigned char *>(view.data) - data.begin);
        const auto inserted = parsed.tensors.emplace(it.key(), std::move(view));
        spans.push_back({begin, begin + inserted.first->second.byteSize, &inserted.first->first});
    }
    refuseOverlaps(std::move(spans), path);
    return parsed;
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
    if (fileSize < 8) // mmap refuses an empty file; say what is wrong instead
        throw ModelError(path, "file is too small (" + std::to_string(fileSize)
                                       + " bytes) to hold a safetensors header");

    void *mapping = ::mmap(nullptr, fileSize, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (mapping == MAP_FAILED)
        throw ModelError(path, std::string("cannot map the file: ") + std::strerror(errno));
    m_mapping = mapping;
    m_mappedSize = fileSize;
    // The destructor does not run if the constructor throws: unmap by hand.
    try {
        SafetensorsHeader header
                = parseSafetensors(static_cast<const unsigned char *>(mapping), fileSize, path);
        m_tensors = std::move(header.tensors);
        m_metadata = std::move(header.metadata);
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

std::map<std::string, std::string> parseSafetensorsIndex(const std::string &jsonText,
                                                         const std::string &indexPath)
{
    const json index = parseJsonText(jsonText, indexPath);
    if (!index.is_object())
        throw ModelError(indexPath, "is not a JSON object");
    const auto mapIt = index.find("weight_map");
    if (mapIt == index.end() || !mapIt->is_object())
        throw ModelError(indexPath, "\"weight_map\" is missing or not an object");

    std::map<std::string, std::string> shardOf;
    for (auto it = mapIt->begin(); it != mapIt->end(); ++it) {
        if (!it.value().is_string())
            throw ModelError(indexPath, "weight_map entry " + quoted(it.key())
                                                + " does not name a shard file");
        const auto shard = it.value().get<std::string>();
        // Shards live beside the index; a path that leaves the folder is not a shard.
        if (!isShardName(shard))
            throw ModelError(indexPath, "weight_map entry " + quoted(it.key())
                                                + " names an invalid shard \"" + shard + "\"");
        shardOf.emplace(it.key(), shard);
    }
    return shardOf;
}

void Checkpoint::loadIndex(const std::string &folder, const std::string &indexPath)
{
    std::ifstream in(indexPath, std::ios::binary);
    if (!in)
        throw ModelError(indexPath, "cannot be read");
    std::stringstream buffer;
    buffer << in.rdbuf();

    std::map<std::string, std::shared_ptr<SafetensorsFile>> shards;
    for (const auto &[tensor, shard] : parseSafetensorsIndex(buffer.str(), indexPath)) {
        auto found = shards.find(shard);
        if (found == shards.end()) {
            const auto shardPath = joinPath(folder, shard);
            if (!isRegularFile(shardPath))
                throw ModelError(indexPath, "shard \"" + shard + "\" (named for " + quoted(tensor)
                                                    + ") does not exist");
            found = shards.emplace(shard, std::make_shared<SafetensorsFile>(shardPath)).first;
            m_files.push_back(found->second);
        }
        if (!found->second->contains(tensor))
            throw ModelError(found->second->path(), quoted(tensor) + " is listed in " + indexPath
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
