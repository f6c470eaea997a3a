#include "render/mesh_cache.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <cstdio>
#include <optional>

#include "core/atomic_file.hpp"

namespace driftmap::render {

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'D', 'M', 'M', 'E', 'S', 'H', '0', '2'};
constexpr size_t kMaxFiles = 12;

// A 64-bit hash of everything fed to it, eight bytes per step (FNV-1a's multiply with a
// xor-shift, which a byte-wise FNV needs eight steps for): the key hashes megabytes of boundary
// coordinates and the checksum a mesh file of several, on every export.
struct Fnv {
  uint64_t h = 1469598103934665603ull;
  void word(uint64_t w) {
    h = (h ^ w) * 1099511628211ull;
    h ^= h >> 29;
  }
  void bytes(const void* p, size_t n) {
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
  template <class T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
  void text(const std::string& s) {
    value(s.size());
    bytes(s.data(), s.size());
  }
};

void hash_areas(Fnv& f, const std::vector<core::AdminArea>& areas) {
  f.value(areas.size());
  for (const auto& a : areas) {
    f.text(a.name);
    f.text(a.iso_a3);
    f.value(a.shape.size());
    for (const auto& p : a.shape) {
      f.value(p.outer.size());
      f.bytes(p.outer.data(), p.outer.size() * sizeof(core::Vec2));
      f.value(p.holes.size());
      for (const auto& h : p.holes) {
        f.value(h.size());
        f.bytes(h.data(), h.size() * sizeof(core::Vec2));
      }
    }
  }
}

template <class T>
void put(std::string& out, const std::vector<T>& v) {
  const uint64_t n = v.size();
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  if (!v.empty()) out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

// Reads one vector written by put() from in[at, end).
template <class T>
bool get(const std::string& in, size_t end, size_t& at, std::vector<T>& v) {
  uint64_t n;
  if (at + sizeof n > end) return false;
  std::memcpy(&n, in.data() + at, sizeof n);
  at += sizeof n;
  if (n > (end - at) / sizeof(T)) return false;
  v.resize(n);
  if (n) std::memcpy(v.data(), in.data() + at, n * sizeof(T));
  at += n * sizeof(T);
  return true;
}

// The whole file in one read (no stream buffering of several megabytes).
std::optional<std::string> read_whole_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::optional<std::string> out;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    const long size = std::ftell(f);
    if (size >= 0 && std::fseek(f, 0, SEEK_SET) == 0) {
      std::string s(size_t(size), '\0');
      if (std::fread(s.data(), 1, s.size(), f) == s.size()) out = std::move(s);
    }
  }
  std::fclose(f);
  return out;
}

void prune(const std::string& dir) {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".mesh") files.emplace_back(e.last_write_time(ec), e.path());
  if (files.size() <= kMaxFiles) return;
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + kMaxFiles < files.size(); ++i) fs::remove(files[i].second, ec);
}

}  // namespace

std::string mesh_cache_dir() {
  if (const char* d = std::getenv("DRIFTMAP_CACHE_DIR")) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/driftmap";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/driftmap";
  return {};
}

uint64_t mesh_cache_key(const core::Boundaries& b, const core::Projection& proj, const BoundaryMeshOptions& opt) {
  Fnv f;
  f.value(sizeof(FillVertex));
  f.value(sizeof(Segment));
  f.text(proj.proj_string());
  f.value(opt.area_of_interest.min_lon);
  f.value(opt.area_of_interest.min_lat);
  f.value(opt.area_of_interest.max_lon);
  f.value(opt.area_of_interest.max_lat);
  f.value(opt.simplify_m);
  hash_areas(f, b.admin0());
  hash_areas(f, b.admin1());
  return f.h;
}

bool write_cached_mesh(const std::string& file, uint64_t key, const BoundaryMesh& m) {
  std::string out(kMagic, sizeof kMagic);
  out.append(reinterpret_cast<const char*>(&key), sizeof key);
  out.append(reinterpret_cast<const char*>(&m.admin0_count), sizeof m.admin0_count);
  out.append(reinterpret_cast<const char*>(&m.admin1_count), sizeof m.admin1_count);
  put(out, m.admin0_vertices);
  put(out, m.admin1_vertices);
  put(out, m.admin0_indices);
  put(out, m.admin1_indices);
  put(out, m.country_segments);
  put(out, m.admin1_segments);
  Fnv check;
  check.bytes(out.data(), out.size());
  out.append(reinterpret_cast<const char*>(&check.h), sizeof check.h);
  return core::write_file_atomically(file, out);
}

std::optional<BoundaryMesh> read_cached_mesh(const std::string& file, uint64_t key) {
  const std::optional<std::string> file_bytes = read_whole_file(file);
  if (!file_bytes) return std::nullopt;
  const std::string& in = *file_bytes;
  constexpr size_t kHeader = sizeof kMagic + sizeof(uint64_t) + 2 * sizeof(uint32_t);
  if (in.size() < kHeader + sizeof(uint64_t) || std::memcmp(in.data(), kMagic, sizeof kMagic) != 0)
    return std::nullopt;
  Fnv check;
  check.bytes(in.data(), in.size() - sizeof(uint64_t));
  uint64_t stored_check, stored_key;
  std::memcpy(&stored_check, in.data() + in.size() - sizeof(uint64_t), sizeof stored_check);
  std::memcpy(&stored_key, in.data() + sizeof kMagic, sizeof stored_key);
  if (stored_check != check.h || stored_key != key) return std::nullopt;
  const size_t end = in.size() - sizeof(uint64_t);  // the body, without the checksum
  BoundaryMesh m;
  size_t at = sizeof kMagic + sizeof(uint64_t);
  std::memcpy(&m.admin0_count, in.data() + at, sizeof m.admin0_count);
  at += sizeof m.admin0_count;
  std::memcpy(&m.admin1_count, in.data() + at, sizeof m.admin1_count);
  at += sizeof m.admin1_count;
  if (!get(in, end, at, m.admin0_vertices) || !get(in, end, at, m.admin1_vertices) ||
      !get(in, end, at, m.admin0_indices) || !get(in, end, at, m.admin1_indices) ||
      !get(in, end, at, m.country_segments) || !get(in, end, at, m.admin1_segments) || at != end)
    return std::nullopt;
  return m;
}

BoundaryMesh load_or_build_boundary_mesh(const core::Boundaries& b, const core::Projection& proj,
                                         const BoundaryMeshOptions& opt) {
  const std::string dir = mesh_cache_dir();
  if (dir.empty()) return build_boundary_mesh(b, proj, opt);
  const uint64_t key = mesh_cache_key(b, proj, opt);
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.mesh", static_cast<unsigned long long>(key));
  const std::string file = dir + "/" + name;
  if (auto cached = read_cached_mesh(file, key)) {
    std::error_code ec;
    fs::last_write_time(file, fs::file_time_type::clock::now(), ec);  // keep recently used files
    return std::move(*cached);
  }
  BoundaryMesh mesh = build_boundary_mesh(b, proj, opt);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!ec && write_cached_mesh(file, key, mesh)) prune(dir);
  return mesh;
}

}  // namespace driftmap::render
