// The table of output formats and the look-ups over it.
#include "output/output_format.hpp"

#include <sys/stat.h>

#include "core/text.hpp"

namespace driftmap::output {

// Each writer file defines its factory; it is declared here beside its row.
std::unique_ptr<OutputWriter> make_png_writer();
std::unique_ptr<OutputWriter> make_geotiff_writer();
std::unique_ptr<OutputWriter> make_svg_writer();
std::unique_ptr<OutputWriter> make_pdf_writer();
std::unique_ptr<OutputWriter> make_mp4_writer();
std::unique_ptr<OutputWriter> make_gif_writer();
std::unique_ptr<OutputWriter> make_frames_writer();

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> kFormats = {
      {".png", "PNG image", OutputKind::Raster, make_png_writer, nullptr, true},
      {".tif", "GeoTIFF (the map, georeferenced)", OutputKind::Raster, make_geotiff_writer, ".tiff"},
      {".svg", "SVG (vector layers)", OutputKind::Vector, make_svg_writer, nullptr, true},
      {".pdf", "PDF (vector, text as text)", OutputKind::Vector, make_pdf_writer, nullptr, true},
      {".mp4", "MP4 video", OutputKind::Animation, make_mp4_writer},
      {".gif", "GIF animation", OutputKind::Animation, make_gif_writer},
      {"/", "PNG frames (directory)", OutputKind::Animation, make_frames_writer},
  };
  return kFormats;
}

std::string extension_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return path.substr(dot);
}

const OutputFormat* output_format_for(const std::string& path) {
  if (path.empty()) return nullptr;
  const std::string ext = core::to_lower_ascii(extension_of(path));
  const OutputFormat* directory = nullptr;
  for (const OutputFormat& f : output_formats()) {
    if (f.is_directory()) directory = &f;
    else if (path.back() != '/' && (ext == f.extension || (f.alias && ext == f.alias))) return &f;
  }
  // No extension of a file format: a name ending in '/' or an existing directory holds frames.
  struct stat st {};
  if (path.back() == '/' || (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))) return directory;
  return nullptr;
}

size_t format_index(const OutputFormat& format) { return size_t(&format - output_formats().data()); }

namespace {

std::string names_text(bool (*chosen)(const OutputFormat&)) {
  std::vector<std::string> names;
  for (const OutputFormat& f : output_formats()) {
    if (!chosen(f)) continue;
    names.push_back(f.is_directory() ? "DIR/" : std::string(f.extension) + (f.alias ? std::string("/") + f.alias : ""));
  }
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) s += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return s;
}

}  // namespace

std::string extensions_text(bool still) {
  return still ? names_text([](const OutputFormat& f) { return f.is_still(); })
               : names_text([](const OutputFormat& f) { return !f.is_still(); });
}

std::string panel_extensions_text() {
  return names_text([](const OutputFormat& f) { return f.panels; });
}

std::string with_extension(std::string path, const OutputFormat& format) {
  while (!path.empty() && path.back() == '/') path.pop_back();
  const std::string ext = extension_of(path);
  if (!ext.empty()) path.resize(path.size() - ext.size());
  if (path.size() > 7 && path.ends_with("_frames") && !format.is_directory()) path.resize(path.size() - 7);
  if (format.is_directory() && !path.ends_with("_frames")) path += "_frames";
  if (path.empty()) path = "driftmap-export";
  return path + format.extension;
}

}  // namespace driftmap::output
