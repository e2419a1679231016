// Memory-mapped safetensors checkpoints, validated before anything is trusted. A single file or a
// sharded folder with model.safetensors.index.json. Views point into the mapping (zero copy) and
// stay valid as long as the SafetensorsFile / Checkpoint object lives. Torch-free: tensor_view.h
// turns a view into an at::Tensor.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace migician::model {

enum class StDtype { BF16, F16, F32, I64, U8 }; // I64/U8: only for golden fixture files

std::size_t dtypeSize(StDtype dtype);
const char *dtypeName(StDtype dtype);

struct TensorView
{
    std::string name;
    StDtype dtype = StDtype::F32;
    std::vector<std::int64_t> shape;
    const void *data = nullptr;
    std::size_t byteSize = 0;
    std::string file; // the file it lives in, for error messages

    std::int64_t numel() const;
};

// The header of a safetensors file held in memory at [bytes, bytes + size): tensor views point
// into those bytes. Every entry is checked (known dtype, shape that fits, offsets inside the data
// section, no two tensors sharing bytes). Throws ModelError naming `path`. SafetensorsFile runs it
// on its mapping; the fuzz target on a buffer.
struct SafetensorsHeader
{
    std::map<std::string, TensorView> tensors;
    std::map<std::string, std::string> metadata;
};
SafetensorsHeader parseSafetensors(const unsigned char *bytes, std::uint64_t size,
                                   const std::string &path);

// model.safetensors.index.json: tensor name -> shard file name. The shards must be plain names
// beside the index (no absolute path, no ".."). Throws ModelError naming `indexPath`.
std::map<std::string, std::string> parseSafetensorsIndex(const std::string &jsonText,
                                                         const std::string &indexPath);

// One .safetensors file, mapped read-only.
class SafetensorsFile
{
public:
    // Throws ModelError naming the file (and tensor) on any inconsistency.
    explicit SafetensorsFile(const std::string &path);
    ~SafetensorsFile();
    SafetensorsFile(const SafetensorsFile &) = delete;
    SafetensorsFile &operator=(const SafetensorsFile &) = delete;

    const std::string &path() const { return m_path; }
    const std::map<std::string, TensorView> &tensors() const { return m_tensors; }
    const TensorView &tensor(const std::string &name) const; // throws when absent
    bool contains(const std::string &name) const { return m_tensors.count(name) != 0; }
    const std::map<std::string, std::string> &metadata() const { return m_metadata; }

private:
    std::string m_path;
    void *m_mapping = nullptr;
    std::size_t m_mappedSize = 0;
    std::map<std::string, TensorView> m_tensors;
    std::map<std::string, std::string> m_metadata;
};

// All weights of a checkpoint folder (or a single file): one name space across shards.
class Checkpoint
{
public:
    // `path` is a folder (with model.safetensors.index.json or model.safetensors) or one file.
    static Checkpoint open(const std::string &path);

    const TensorView &tensor(const std::string &name) const; // throws naming the tensor
    bool contains(const std::string &name) const { return m_index.count(name) != 0; }
    std::vector<std::string> names() const;
    std::size_t totalBytes() const;

private:
    void loadIndex(const std::string &folder, const std::string &indexPath);

    std::string m_path; // what open() was given, for error messages
    std::vector<std::shared_ptr<SafetensorsFile>> m_files;
    std::map<std::string, const TensorView *> m_index;
};

} // namespace migician::model
