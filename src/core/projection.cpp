#include "core/projection.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace driftmap::core {

void GeoBox::extend(double lon, double lat) {
  if (!std::isfinite(lon) || !std::isfinite(lat)) return;  // a row without a stated place
  min_lon = std::min(min_lon, lon);
  max_lon = std::max(max_lon, lon);
  min_lat = std::min(min_lat, lat);
  max_lat = std::max(max_lat, lat);
}

struct Projection::Impl {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  ~Impl() {
    if (pj) proj_destroy(pj);
    if (ctx) proj_context_destroy(ctx);
  }
};

namespace {
// The projection's own parameters, without +type=crs.
std::string proj_definition(ProjectionKind kind, double lon0, double lat0) {
  char buf[160];
  if (kind == ProjectionKind::WebMercator) return "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m";
  if (kind == ProjectionKind::EqualEarth) {
    std::snprintf(buf, sizeof buf, "+proj=eqearth +lon_0=%.6f +x_0=0 +y_0=0 +ellps=WGS84 +units=m", lon0);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "+proj=laea +lat_0=%.6f +lon_0=%.6f +x_0=0 +y_0=0 +ellps=WGS84 +units=m", lat0, lon0);
  return buf;
}

std::string make_proj_string(ProjectionKind kind, double lon0, double lat0) {
  char buf[160];
  if (kind == ProjectionKind::WebMercator)
    return "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs +type=crs";
  if (kind == ProjectionKind::EqualEarth) {
    std::snprintf(buf, sizeof buf, "+proj=eqearth +lon_0=%.6f +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs +type=crs", lon0);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "+proj=laea +lat_0=%.6f +lon_0=%.6f +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs +type=crs",
                lat0, lon0);
  return buf;
}
}  // namespace

Projection::Projection(ProjectionKind kind, double lon0, double lat0)
    : impl_(std::make_unique<Impl>()), kind_(kind), lon0_(lon0), lat0_(lat0) {
  impl_->ctx = proj_context_create();
  proj_context_set_enable_network(impl_->ctx, 0);
  // From WGS 84 degrees (lon, lat order) to the target, written as the pipeline PROJ would choose
  // (a unit conversion, then the projection on the same ellipsoid: no datum shift). Asking PROJ
  // for EPSG:4326 -> target instead opens its database: 7-15 ms per projection, every export, for
  // the same numbers to the last bit (tested against it).
  const std::string pipeline = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " +
                               proj_definition(kind, lon0, lat0);
  impl_->pj = proj_create(impl_->ctx, pipeline.c_str());
  if (!impl_->pj) throw std::runtime_error("PROJ could not create " + pipeline);
}

Projection Projection::clone() const {
  Projection p(*this, CloneTag{});
  return p;
}

Projection::Projection(const Projection& from, CloneTag)
    : impl_(std::make_unique<Impl>()), kind_(from.kind_), lon0_(from.lon0_), lat0_(from.lat0_) {
  impl_->ctx = proj_context_create();
  proj_context_set_enable_network(impl_->ctx, 0);
  impl_->pj = proj_clone(impl_->ctx, from.impl_->pj);
  if (!impl_->pj) throw std::runtime_error("PROJ could not clone " + make_proj_string(kind_, lon0_, lat0_));
}

Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;
Projection::~Projection() = default;

Projection Projection::laea(double lon0_deg, double lat0_deg) {
  return Projection(ProjectionKind::LambertAzimuthalEqualArea, lon0_deg, lat0_deg);
}

Projection Projection::web_mercator() { return Projection(ProjectionKind::WebMercator, 0, 0); }

Projection Projection::equal_earth(double lon0_deg) { return Projection(ProjectionKind::EqualEarth, lon0_deg, 0); }

