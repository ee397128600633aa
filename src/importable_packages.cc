#include "importable_packages.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "field_digest.h"

namespace fs = std::filesystem;

namespace guidecheck {

std::string importable_packages_digest(const std::vector<std::string>& search_path) {
  FieldDigest digest;
  for (const std::string& entry : search_path) {
    struct stat st{};
    if (entry.empty() || stat(entry.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    digest.add(entry).add(std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec));
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(entry, ec), end; !ec && it != end; it.increment(ec))
      names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) digest.add(name);
  }
  return digest.hex();
}

}  // namespace guidecheck
