// Shared pieces of the on-disk caches (boundary meshes in render/mesh_cache, parsed boundaries in
// core/boundaries): where they live, a fast 64-bit hash for keys and checksums, and checked
// files of plain values. A cache file is MAGIC, key, body, checksum; a missing, stale (other
// key) or corrupt one reads as nothing and is rebuilt, so a cache never changes a result.
#pragma once
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace driftmap::core {

// $DRIFTMAP_CACHE_DIR, else $XDG_CACHE_HOME/driftmap, else ~/.cache/driftmap; "" disables
// caching (DRIFTMAP_CACHE_DIR set to an empty string, or no HOME).
std::string cache_dir();

// FNV-1a's multiply with a xor-shift, eight bytes per step: the keys hash megabytes of
// coordinates and the checksums files of several, on every export.
struct Hash64 {
  uint64_t h = 1469598103934665603ull;
  void word(uint64_t w) {
    h = (h ^ w) * 1099511628211ull;
    h ^= h >> 29;
  }
  void bytes(const void* p, size_t n);
  template <class T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
  void text(std::string_view s) {
    value(s.size());
    bytes(s.data(), s.size());
  }
};

// Appends plain values, vectors of them and strings (each with its length).
struct BinaryWriter {
  std::string out;
  template <class T>
  void value(const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  template <class T>
  void vector(const std::vector<T>& v) {
    value(uint64_t(v.size()));
    if (!v.empty()) out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void text(std::string_view s) {
    value(uint64_t(s.size()));
    out.append(s);
  }
};

// Reads what BinaryWriter wrote; every length is checked against what is left (false, and
// nothing read, when it does not fit).
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view data) : data_(data) {}
  template <class T>
  bool value(T* v) {
    if (sizeof(T) > data_.size() - at_) return false;
    std::memcpy(v, data_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  template <class T>
  bool vector(std::vector<T>* v) {
    uint64_t n = 0;
    if (!value(&n) || n > (data_.size() - at_) / sizeof(T)) return false;
    v->resize(size_t(n));
    if (n) std::memcpy(v->data(), data_.data() + at_, size_t(n) * sizeof(T));
    at_ += size_t(n) * sizeof(T);
    return true;
  }
  bool text(std::string* s) {
    uint64_t n = 0;
    if (!value(&n) || n > data_.size() - at_) return false;
    s->assign(data_.data() + at_, size_t(n));
    at_ += size_t(n);
    return true;
  }
  bool at_end() const { return at_ == data_.size(); }

 private:
  std::string_view data_;
  size_t at_ = 0;
};

// Writes magic (8 bytes), key, body and a checksum of all of it, atomically.
bool write_cache_file(const std::string& path, const char (&magic)[8], uint64_t key, std::string_view body);
// A file written by write_cache_file with this magic and key and an intact checksum; nullopt
// otherwise (missing, other version or key, truncated, corrupt).
struct CacheFile {
  std::string bytes;  // the whole file
  std::string_view body() const { return std::string_view(bytes).substr(16, bytes.size() - 24); }
};
std::optional<CacheFile> read_cache_file(const std::string& path, const char (&magic)[8], uint64_t key);
// Keeps the newest `keep` files in dir whose names end with suffix (by modification time).
void prune_cache_files(const std::string& dir, std::string_view suffix, size_t keep);

}  // namespace driftmap::core
