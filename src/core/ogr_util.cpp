#include "core/ogr_util.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_http.h>
#include <ogr_srs_api.h>

#include <cstdio>
#include <mutex>

namespace driftmap::core {

namespace {

// Every HTTP request GDAL would make through CPLHTTPFetch (a GeoJSON "crs" link, a KML
// NetworkLink, a CRS given as a URL, ...) fails here without touching the network.
CPLHTTPResult* refuse_http(const char* url, CSLConstList, GDALProgressFunc, void*, CPLHTTPFetchWriteFunc, void*,
                           void*) {
  auto* r = static_cast<CPLHTTPResult*>(CPLCalloc(1, sizeof(CPLHTTPResult)));
  r->nStatus = 1;
  r->pszErrBuf = CPLStrdup((std::string("network access is disabled in driftmap: ") + (url ? url : "")).c_str());
  return r;
}

}  // namespace

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    CPLHTTPSetFetchCallback(refuse_http, nullptr);
    OSRSetPROJEnableNetwork(FALSE);
    // OGR's CSV reader drops columns past 2000 by default; incident_loader refuses beyond this.
    CPLSetConfigOption("OGR_CSV_MAX_FIELD_COUNT", "200000");
    CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".none");
    CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
    GDALAllRegister();
  });
}

namespace {
thread_local GdalErrorCapture* t_capture = nullptr;
}

GdalErrorCapture::GdalErrorCapture() {
  CPLPushErrorHandlerEx(
      [](CPLErr e, CPLErrorNum n, const char* msg) {
        if (t_capture) handler(e, n, msg);
      },
      nullptr);
  prev_ = t_capture;
  t_capture = this;
  CPLErrorReset();
}

GdalErrorCapture::~GdalErrorCapture() {
  CPLPopErrorHandler();
  t_capture = prev_;
}

void GdalErrorCapture::handler(CPLErr e, CPLErrorNum, const char* msg) {
  if (e >= CE_Failure && t_capture) t_capture->messages_.emplace_back(msg ? msg : "");
}

}  // namespace driftmap::core

namespace driftmap::core {


SpatialReferencePtr make_wgs84_lon_lat() {
  SpatialReferencePtr srs(OSRNewSpatialReference(nullptr));
  OSRImportFromEPSG(srs.get(), 4326);
  OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

}  // namespace driftmap::core
