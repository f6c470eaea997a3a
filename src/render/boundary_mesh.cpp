// Building the boundary geometry: clip → project → simplify → triangulate / segment.
#include "render/boundary_mesh.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "core/triangulation.hpp"

namespace driftmap::render {

using core::GeoBox;
using core::MultiPolygon;
using core::Ring;
using core::Vec2;

core::Ring clip_ring(const Ring& r, const GeoBox& box) {
  Ring cur = r, next;
  auto clip_edge = [&](auto inside, auto intersect) {
    next.clear();
    const size_t n = cur.size();
    for (size_t i = 0; i < n; ++i) {
      const Vec2& a = cur[(i + n - 1) % n];
      const Vec2& b = cur[i];
      const bool ia = inside(a), ib = inside(b);
      if (ib) {
        if (!ia) next.push_back(intersect(a, b));
        next.push_back(b);
      } else if (ia) {
        next.push_back(intersect(a, b));
      }
    }
    std::swap(cur, next);
  };
  auto at_x = [](Vec2 a, Vec2 b, double x) { return Vec2{x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)}; };
  auto at_y = [](Vec2 a, Vec2 b, double y) { return Vec2{a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y}; };
  clip_edge([&](Vec2 p) { return p.x >= box.min_lon; }, [&](Vec2 a, Vec2 b) { return at_x(a, b, box.min_lon); });
  clip_edge([&](Vec2 p) { return p.x <= box.max_lon; }, [&](Vec2 a, Vec2 b) { return at_x(a, b, box.max_lon); });
  clip_edge([&](Vec2 p) { return p.y >= box.min_lat; }, [&](Vec2 a, Vec2 b) { return at_y(a, b, box.min_lat); });
  clip_edge([&](Vec2 p) { return p.y <= box.max_lat; }, [&](Vec2 a, Vec2 b) { return at_y(a, b, box.max_lat); });
  return cur;
}

namespace {

bool boxes_overlap(const GeoBox& a, const GeoBox& b) {
  return a.min_lon <= b.max_lon && b.min_lon <= a.max_lon && a.min_lat <= b.max_lat && b.min_lat <= a.max_lat;
}

bool box_contains(const GeoBox& outer, const GeoBox& inner) {
  return outer.min_lon <= inner.min_lon && inner.max_lon <= outer.max_lon && outer.min_lat <= inner.min_lat &&
         inner.max_lat <= outer.max_lat;
}


// Projects a ring (or an open run) and simplifies it with tolerance simplify_m (Douglas–Peucker,
// anchored at the first vertex and at the vertex farthest from it so a closed ring keeps its shape).
Ring project_ring(const Ring& r, const core::Projection& proj, double simplify_m, bool closed = true) {
  std::vector<double> xy(r.size() * 2);
  for (size_t i = 0; i < r.size(); ++i) {
    xy[2 * i] = r[i].x;
    xy[2 * i + 1] = r[i].y;
  }
  proj.forward_inplace(xy.data(), r.size());
  Ring pts;
  pts.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) {
    const Vec2 p{xy[2 * i], xy[2 * i + 1]};
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    if (!pts.empty() && p.x == pts.back().x && p.y == pts.back().y) continue;
    pts.push_back(p);
  }
  if (simplify_m <= 0 || pts.size() < 4) return pts;
  std::vector<char> keep(pts.size(), 0);
  const double tol2 = simplify_m * simplify_m;
  keep.front() = 1;
  if (closed) {
    size_t far = 0;
    double far_d = -1;
    for (size_t i = 1; i < pts.size(); ++i) {
      const double dx = pts[i].x - pts[0].x, dy = pts[i].y - pts[0].y;
      if (dx * dx + dy * dy > far_d) far_d = dx * dx + dy * dy, far = i;
    }
    keep[far] = 1;
    Ring loop = pts;
    loop.push_back(pts.front());  // close for the second half
    std::vector<char> keep_loop(loop.size(), 0);
    core::douglas_peucker(loop, 0, far, tol2, keep_loop);
    core::douglas_peucker(loop, far, loop.size() - 1, tol2, keep_loop);
    for (size_t i = 0; i < pts.size(); ++i) keep[i] |= keep_loop[i];
  } else {
    keep.back() = 1;
    douglas_peucker(pts, 0, pts.size() - 1, tol2, keep);
  }
  Ring out;
  for (size_t i = 0; i < pts.size(); ++i)
    if (keep[i]) out.push_back(pts[i]);
  // A ring simplified below a triangle is smaller than the tolerance: not visible.
  if (closed && out.size() < 3) out.clear();
  return out;
}

// The area's shape clipped to the box of interest (if it sticks out of it) and projected.
MultiPolygon prepare(const core::AdminArea& a, const core::Projection& proj, const BoundaryMeshOptions& opt,
                     bool clip) {
  MultiPolygon out;
  for (const auto& poly : a.shape) {
    core::Polygon p;
    p.outer = project_ring(clip ? clip_ring(poly.outer, opt.area_of_interest) : poly.outer, proj, opt.simplify_m);
    if (p.outer.size() < 3) continue;
    for (const auto& h : poly.holes) {
      Ring ph = project_ring(clip ? clip_ring(h, opt.area_of_interest) : h, proj, opt.simplify_m);
      if (ph.size() >= 3) p.holes.push_back(std::move(ph));
    }
    out.push_back(std::move(p));
  }
  return out;
}

