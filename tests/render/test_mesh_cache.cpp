#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/geodata.hpp"
#include "core/disk_cache.hpp"
#include "render/mesh_cache.hpp"
#include "../support/synthetic_geodata.hpp"

using namespace driftmap;
namespace fs = std::filesystem;
using driftmap::testing::TempDir;

namespace {
const core::Boundaries& boundaries() {
  static const core::Boundaries b = [] {
    core::Problems p;
    auto loaded = core::Boundaries::load(core::geodata_file("boundaries.gpkg"), core::geodata_file("admin1_aliases.csv"), &p);
    if (!loaded) FAIL("boundaries did not load");
    return std::move(*loaded);
  }();
  return b;
}
render::BoundaryMeshOptions afpak() {
  render::BoundaryMeshOptions o;
  o.area_of_interest.extend(60, 29);
  o.area_of_interest.extend(75, 39);
  o.simplify_m = 500;
  return o;
}
bool same(const render::BoundaryMesh& a, const render::BoundaryMesh& b) {
  auto eq = [](const auto& x, const auto& y) {
    return x.size() == y.size() && (x.empty() || std::memcmp(x.data(), y.data(), x.size() * sizeof(x[0])) == 0);
  };
  return a.admin0_count == b.admin0_count && a.admin1_count == b.admin1_count &&
         eq(a.admin0_vertices, b.admin0_vertices) && eq(a.admin1_vertices, b.admin1_vertices) &&
         eq(a.admin0_indices, b.admin0_indices) && eq(a.admin1_indices, b.admin1_indices) &&
         eq(a.country_segments, b.country_segments) && eq(a.admin1_segments, b.admin1_segments);
}
}  // namespace

TEST_CASE("a cached mesh reads back identical to the mesh that was built") {
  const auto proj = core::Projection::laea(67, 34);
  const auto mesh = render::build_boundary_mesh(boundaries(), proj, afpak());
  REQUIRE_FALSE(mesh.admin1_indices.empty());
  TempDir dir;
  const uint64_t key = render::mesh_cache_key(boundaries(), proj, afpak());
  REQUIRE(render::write_cached_mesh(dir.file("m.mesh"), key, mesh));
  auto back = render::read_cached_mesh(dir.file("m.mesh"), key);
  REQUIRE(back);
  CHECK(same(*back, mesh));
}

TEST_CASE("the cache key changes with the projection, the options and the geometry") {
  const auto a = core::Projection::laea(67, 34), b = core::Projection::laea(67.01, 34);
  const uint64_t k = render::mesh_cache_key(boundaries(), a, afpak());
  CHECK(k == render::mesh_cache_key(boundaries(), core::Projection::laea(67, 34), afpak()));
  CHECK(k != render::mesh_cache_key(boundaries(), b, afpak()));
  auto o = afpak();
  o.simplify_m = 501;
  CHECK(k != render::mesh_cache_key(boundaries(), a, o));
  core::Problems p;
  auto split = core::Boundaries::load(core::geodata_file("boundaries.gpkg"), core::geodata_file("admin1_aliases.csv"), &p, true);
  REQUIRE(split);
  CHECK(k != render::mesh_cache_key(*split, a, afpak()));
}

TEST_CASE("a corrupt, truncated or foreign cache file is ignored and the mesh rebuilt") {
  const auto proj = core::Projection::laea(67, 34);
  TempDir dir;
  setenv("DRIFTMAP_CACHE_DIR", dir.path.c_str(), 1);
  const auto built = render::load_or_build_boundary_mesh(boundaries(), proj, afpak());
  size_t files = 0;
  std::string file;
  for (const auto& e : fs::directory_iterator(dir.path)) {
    if (e.path().extension() != ".mesh") continue;  // the boundaries' own cache may be there too
    ++files;
    file = e.path();
  }
  REQUIRE(files == 1);
  const uint64_t key = render::mesh_cache_key(boundaries(), proj, afpak());
  CHECK_FALSE(render::read_cached_mesh(file, key + 1));  // another key
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    f.put('\x7f');
  }
  CHECK_FALSE(render::read_cached_mesh(file, key));  // checksum catches a flipped byte
  fs::resize_file(file, 50);
  CHECK_FALSE(render::read_cached_mesh(file, key));  // truncated
  const auto rebuilt = render::load_or_build_boundary_mesh(boundaries(), proj, afpak());
  CHECK(same(rebuilt, built));
  CHECK(render::read_cached_mesh(file, key));  // rewritten whole
  unsetenv("DRIFTMAP_CACHE_DIR");
}

TEST_CASE("an empty cache directory setting disables the cache") {
  setenv("DRIFTMAP_CACHE_DIR", "", 1);
  CHECK(core::cache_dir().empty());
  const auto proj = core::Projection::laea(67, 34);
  CHECK(same(render::load_or_build_boundary_mesh(boundaries(), proj, afpak()),
             render::build_boundary_mesh(boundaries(), proj, afpak())));
  unsetenv("DRIFTMAP_CACHE_DIR");
}
