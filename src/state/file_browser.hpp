// The Open dialog's file browser without ImGui: one folder's entries (".." first, then folders,
// then files, each group sorted by name), the extension filter, the highlighted entry moved by
// Up/Down, and what Enter, Backspace or a click on an entry leads to. list_folder() is the only
// function here that reads the disk; the viewer calls it (panels do no I/O) when the browser's
// folder or filter changed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace driftmap::state {

enum class FileFilter : uint8_t { IncidentData, AllFiles };

// The extensions File → Open lists under "incident data" (any case), for the dialog's label.
inline constexpr std::string_view kIncidentDataExtensions = ".csv .tsv .txt .gpkg .geojson .json .shp";

// True when name ends in one of kIncidentDataExtensions (any case).
bool is_incident_data_name(std::string_view name);

struct FolderEntry {
  std::string name;  // "..", a folder's or a file's name
  bool folder = false;
  bool parent = false;  // the ".." entry
  bool operator==(const FolderEntry&) const = default;
};

struct FolderListing {
  std::string folder;  // absolute, as listed
  FileFilter filter = FileFilter::IncidentData;
  std::vector<FolderEntry> entries;
  // Why the folder could not be read ("cannot read /root: Permission denied"); entries then hold
  // only "..", so that the user can go back.
  std::string error;
  size_t hidden_by_filter = 0;  // files the filter leaves out
};

// Reads folder: ".." unless it is the root, its folders, then its files that pass filter; names
// starting with '.' are left out. Never throws: an unreadable or missing folder sets error.
FolderListing list_folder(const std::string& folder, FileFilter filter);

struct FileBrowser {
  std::string folder;  // what the browser shows; empty until first opened
  FileFilter filter = FileFilter::IncidentData;
  FolderListing listing;
  size_t cursor = 0;       // the highlighted entry (Up/Down, a click)
  bool stale = true;       // listing must be read again (the dialog opened, a folder changed)
  bool focused = false;    // the Open dialog has the keyboard focus (its keys go to the browser)
  bool scroll_to_cursor = false;  // the list scrolls to show the highlighted entry
  std::string highlight;          // the entry to highlight once listed (the folder just left)
  bool needs_listing() const {
    return stale || listing.folder != folder || listing.filter != filter;
  }
};

// Shows folder (made absolute and normal); the highlight goes to the first entry.
void browse_to(FileBrowser& b, const std::string& folder);
// Backspace and "..": the parent folder, with the folder just left highlighted once listed.
void browse_up(FileBrowser& b);
// Moves the highlight by delta entries, clamped to the list.
void move_cursor(FileBrowser& b, int delta);
// Enter (or a click) on entry i: a folder is entered; a file's absolute path is returned.
std::optional<std::string> activate(FileBrowser& b, size_t i);
// Puts a fresh listing in place, highlighting b.highlight when it is there (else the first entry).
void set_listing(FileBrowser& b, FolderListing listing);

// The folders of recent_files, most recent first, each once.
std::vector<std::string> recent_folders(const std::vector<std::string>& recent_files);

}  // namespace driftmap::state
