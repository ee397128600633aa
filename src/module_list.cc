#include "module_list.h"

namespace guidecheck {

std::vector<std::string> split_module_list(const std::string& text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) items.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

std::string join_module_list(const std::vector<std::string>& modules) {
  std::string text;
  for (const std::string& module : modules) text += (text.empty() ? "" : ",") + module;
  return text;
}

}  // namespace guidecheck
