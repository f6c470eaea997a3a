// Reads incidents from an OGR point source (GeoJSON, GeoPackage, Shapefile, FlatGeobuf, KML):
// picks the layer (the first, or --layer NAME; says which when there are several), refuses
// GeoPackage views (a stored query can run for ever), transforms projected coordinates to WGS84
// and hands each feature's values to the shared row reader. Problems name "feature N".
#pragma once
#include <string>
#include <string_view>

#include "core/incident_loader.hpp"

namespace driftmap::core {

// ogr_path: what GDAL opens (the file, or its UTF-8 copy in /vsimem/); path: what messages name.
// json_text: a GeoJSON file's text, so that a file GDAL cannot parse is reported with the line
// and column where it breaks; empty for other sources.
void read_ogr_incidents(const std::string& path, const std::string& ogr_path, std::string_view json_text,
                        const LoadOptions& options, ParsedRows& out);

}  // namespace driftmap::core
