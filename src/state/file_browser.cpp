// The Open dialog's file browser; see file_browser.hpp.
#include "state/file_browser.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

namespace driftmap::state {

namespace fs = std::filesystem;

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool ends_with_nocase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - long(suffix.size()),
                    [](char a, char b) { return lower(a) == lower(b); });
}

// Case-insensitive, then by bytes, so that "b.csv" and "B.csv" keep one order.
bool name_less(const std::string& a, const std::string& b) {
  const auto la = std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                               [](char x, char y) { return lower(x) < lower(y); });
  const auto lb = std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end(),
                                               [](char x, char y) { return lower(x) < lower(y); });
  return la != lb ? la : a < b;
}

std::string absolute_normal(const std::string& folder) {
  std::error_code ec;
  fs::path p = fs::absolute(folder.empty() ? fs::path(".") : fs::path(folder), ec);
  if (ec) p = folder;
  p = p.lexically_normal();
  // "/data/" and "/data" are one folder: no trailing separator except the root's.
  if (p.has_relative_path() && !p.has_filename()) p = p.parent_path();
  return p.string();
}

}  // namespace

bool is_incident_data_name(std::string_view name) {
  constexpr std::array<std::string_view, 7> kExt = {".csv", ".tsv", ".txt", ".gpkg", ".geojson", ".json", ".shp"};
  return std::any_of(kExt.begin(), kExt.end(), [&](std::string_view e) { return ends_with_nocase(name, e); });
}

FolderListing list_folder(const std::string& folder, FileFilter filter) {
  FolderListing out;
  out.folder = absolute_normal(folder);
  out.filter = filter;
  const fs::path dir(out.folder);
  if (dir.has_relative_path()) out.entries.push_back({"..", true, true});
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.error = "cannot read " + out.folder + ": " + ec.message();
    return out;
  }
  std::vector<std::string> folders, files;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.error = "cannot read all of " + out.folder + ": " + ec.message();
      break;
    }
    std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.') continue;
    std::error_code type_ec;
    // is_directory follows links: a link to a folder is entered like one.
    if (it->is_directory(type_ec)) folders.push_back(std::move(name));
    else if (filter == FileFilter::AllFiles || is_incident_data_name(name)) files.push_back(std::move(name));
    else ++out.hidden_by_filter;
  }
  std::sort(folders.begin(), folders.end(), name_less);
  std::sort(files.begin(), files.end(), name_less);
  for (auto& f : folders) out.entries.push_back({std::move(f), true, false});
  for (auto& f : files) out.entries.push_back({std::move(f), false, false});
  return out;
}

void browse_to(FileBrowser& b, const std::string& folder) {
  b.folder = absolute_normal(folder);
  b.cursor = 0;
  b.highlight.clear();
  b.stale = true;
  b.scroll_to_cursor = true;
}

void browse_up(FileBrowser& b) {
  const fs::path here(absolute_normal(b.folder));
  if (!here.has_relative_path()) return;  // the root has no parent
  const std::string left = here.filename().string();
  browse_to(b, here.parent_path().string());
  b.highlight = left;
}

void move_cursor(FileBrowser& b, int delta) {
  const size_t n = b.listing.entries.size();
  if (n == 0) return;
  const long to = std::clamp<long>(long(b.cursor) + delta, 0, long(n) - 1);
  b.cursor = size_t(to);
  b.scroll_to_cursor = true;
}

std::optional<std::string> activate(FileBrowser& b, size_t i) {
  if (i >= b.listing.entries.size()) return std::nullopt;
  const FolderEntry e = b.listing.entries[i];
  b.cursor = i;
  if (e.parent) {
    browse_up(b);
    return std::nullopt;
  }
  const std::string path = (fs::path(b.listing.folder) / e.name).string();
  if (e.folder) {
    browse_to(b, path);
    return std::nullopt;
  }
  return path;
}

void set_listing(FileBrowser& b, FolderListing listing) {
  b.listing = std::move(listing);
  b.stale = false;
  b.cursor = 0;
  for (size_t i = 0; i < b.listing.entries.size(); ++i)
    if (!b.highlight.empty() && b.listing.entries[i].name == b.highlight && !b.listing.entries[i].parent) b.cursor = i;
  b.highlight.clear();
  b.scroll_to_cursor = true;
}

std::vector<std::string> recent_folders(const std::vector<std::string>& recent_files) {
  std::vector<std::string> out;
  for (const std::string& f : recent_files) {
    const std::string dir = fs::path(f).parent_path().string();
    if (!dir.empty() && std::find(out.begin(), out.end(), dir) == out.end()) out.push_back(dir);
  }
  return out;
}

}  // namespace driftmap::state
