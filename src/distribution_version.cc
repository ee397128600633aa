#include "distribution_version.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "claim_text.h"

namespace fs = std::filesystem;

namespace guidecheck {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return "";
  const size_t last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A metadata entry's version: its METADATA, else its PKG-INFO (an
// .egg-info directory), else the entry itself (an .egg-info file).
std::optional<std::string> version_of_entry(const fs::path& entry) {
  std::error_code ec;
  if (fs::is_directory(entry, ec)) {
    for (const char* name : {"METADATA", "PKG-INFO"})
      if (auto text = read_text(entry / name)) return metadata_version(*text);
    return std::nullopt;
  }
  if (auto text = read_text(entry)) return metadata_version(*text);
  return std::nullopt;
}

}  // namespace

std::string normalized_distribution_name(std::string_view name) {
  std::string out;
  bool in_separator = false;
  for (unsigned char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      if (!in_separator) out += '_';
      in_separator = true;
      continue;
    }
    in_separator = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

std::optional<std::string> metadata_version(std::string_view metadata) {
  size_t at = 0;
  while (at < metadata.size()) {
    size_t end = metadata.find('\n', at);
    if (end == std::string_view::npos) end = metadata.size();
    const std::string_view line = metadata.substr(at, end - at);
    at = end + 1;
    if (trimmed(line).empty()) break;  // the body (a description) begins
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || ascii_lower(trimmed(line.substr(0, colon))) != "version") continue;
    std::string value = trimmed(line.substr(colon + 1));
    if (!value.empty()) return value;
  }
  return std::nullopt;
}

std::optional<std::string> distribution_version(std::string_view distribution,
                                                const std::vector<std::string>& search_path) {
  const std::string wanted = normalized_distribution_name(distribution);
  for (const std::string& directory : search_path) {
    std::error_code ec;
    if (directory.empty() || !fs::is_directory(directory, ec)) continue;
    // Sorted, so that two metadata entries of one name (a stale copy left
    // beside the new one) always give the same answer.
    std::vector<fs::path> matches;
    for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = ascii_lower(it->path().filename().string());
      if (!ends_with(name, ".dist-info") && !ends_with(name, ".egg-info")) continue;
      // "pandas-1.5.3.egg-info": the name ends at the first '-'.
      const std::string stem = name.substr(0, name.rfind('.'));
      if (normalized_distribution_name(stem.substr(0, stem.find('-'))) == wanted) matches.push_back(it->path());
    }
    std::sort(matches.begin(), matches.end());
    for (const fs::path& match : matches)
      if (auto version = version_of_entry(match)) return version;
  }
  return std::nullopt;
}

}  // namespace guidecheck