// Outline segments of the original (unclipped) rings, keeping those near the box.
void add_segments(const core::AdminArea& a, const core::Projection& proj, const BoundaryMeshOptions& opt,
                  std::vector<Segment>& out) {
  const bool cull = opt.area_of_interest.valid();
  auto add_ring = [&](const Ring& r) {
    if (r.size() < 2) return;
    Ring kept;
    if (cull) {
      // Keep runs of edges whose bbox touches the box; project each run.
      Ring run;
      auto flush = [&] {
        if (run.size() >= 2) {
          Ring pr = project_ring(run, proj, opt.simplify_m, /*closed=*/false);
          for (size_t i = 0; i + 1 < pr.size(); ++i)
            out.push_back({float(pr[i].x), float(pr[i].y), float(pr[i + 1].x), float(pr[i + 1].y)});
        }
        run.clear();
      };
      const size_t n = r.size();
      for (size_t i = 0; i < n; ++i) {
        const Vec2 &p = r[i], &q = r[(i + 1) % n];
        GeoBox eb;
        eb.extend(p.x, p.y);
        eb.extend(q.x, q.y);
        if (boxes_overlap(eb, opt.area_of_interest)) {
          if (run.empty()) run.push_back(p);
          run.push_back(q);
        } else {
          flush();
        }
      }
      flush();
      return;
    }
    Ring pr = project_ring(r, proj, opt.simplify_m);
    if (pr.size() < 2) return;
    for (size_t i = 0; i < pr.size(); ++i) {
      const Vec2 &p = pr[i], &q = pr[(i + 1) % pr.size()];
      out.push_back({float(p.x), float(p.y), float(q.x), float(q.y)});
    }
  };
  for (const auto& poly : a.shape) {
    add_ring(poly.outer);
    for (const auto& h : poly.holes) add_ring(h);
  }
}

}  // namespace

core::Ring project_simplified(const Ring& r, const core::Projection& proj, double simplify_m, bool closed) {
  return project_ring(r, proj, simplify_m, closed);
}

BoundaryMesh build_boundary_mesh(const core::Boundaries& b, const core::Projection& proj,
                                 const BoundaryMeshOptions& opt) {
  BoundaryMesh mesh;
  mesh.admin0_count = uint32_t(b.admin0().size());
  mesh.admin1_count = uint32_t(b.admin1().size());
  const bool cull = opt.area_of_interest.valid();
  auto wanted = [&](const core::AdminArea& a) { return !cull || boxes_overlap(a.bbox, opt.area_of_interest); };
  auto needs_clip = [&](const core::AdminArea& a) { return cull && !box_contains(opt.area_of_interest, a.bbox); };

  // Projection runs here, serially (a PROJ object is not shared across threads); triangulation,
  // the expensive part, runs on every core below, and results are joined in area order so the
  // mesh is the same whatever the thread count.
  struct Job {
    MultiPolygon shape;
    uint32_t id, parent;
    bool admin1;
    core::Triangles tris;
  };
  // A country whose provinces cover it is filled by them alone (their fill shows the country's
  // highlight and override through parent_id); filling it twice would double the triangulation.
  std::vector<double> province_area(b.admin0().size(), 0.0);
  for (const auto& a : opt.provinces ? b.admin1() : std::vector<core::AdminArea>{})
    if (const auto parent = b.find_admin0(a.iso_a3)) province_area[*parent] += core::multipolygon_area(a.shape);

  std::vector<Job> jobs;
  for (size_t i = 0; i < b.admin0().size(); ++i) {
    const auto& a = b.admin0()[i];
    if (!wanted(a)) continue;
    add_segments(a, proj, opt, mesh.country_segments);
    if (province_area[i] >= 0.995 * core::multipolygon_area(a.shape)) continue;
    jobs.push_back({prepare(a, proj, opt, needs_clip(a)), uint32_t(i), 0xFFFFFFFFu, false, {}});
  }
  for (size_t i = 0; i < b.admin1().size(); ++i) {
    const auto& a = b.admin1()[i];
    if (!opt.provinces || !wanted(a)) continue;
    const auto parent = b.find_admin0(a.iso_a3);
    jobs.push_back({prepare(a, proj, opt, needs_clip(a)), mesh.admin0_count + uint32_t(i),
                    parent ? uint32_t(*parent) : 0xFFFFFFFFu, true, {}});
    add_segments(a, proj, opt, mesh.admin1_segments);
  }

  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t j; (j = next.fetch_add(1)) < jobs.size();)
      if (!jobs[j].shape.empty()) jobs[j].tris = core::triangulate(jobs[j].shape);
  };
  const unsigned n_threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < n_threads && t < jobs.size(); ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();

  for (const Job& job : jobs) {
    auto& verts = job.admin1 ? mesh.admin1_vertices : mesh.admin0_vertices;
    auto& indices = job.admin1 ? mesh.admin1_indices : mesh.admin0_indices;
    const auto base = uint32_t(verts.size());
    for (const Vec2& v : job.tris.vertices) verts.push_back({float(v.x), float(v.y), job.id, job.parent});
    for (uint32_t i : job.tris.indices) indices.push_back(base + i);
  }
  return mesh;
}

}  // namespace driftmap::render
