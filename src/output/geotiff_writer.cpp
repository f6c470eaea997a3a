// GeoTIFF: the map frame alone (no title, legend or footer), georeferenced in the map's
// projection, so that it lies on other layers in a GIS. Written by GDAL into a temporary file
// that replaces the target only when complete.
#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <cstring>

#include "core/atomic_file.hpp"
#include "output/output_writer.hpp"

namespace driftmap::output {

namespace {

// The frame's rectangle of the image, top row first.
std::vector<uint8_t> crop(const render::RgbaImage& img, const render::PxRect& r) {
  std::vector<uint8_t> out(size_t(r.w) * size_t(r.h) * 4);
  for (int y = 0; y < r.h; ++y)
    std::memcpy(out.data() + size_t(y) * size_t(r.w) * 4,
                img.pixels.data() + ((size_t(r.y + y) * size_t(img.width)) + size_t(r.x)) * 4, size_t(r.w) * 4);
  return out;
}

bool write_geotiff(const std::string& path, const std::vector<uint8_t>& rgba, int w, int h,
                   const render::Georeference& geo, bool keep_alpha, std::string* error) {
  auto fail = [&](const std::string& msg) {
    if (error) *error = path + ": " + msg;
    return false;
  };
  core::AtomicFile file(path);
  if (!file.ok()) {
    if (error) *error = file.error();
    return false;
  }
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName("GTiff");
  if (!driver) return fail("GDAL has no GTiff driver");
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");  // no .aux.xml beside the file
  const int bands = keep_alpha ? 4 : 3;
  const char* opts[] = {"COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES", "PHOTOMETRIC=RGB",
                        keep_alpha ? "ALPHA=UNASSOCIATED" : nullptr, nullptr};
  CPLErrorReset();
  GDALDatasetH ds = GDALCreate(driver, file.temp_path().c_str(), w, h, bands, GDT_Byte, const_cast<char**>(opts));
  if (!ds) {
    CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
    return fail(std::string("GDAL cannot create the GeoTIFF: ") + CPLGetLastErrorMsg());
  }
  // The frame's top-left corner in projected metres; y decreases downwards.
  double gt[6] = {geo.origin_x_m, geo.metres_per_px, 0, geo.origin_y_m, 0, -geo.metres_per_px};
  bool ok = GDALSetGeoTransform(ds, gt) == CE_None;
  ok = ok && GDALSetProjection(ds, geo.wkt.c_str()) == CE_None;
  int band_map[4] = {1, 2, 3, 4};
  ok = ok && GDALDatasetRasterIO(ds, GF_Write, 0, 0, w, h, const_cast<uint8_t*>(rgba.data()), w, h, GDT_Byte, bands,
                                 band_map, 4, w * 4, 1) == CE_None;
  GDALClose(ds);
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
  if (!ok || CPLGetLastErrorType() >= CE_Failure) {
    file.fail("GDAL failed");
    return fail(std::string("GDAL failed to write the GeoTIFF: ") + CPLGetLastErrorMsg());
  }
  if (!file.commit()) {
    if (error) *error = file.error();
    return false;
  }
  return true;
}

class GeoTiffWriter final : public StillWriter {
  bool write_frame(render::MapExporter& ex, core::DayInterval w, const std::string& path, std::string* error) override {
    // The main map alone: an inset or the locator would put other places' pixels in its grid.
    const render::RgbaImage img = ex.render(w, /*insets=*/false);
    const render::Georeference geo = ex.georeference();
    render::PxRect r = geo.frame;
    r.w = std::min(r.w, img.width - r.x);
    r.h = std::min(r.h, img.height - r.y);
    if (r.empty() || r.x < 0 || r.y < 0) {
      if (error) *error = path + ": the map frame is empty";
      return false;
    }
    return write_geotiff(path, crop(img, r), r.w, r.h, geo, ex.keeps_alpha(), error);
  }
};

}  // namespace

std::unique_ptr<OutputWriter> make_geotiff_writer() { return std::make_unique<GeoTiffWriter>(); }

}  // namespace driftmap::output