Projection Projection::for_extent(const GeoBox& box) {
  if (!box.valid()) return laea(65.0, 34.0);
  // Round the centre so equal inputs give identical projections (and byte-identical outputs).
  const double lon0 = std::round(box.centre_lon() * 100.0) / 100.0;
  const double lat0 = std::round(std::clamp(box.centre_lat(), -89.0, 89.0) * 100.0) / 100.0;
  return laea(lon0, lat0);
}

Vec2 Projection::forward(double lon_deg, double lat_deg) const {
  if (kind_ == ProjectionKind::WebMercator) lat_deg = std::clamp(lat_deg, -85.05112878, 85.05112878);
  PJ_COORD c = proj_coord(lon_deg, lat_deg, 0, 0);
  c = proj_trans(impl_->pj, PJ_FWD, c);
  return {c.xy.x, c.xy.y};
}

Vec2 Projection::inverse(double x_m, double y_m) const {
  PJ_COORD c = proj_coord(x_m, y_m, 0, 0);
  c = proj_trans(impl_->pj, PJ_INV, c);
  return {c.lp.lam, c.lp.phi};
}

void Projection::forward_inplace(double* xy, size_t n) const {
  if (kind_ == ProjectionKind::WebMercator)
    for (size_t i = 0; i < n; ++i) xy[2 * i + 1] = std::clamp(xy[2 * i + 1], -85.05112878, 85.05112878);
  proj_trans_generic(impl_->pj, PJ_FWD, xy, 2 * sizeof(double), n, xy + 1, 2 * sizeof(double), n, nullptr, 0, 0,
                     nullptr, 0, 0);
}

std::string Projection::proj_string() const {
  std::string s = make_proj_string(kind_, lon0_, lat0_);
  const auto p = s.find(" +type=crs");
  if (p != std::string::npos) s.erase(p);
  return s;
}

std::string Projection::wkt() const {
  PJ* crs = proj_create(impl_->ctx, make_proj_string(kind_, lon0_, lat0_).c_str());
  if (!crs) return {};
  const char* w = proj_as_wkt(impl_->ctx, crs, PJ_WKT1_GDAL, nullptr);
  std::string out = w ? w : "";
  proj_destroy(crs);
  return out;
}

std::pair<Vec2, Vec2> projected_bounds(const Projection& p, const GeoBox& b) {
  Vec2 lo{1e300, 1e300}, hi{-1e300, -1e300};
  constexpr int kSteps = 32;
  for (int i = 0; i <= kSteps; ++i) {
    const double t = double(i) / kSteps;
    const double lon = b.min_lon + (b.max_lon - b.min_lon) * t, lat = b.min_lat + (b.max_lat - b.min_lat) * t;
    for (Vec2 ll : {Vec2{lon, b.min_lat}, Vec2{lon, b.max_lat}, Vec2{b.min_lon, lat}, Vec2{b.max_lon, lat}}) {
      const Vec2 q = p.forward(ll.x, ll.y);
      if (!std::isfinite(q.x) || !std::isfinite(q.y)) continue;
      lo = {std::min(lo.x, q.x), std::min(lo.y, q.y)};
      hi = {std::max(hi.x, q.x), std::max(hi.y, q.y)};
    }
  }
  return {lo, hi};
}

GeoBox lonlat_bounds(const Projection& p, Vec2 lo, Vec2 hi) {
  GeoBox box;
  constexpr int kSteps = 32;
  for (int i = 0; i <= kSteps; ++i) {
    const double t = double(i) / kSteps;
    for (Vec2 q : {Vec2{lo.x + (hi.x - lo.x) * t, lo.y}, Vec2{lo.x + (hi.x - lo.x) * t, hi.y},
                   Vec2{lo.x, lo.y + (hi.y - lo.y) * t}, Vec2{hi.x, lo.y + (hi.y - lo.y) * t}}) {
      const Vec2 ll = p.inverse(q.x, q.y);
      if (std::isfinite(ll.x) && std::isfinite(ll.y)) box.extend(ll.x, ll.y);
    }
  }
  return box;
}

}  // namespace driftmap::core
