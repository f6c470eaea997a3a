// A whole regular file mapped read-only into memory (move-only), so that readers see its bytes
// without copying them.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace driftmap::core {

class MappedFile {
 public:
  MappedFile() = default;
  explicit MappedFile(const std::string& path);  // empty (data() == nullptr) when it can't be mapped
  ~MappedFile();
  MappedFile(MappedFile&& o) noexcept;
  MappedFile& operator=(MappedFile&& o) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const char* data() const { return data_; }
  size_t size() const { return size_; }
  std::string_view view() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace driftmap::core
