#include "core/csv_table.hpp"

#include <filesystem>

#include "core/ogr_util.hpp"

namespace driftmap::core {

int CsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

std::string_view CsvTable::get(size_t row, std::string_view name) const {
  const int c = column(name);
  if (c < 0 || row >= rows.size()) return {};
  return rows[row][static_cast<size_t>(c)];
}

std::optional<CsvTable> read_csv_table(const std::string& path, const std::vector<std::string>& required,
                                       Problems* problems) {
  ensure_gdal();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    if (problems) problems->error(path, 0, "", std::filesystem::exists(path, ec) ? "not a regular file" : "no such file");
    return std::nullopt;
  }
  GdalErrorCapture capture;
  const char* drivers[] = {"CSV", nullptr};
  const char* options[] = {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", "HEADERS=YES", "EMPTY_STRING_AS_NULL=NO",
                           nullptr};
  const std::string open_path = path.ends_with(".csv") ? path : "CSV:" + path;
  GdalDatasetPtr ds(GDALOpenEx(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options, nullptr));
  if (!ds) {
    if (problems) problems->error(path, 0, "", "cannot be read as CSV: " + capture.last());
    return std::nullopt;
  }
  OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
  if (!layer) {
    if (problems) problems->error(path, 0, "", "has no table");
    return std::nullopt;
  }
  CsvTable t;
  t.path = path;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  const int nf = OGR_FD_GetFieldCount(defn);
  for (int i = 0; i < nf; ++i) t.columns.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
  bool ok = true;
  for (const auto& r : required) {
    if (t.column(r) < 0) {
      if (problems) problems->error(path, 1, r, "required column is missing");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  const std::vector<int64_t> record_lines = csv_record_lines(path);
  OGR_L_ResetReading(layer);
  while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
    std::vector<std::string> row(static_cast<size_t>(nf));
    for (int i = 0; i < nf; ++i)
      if (OGR_F_IsFieldSetAndNotNull(f.get(), i)) row[static_cast<size_t>(i)] = OGR_F_GetFieldAsString(f.get(), i);
    const auto fid = static_cast<size_t>(OGR_F_GetFID(f.get()));
    t.lines.push_back(fid < record_lines.size() ? record_lines[fid] : static_cast<int64_t>(fid) + 1);
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace driftmap::core
