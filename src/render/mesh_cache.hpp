// An on-disk cache of boundary meshes. Building a mesh (project, simplify, GEOS triangulation)
// costs hundreds of milliseconds for a world-wide view, and the same inputs come back on every
// run (the bundled view, a repeated export), so meshes are stored content-addressed: the key
// hashes the boundary geometry, the projection and the options. A missing, stale or corrupt
// cache file only means the mesh is built again; the cache never changes what is drawn.
#pragma once
#include <optional>
#include <string>

#include "render/boundary_mesh.hpp"

namespace driftmap::render {

// 64-bit key over everything build_boundary_mesh() reads.
uint64_t mesh_cache_key(const core::Boundaries& b, const core::Projection& proj, const BoundaryMeshOptions& opt);

std::optional<BoundaryMesh> read_cached_mesh(const std::string& file, uint64_t key);
bool write_cached_mesh(const std::string& file, uint64_t key, const BoundaryMesh& mesh);

// build_boundary_mesh() through the cache in core::cache_dir(). Keeps at most a few files.
BoundaryMesh load_or_build_boundary_mesh(const core::Boundaries& b, const core::Projection& proj,
                                         const BoundaryMeshOptions& opt = {});

}  // namespace driftmap::render
