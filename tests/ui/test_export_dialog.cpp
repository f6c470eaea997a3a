// The Export dialog's requests, as the viewer's loop carries them out (headless EGL context):
// size presets, a PNG through the same writer as `driftmap export`, and an animation rendered a
// frame at a time that, cancelled mid-way, leaves nothing at its target.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "../support/synthetic_geodata.hpp"
#include "core/dataset.hpp"
#include "render/headless_context.hpp"
#include "app/export_runner.hpp"
#include "ui/export_dialog.hpp"

namespace fs = std::filesystem;
using namespace driftmap;
using driftmap::testing::TempDir;

namespace {

struct DialogFixture {
  render::HeadlessContext gl;
  core::Dataset dataset;
  ui::ViewState view;
  ui::ExportDialogState dialog;
  DialogFixture() {
    core::DatasetBuilder b;
    const int32_t jan_2022 = core::first_day_of_month(core::month_index(2022, 1));
    for (int m = 0; m < 6; ++m)
      b.add_point({jan_2022 + 31 * m, jan_2022 + 31 * m + 1}, core::DatePrecision::Day, 62.5 + m, 33.0,
                  core::EventType::Attack, 3);
    dataset = std::move(b).build();
    view.camera.set_viewport(800, 600, 1.0);
    view.time.window = core::dataset_months(dataset);
    view.show_ctc_shift = false;
    dialog.extent = core::dataset_months(dataset);
    dialog.size = ui::ExportSize::Custom;
    dialog.custom_w = 200;
    dialog.custom_h = 120;
  }
  render::ExportData data() const { return {&testing::synthetic_boundaries(), &dataset, nullptr, nullptr}; }
};

}  // namespace

TEST_CASE("the dialog's paper presets are A4 and A3 at the chosen dpi") {
  ui::ExportDialogState d;
  int w = 0, h = 0;
  double dpi = 0;
  d.size = ui::ExportSize::A4;
  ui::export_size_px(d, &w, &h, &dpi);
  CHECK((w == 2480 && h == 3508 && dpi == 300));
  d.size = ui::ExportSize::A3Landscape;
  ui::export_size_px(d, &w, &h, &dpi);
  CHECK((w == 4961 && h == 3508));
  d.size = ui::ExportSize::UHD;
  ui::export_size_px(d, &w, &h, &dpi);
  CHECK((w == 3840 && h == 2160 && dpi == 0));
}

TEST_CASE("the dialog exports a PNG of the chosen size") {
  DialogFixture f;
  TempDir dir;
  f.dialog.path = dir.file("map.png");
  REQUIRE(app::run_export(f.dialog, f.view, f.data(), {}));
  CHECK(f.dialog.last_ok);
  // The PNG header's IHDR: width and height, big-endian, at bytes 16..23.
  std::ifstream png(f.dialog.path, std::ios::binary);
  unsigned char head[24] = {};
  REQUIRE(png.read(reinterpret_cast<char*>(head), 24));
  CHECK((head[16] << 24 | head[17] << 16 | head[18] << 8 | head[19]) == 200);
  CHECK((head[20] << 24 | head[21] << 16 | head[22] << 8 | head[23]) == 120);
}

TEST_CASE("an animation from the dialog renders frame by frame and writes every window") {
  DialogFixture f;
  TempDir dir;
  REQUIRE(ui::choose_export_format(f.dialog, dir.file("frames/")));
  f.dialog.mode = core::WindowMode::Sliding;
  f.dialog.window_months = 3;
  REQUIRE(app::run_export(f.dialog, f.view, f.data(), {}));
  REQUIRE(f.dialog.job);
  CHECK(f.dialog.frames_total == 4);  // Jan-Mar .. Apr-Jun
  int calls = 0;
  while (f.dialog.job && calls < 100) {
    app::step_export(f.dialog, 0);  // one frame per call
    ++calls;
  }
  CHECK(calls == 4);
  CHECK(f.dialog.last_ok);
  CHECK(f.dialog.progress < 0);
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.file("frames"))) ++n;
  CHECK(n == 4);
}

