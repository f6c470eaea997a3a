// The one table of output formats: {extension, label, kind, writer}. `driftmap export` and
// `driftmap animate` (options, help and error messages), the viewer's Export dialog, its
// self-test and the tests all read it. Adding a format is a writer file in this folder and a
// row in output_format.cpp.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "output/output_writer.hpp"

namespace driftmap::output {

// Raster and Vector are still images (`export`); Animation is a frame sequence (`animate`).
enum class OutputKind { Raster, Vector, Animation };

struct OutputFormat {
  const char* extension;  // ".png"; "/" = a directory (named with a trailing '/', or existing)
  const char* label;      // what the Export dialog lists
  OutputKind kind;
  std::unique_ptr<OutputWriter> (*writer)();
  const char* alias = nullptr;  // a second extension (".tiff")
  bool panels = false;          // takes a sheet of panels (--panels); a GeoTIFF holds one map

  bool is_still() const { return kind != OutputKind::Animation; }
  bool needs_gl() const { return kind != OutputKind::Vector; }  // pixels come from the GL renderer
  bool is_directory() const { return extension[0] == '/'; }
};

const std::vector<OutputFormat>& output_formats();

// The format for a path: by its extension (case-insensitive); else frames for a path ending in
// '/' or naming an existing directory. Null when none matches.
const OutputFormat* output_format_for(const std::string& path);
// The row's index in output_formats().
size_t format_index(const OutputFormat& format);
// The extension of path as written ("" when none).
std::string extension_of(const std::string& path);
// For messages: ".png, .tif/.tiff, .svg or .pdf" (stills) or ".mp4, .gif or DIR/" (animations).
std::string extensions_text(bool still);
// For messages: ".png, .svg or .pdf" (the formats that take a sheet of panels).
std::string panel_extensions_text();
// The path with its extension replaced by the format's (frames: "NAME_frames/").
std::string with_extension(std::string path, const OutputFormat& format);

}  // namespace driftmap::output
