// PNG encoder benchmark on real exports: decodes each PNG named on the command line to
// RGBA, then times render::encode_png_parallel the way the map export calls it (RGB when the
// image is opaque) on 1 and 2 threads. Prints the minimum and median of the runs, the bytes, and
// whether the result decodes to the input pixels with the same bytes on both thread counts.
// Not part of the test run:
//   driftmap export --out /tmp/k.png --size 3840x2160
//   build-bench/bench/driftmap_pngbench [--runs N] [--level L] [--strip-rows R] /tmp/k.png...
#include <png.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "render/png_parallel.hpp"

using namespace driftmap;

namespace {

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;
};

bool decode(const void* data, size_t size, const char* file, Image* out) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  if (file ? !png_image_begin_read_from_file(&img, file) : !png_image_begin_read_from_memory(&img, data, size)) return false;
  img.format = PNG_FORMAT_RGBA;
  out->width = int(img.width), out->height = int(img.height);
  out->rgba.resize(PNG_IMAGE_SIZE(img));
  return png_image_finish_read(&img, nullptr, out->rgba.data(), 0, nullptr) != 0;
}

struct Timing {
  double min_ms, median_ms;
};

template <class F>
Timing time_runs(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms.front(), ms[ms.size() / 2]};
}

std::string load_average() {
  std::ifstream f("/proc/loadavg");
  std::string one, five, fifteen;
  f >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 15;
  render::PngEncodeOptions base;
  std::vector<const char*> files;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (!std::strcmp(argv[i], "--runs") && has_value) runs = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--level") && has_value) base.level = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--strip-rows") && has_value) base.strip_rows = std::atoi(argv[++i]);
    else if (argv[i][0] == '-') {
      std::fprintf(stderr, "usage: %s [--runs N] [--level L] [--strip-rows R] FILE.png...\n", argv[0]);
      return 2;
    } else {
      files.push_back(argv[i]);
    }
  }
  std::printf("level %d, strip rows %d (0 = under 64 KiB), %d runs; load average %s\n", base.level, base.strip_rows, runs,
              load_average().c_str());
  std::printf("%-28s %9s %9s %10s %10s %10s  %s\n", "image", "opaque ms", "threads", "min ms", "median ms", "bytes", "check");
  int status = 0;
  for (const char* file : files) {
    Image img;
    if (!decode(nullptr, 0, file, &img)) {
      std::fprintf(stderr, "%s: cannot read the PNG\n", file);
      return 1;
    }
    const char* name = std::strrchr(file, '/') ? std::strrchr(file, '/') + 1 : file;
    bool opaque = false;
    const Timing opaque_time = time_runs(runs, [&] { opaque = render::is_opaque(img.rgba); });
    std::string first;
    for (unsigned threads : {1u, 2u}) {
      render::PngEncodeOptions opt = base;
      opt.alpha = !opaque;
      opt.threads = threads;
      std::string bytes;
      const Timing t = time_runs(runs, [&] { bytes = render::encode_png_parallel(img.rgba, img.width, img.height, opt); });
      Image back;
      std::string check = decode(bytes.data(), bytes.size(), nullptr, &back) && back.rgba == img.rgba ? "decodes to the input" : "WRONG PIXELS";
      if (first.empty()) first = bytes;
      else if (bytes != first) check += ", BYTES DIFFER FROM 1 THREAD";
      if (check != "decodes to the input") status = 1;
      std::printf("%-28s %9.2f %9u %10.1f %10.1f %10zu  %s%s\n", name, opaque_time.median_ms, threads, t.min_ms, t.median_ms,
                  bytes.size(), check.c_str(), opaque ? "" : " (RGBA)");
    }
  }
  return status;
}
