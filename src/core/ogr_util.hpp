// Internal helpers around GDAL/OGR: one-time registration, quiet error capture, RAII handles.
#pragma once
#include <gdal.h>
#include <ogr_api.h>

#include <memory>
#include <string>
#include <vector>

#include <ogr_srs_api.h>

namespace driftmap::core {

// Registers GDAL drivers once and turns off network access for GDAL (no /vsicurl/ fetching).
void ensure_gdal();

// Collects GDAL error messages instead of letting them go to stderr, while alive.
class GdalErrorCapture {
 public:
  GdalErrorCapture();
  ~GdalErrorCapture();
  GdalErrorCapture(const GdalErrorCapture&) = delete;
  GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;
  const std::vector<std::string>& messages() const { return messages_; }
  std::string last() const { return messages_.empty() ? std::string() : messages_.back(); }

 private:
  static void handler(CPLErr, CPLErrorNum, const char* msg);
  std::vector<std::string> messages_;
  GdalErrorCapture* prev_ = nullptr;
};

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(ds); }
};
using GdalDatasetPtr = std::unique_ptr<void, DatasetCloser>;

struct FeatureDeleter {
  void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDeleter>;

struct SpatialReferenceDeleter {
  void operator()(OGRSpatialReferenceH s) const { OSRDestroySpatialReference(s); }
};
using SpatialReferencePtr = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SpatialReferenceDeleter>;

struct TransformDeleter {
  void operator()(OGRCoordinateTransformationH t) const { OCTDestroyCoordinateTransformation(t); }
};
using TransformPtr = std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDeleter>;

// WGS84 with lon/lat axis order (what driftmap stores), owned.
SpatialReferencePtr make_wgs84_lon_lat();


}  // namespace driftmap::core