TEST_CASE("cancelling an animation in the dialog leaves nothing at the target") {
  DialogFixture f;
  TempDir dir;
  REQUIRE(ui::choose_export_format(f.dialog, dir.file("frames/")));
  f.dialog.window_months = 1;
  REQUIRE(app::run_export(f.dialog, f.view, f.data(), {}));
  app::step_export(f.dialog, 0);
  REQUIRE(f.dialog.job);
  CHECK(f.dialog.frames_done == 1);
  f.dialog.cancel_requested = true;
  app::step_export(f.dialog, 0);
  CHECK_FALSE(f.dialog.job);
  CHECK_FALSE(f.dialog.last_ok);
  CHECK(f.dialog.status.find("cancelled") != std::string::npos);
  CHECK(fs::is_empty(dir.path));
}

TEST_CASE("the dialog's animation covers its From/To months, the data's when they are empty") {
  DialogFixture f;
  TempDir dir;
  REQUIRE(ui::choose_export_format(f.dialog, dir.file("frames/")));
  f.dialog.mode = core::WindowMode::Sliding;
  f.dialog.window_months = 1;
  CHECK(ui::export_windows(f.dialog).size() == 6);  // Jan .. Jun 2022
  f.dialog.from = "2022-02";
  f.dialog.to = "2022-04";
  const auto windows = ui::export_windows(f.dialog);
  REQUIRE(windows.size() == 3);
  CHECK(windows.front().start_month == core::month_index(2022, 2));
  CHECK(windows.back().start_month == core::month_index(2022, 4));
  std::string error;
  f.dialog.to = "2021";
  CHECK_FALSE(ui::export_months(f.dialog, &error));
  CHECK(error.find("before From") != std::string::npos);
  f.dialog.to = "2022-13";
  CHECK_FALSE(ui::export_months(f.dialog, &error));
  CHECK(error.rfind("To: ", 0) == 0);
  // An export asked for with a bad field writes nothing and says why.
  CHECK_FALSE(app::run_export(f.dialog, f.view, f.data(), {}));
  CHECK(f.dialog.status.rfind("To: ", 0) == 0);
  CHECK_FALSE(fs::exists(dir.file("frames")));
}

TEST_CASE("the dialog's Panels field writes the sheet --panels writes, and names a bad period") {
  DialogFixture f;
  TempDir dir;
  f.dialog.custom_w = 960;
  f.dialog.custom_h = 540;
  REQUIRE(ui::choose_export_format(f.dialog, dir.file("sheet.svg")));
  f.dialog.panels = "2022-01/2022-03,2022-04/2022-06";
  REQUIRE(app::run_export(f.dialog, f.view, f.data(), {}));
  std::ifstream in(f.dialog.path);
  const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(svg.find("<g id=\"panel-1\" class=\"panel\"") != std::string::npos);
  CHECK(svg.find("Jan – Mar 2022 · 3 incidents") != std::string::npos);
  CHECK(svg.find("Apr – Jun 2022 · 3 incidents") != std::string::npos);
  CHECK(svg.find("panel-3") == std::string::npos);

  f.dialog.panels = "2022,2023-13";
  f.dialog.path = dir.file("bad.svg");
  CHECK_FALSE(app::run_export(f.dialog, f.view, f.data(), {}));
  CHECK(f.dialog.status.find("item 2 \"2023-13\"") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.file("bad.svg")));

  REQUIRE(ui::choose_export_format(f.dialog, dir.file("sheet.tif")));
  f.dialog.panels = "2022";
  CHECK_FALSE(app::run_export(f.dialog, f.view, f.data(), {}));
  CHECK(f.dialog.status.find(".png, .svg or .pdf") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.file("sheet.tif")));
}
