#include "core/triangulation.hpp"

#include <geos_c.h>

#include <cmath>
#include <cstring>
#include <unordered_map>

namespace driftmap::core {

double Triangles::area() const {
  double a = 0;
  for (size_t t = 0; t + 2 < indices.size(); t += 3) {
    const Vec2 &p = vertices[indices[t]], &q = vertices[indices[t + 1]], &r = vertices[indices[t + 2]];
    a += 0.5 * std::abs((q.x - p.x) * (r.y - p.y) - (r.x - p.x) * (q.y - p.y));
  }
  return a;
}

namespace {

struct GeosHandle {
  GEOSContextHandle_t h = GEOS_init_r();
  ~GeosHandle() { GEOS_finish_r(h); }
};

struct GeomPtr {
  GEOSContextHandle_t h;
  GEOSGeometry* g;
  GeomPtr(GEOSContextHandle_t handle, GEOSGeometry* geom) : h(handle), g(geom) {}
  ~GeomPtr() {
    if (g) GEOSGeom_destroy_r(h, g);
  }
  GeomPtr(const GeomPtr&) = delete;
  GeomPtr& operator=(const GeomPtr&) = delete;
};

GEOSGeometry* make_ring(GEOSContextHandle_t h, const Ring& r) {
  const auto n = static_cast<unsigned>(r.size());
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, n + 1, 2);
  for (unsigned i = 0; i <= n; ++i) {
    const Vec2& p = r[i % n];
    GEOSCoordSeq_setXY_r(h, seq, i, p.x, p.y);
  }
  return GEOSGeom_createLinearRing_r(h, seq);
}

GEOSGeometry* make_polygon(GEOSContextHandle_t h, const Polygon& p) {
  std::vector<GEOSGeometry*> holes;
  for (const auto& r : p.holes)
    if (r.size() >= 3) holes.push_back(make_ring(h, r));
  return GEOSGeom_createPolygon_r(h, make_ring(h, p.outer), holes.data(), static_cast<unsigned>(holes.size()));
}

struct VertexKeyHash {
  size_t operator()(const std::pair<double, double>& k) const {
    uint64_t a, b;
    std::memcpy(&a, &k.first, 8);
    std::memcpy(&b, &k.second, 8);
    return std::hash<uint64_t>()(a * 0x9E3779B97F4A7C15ull ^ b);
  }
};

void collect_triangles(GEOSContextHandle_t h, const GEOSGeometry* tris, Triangles& out,
                       std::unordered_map<std::pair<double, double>, uint32_t, VertexKeyHash>& index) {
  const int n = GEOSGetNumGeometries_r(h, tris);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* tri = GEOSGetGeometryN_r(h, tris, i);
    if (GEOSGeomTypeId_r(h, tri) != GEOS_POLYGON) continue;
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, tri));
    Vec2 v[3];
    for (unsigned k = 0; k < 3; ++k) GEOSCoordSeq_getXY_r(h, seq, k, &v[k].x, &v[k].y);
    const double cross = (v[1].x - v[0].x) * (v[2].y - v[0].y) - (v[2].x - v[0].x) * (v[1].y - v[0].y);
    if (cross == 0) continue;
    if (cross < 0) std::swap(v[1], v[2]);
    for (const Vec2& p : v) {
      auto [it, inserted] = index.try_emplace({p.x, p.y}, static_cast<uint32_t>(out.vertices.size()));
      if (inserted) out.vertices.push_back(p);
      out.indices.push_back(it->second);
    }
  }
}

}  // namespace

Triangles triangulate(const MultiPolygon& m) {
  GeosHandle geos;
  GEOSContextHandle_t h = geos.h;
  Triangles out;
  std::unordered_map<std::pair<double, double>, uint32_t, VertexKeyHash> index;
  for (const Polygon& p : m) {
    if (p.outer.size() < 3) continue;
    GeomPtr poly(h, make_polygon(h, p));
    if (!poly.g) continue;
    const GEOSGeometry* input = poly.g;
    GeomPtr repaired(h, nullptr);
    if (GEOSisValid_r(h, poly.g) != 1) {
      repaired.g = GEOSMakeValid_r(h, poly.g);
      if (!repaired.g) continue;
      input = repaired.g;
    }
    GeomPtr tris(h, GEOSConstrainedDelaunayTriangulation_r(h, input));
    if (tris.g) collect_triangles(h, tris.g, out, index);
  }
  return out;
}

}  // namespace driftmap::core
