#include "pytest_file.h"

namespace guidecheck {

bool looks_like_pytest_file(std::string_view source) {
  // Module level: the line starts at column 0.
  size_t start = 0;
  while (start < source.size()) {
    size_t end = source.find('\n', start);
    std::string_view line = source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (line.rfind("def test_", 0) == 0) return true;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return false;
}

}  // namespace guidecheck
