// Map projections through PROJ. Geometry is projected once at load; the GPU receives floats in
// metres relative to the projection's centre, which keeps float precision at any zoom we use.
#pragma once
#include <memory>
#include <string>
#include <utility>

namespace driftmap::core {

struct Vec2 {
  double x = 0, y = 0;
};

struct GeoBox {
  double min_lon = 180, min_lat = 90, max_lon = -180, max_lat = -90;
  bool valid() const { return min_lon <= max_lon && min_lat <= max_lat; }
  void extend(double lon, double lat);
  double centre_lon() const { return 0.5 * (min_lon + max_lon); }
  double centre_lat() const { return 0.5 * (min_lat + max_lat); }
  bool contains(double lon, double lat) const { return lon >= min_lon && lon <= max_lon && lat >= min_lat && lat <= max_lat; }
};

enum class ProjectionKind { LambertAzimuthalEqualArea, WebMercator, EqualEarth };

class Projection {
 public:
  // Equal-area LAEA centred on (lon0, lat0).
  static Projection laea(double lon0_deg, double lat0_deg);
  static Projection web_mercator();
  // Equal Earth (equal-area world projection) centred on meridian lon0: for frames that span
  // continents, where an azimuthal projection would bend the edges.
  static Projection equal_earth(double lon0_deg);
  // The default for data covering `box`: LAEA centred on it.
  static Projection for_extent(const GeoBox& box);

  // The same projection with its own PROJ context and object: PROJ objects are not shared between
  // threads, so each worker projecting part of a large array gets a clone.
  Projection clone() const;

  Projection(Projection&&) noexcept;
  Projection& operator=(Projection&&) noexcept;
  ~Projection();

  Vec2 forward(double lon_deg, double lat_deg) const;   // metres
  Vec2 inverse(double x_m, double y_m) const;           // degrees (x = lon, y = lat)
  // Transforms n points in place: in lon/lat degrees, out metres (stride in doubles).
  void forward_inplace(double* xy, size_t n) const;

  ProjectionKind kind() const { return kind_; }
  double lon0() const { return lon0_; }
  double lat0() const { return lat0_; }
  std::string proj_string() const;  // "+proj=laea +lat_0=... +lon_0=..."
  std::string wkt() const;          // for GeoTIFF/GeoPackage output
  bool is_equal_area() const { return kind_ != ProjectionKind::WebMercator; }

 private:
  struct Impl;
  Projection(ProjectionKind kind, double lon0, double lat0);
  struct CloneTag {};
  Projection(const Projection& from, CloneTag);
  std::unique_ptr<Impl> impl_;
  ProjectionKind kind_;
  double lon0_ = 0, lat0_ = 0;
};

// Projected bounds of a lon/lat box: its edges sampled (33 points each), since a projected
// box is not a rectangle; unprojectable points are skipped.
std::pair<Vec2, Vec2> projected_bounds(const Projection& p, const GeoBox& b);
// The inverse: the lon/lat box of the projected rectangle [lo, hi] (its edges sampled, since
// the edges of an azimuthal view are curves in lon/lat); unprojectable points are skipped.
GeoBox lonlat_bounds(const Projection& p, Vec2 lo, Vec2 hi);

}  // namespace driftmap::core
