#include "core/disk_cache.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/atomic_file.hpp"

namespace driftmap::core {

namespace fs = std::filesystem;

std::string cache_dir() {
  if (const char* d = std::getenv("DRIFTMAP_CACHE_DIR")) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/driftmap";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/driftmap";
  return {};
}

void Hash64::bytes(const void* p, size_t n) {
  const auto* c = static_cast<const unsigned char*>(p);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, c + i, 8);
    word(w);
  }
  uint64_t tail = n - i;  // the count of leftover bytes, then the bytes themselves
  for (; i < n; ++i) tail = tail << 8 | c[i];
  word(tail);
}

bool write_cache_file(const std::string& path, const char (&magic)[8], uint64_t key, std::string_view body) {
  std::string out(magic, sizeof magic);
  out.append(reinterpret_cast<const char*>(&key), sizeof key);
  out.append(body);
  Hash64 check;
  check.bytes(out.data(), out.size());
  out.append(reinterpret_cast<const char*>(&check.h), sizeof check.h);
  return write_file_atomically(path, out);
}

std::optional<CacheFile> read_cache_file(const std::string& path, const char (&magic)[8], uint64_t key) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::string in;
  bool ok = std::fseek(f, 0, SEEK_END) == 0;
  const long size = ok ? std::ftell(f) : -1;
  ok = size >= 0 && std::fseek(f, 0, SEEK_SET) == 0;
  if (ok) {
    in.resize(size_t(size));
    ok = std::fread(in.data(), 1, in.size(), f) == in.size();
  }
  std::fclose(f);
  constexpr size_t kHead = sizeof magic + sizeof(uint64_t);
  if (!ok || in.size() < kHead + sizeof(uint64_t) || std::memcmp(in.data(), magic, sizeof magic) != 0) return std::nullopt;
  uint64_t stored_key, stored_check;
  std::memcpy(&stored_key, in.data() + sizeof magic, sizeof stored_key);
  std::memcpy(&stored_check, in.data() + in.size() - sizeof stored_check, sizeof stored_check);
  if (stored_key != key) return std::nullopt;
  Hash64 check;
  check.bytes(in.data(), in.size() - sizeof stored_check);
  if (check.h != stored_check) return std::nullopt;
  static_assert(kHead == 16);  // CacheFile::body()
  return CacheFile{std::move(in)};
}

void prune_cache_files(const std::string& dir, std::string_view suffix, size_t keep) {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      files.emplace_back(e.last_write_time(ec), e.path());
  }
  if (files.size() <= keep) return;
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + keep < files.size(); ++i) fs::remove(files[i].second, ec);
}

}  // namespace driftmap::core
