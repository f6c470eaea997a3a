#include "render/mesh_cache.hpp"

#include <cstdio>
#include <filesystem>

#include "core/disk_cache.hpp"

namespace driftmap::render {

namespace {

constexpr char kMagic[8] = {'D', 'M', 'M', 'E', 'S', 'H', '0', '3'};
// An export with insets and a locator map uses four meshes (the main map's and one per small
// map): room for several exports' worth (a slide deck at 1080p and 4K, a PDF), at 50 KB-1 MB each.
constexpr size_t kMaxFiles = 32;

}  // namespace

uint64_t mesh_cache_key(const core::Boundaries& b, const core::Projection& proj, const BoundaryMeshOptions& opt) {
  core::Hash64 f;
  f.value(sizeof(FillVertex));
  f.value(sizeof(Segment));
  f.text(proj.proj_string());
  f.value(opt.area_of_interest.min_lon);
  f.value(opt.area_of_interest.min_lat);
  f.value(opt.area_of_interest.max_lon);
  f.value(opt.area_of_interest.max_lat);
  f.value(opt.simplify_m);
  f.value(opt.provinces);
  f.value(b.geometry_key());
  return f.h;
}

bool write_cached_mesh(const std::string& file, uint64_t key, const BoundaryMesh& m) {
  core::BinaryWriter w;
  w.value(m.admin0_count);
  w.value(m.admin1_count);
  w.vector(m.admin0_vertices);
  w.vector(m.admin1_vertices);
  w.vector(m.admin0_indices);
  w.vector(m.admin1_indices);
  w.vector(m.country_segments);
  w.vector(m.admin1_segments);
  return core::write_cache_file(file, kMagic, key, w.out);
}

std::optional<BoundaryMesh> read_cached_mesh(const std::string& file, uint64_t key) {
  const auto cached = core::read_cache_file(file, kMagic, key);
  if (!cached) return std::nullopt;
  core::BinaryReader r(cached->body());
  BoundaryMesh m;
  if (!r.value(&m.admin0_count) || !r.value(&m.admin1_count) || !r.vector(&m.admin0_vertices) ||
      !r.vector(&m.admin1_vertices) || !r.vector(&m.admin0_indices) || !r.vector(&m.admin1_indices) ||
      !r.vector(&m.country_segments) || !r.vector(&m.admin1_segments) || !r.at_end())
    return std::nullopt;
  return m;
}

BoundaryMesh load_or_build_boundary_mesh(const core::Boundaries& b, const core::Projection& proj,
                                         const BoundaryMeshOptions& opt) {
  const std::string dir = core::cache_dir();
  if (dir.empty()) return build_boundary_mesh(b, proj, opt);
  const uint64_t key = mesh_cache_key(b, proj, opt);
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.mesh", static_cast<unsigned long long>(key));
  const std::string file = dir + "/" + name;
  namespace fs = std::filesystem;
  if (auto cached = read_cached_mesh(file, key)) {
    std::error_code ec;
    fs::last_write_time(file, fs::file_time_type::clock::now(), ec);  // keep recently used files
    return std::move(*cached);
  }
  BoundaryMesh mesh = build_boundary_mesh(b, proj, opt);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!ec && write_cached_mesh(file, key, mesh)) core::prune_cache_files(dir, ".mesh", kMaxFiles);
  return mesh;
}

}  // namespace driftmap::render
