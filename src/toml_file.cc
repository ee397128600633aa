#include "toml_file.h"

#include <filesystem>
#include <fmt/format.h>

#include "atomic_file.h"

namespace guidecheck {

bool parse_toml(const std::string& text, const std::string& path, toml::table* table, std::string* err) {
  try {
    *table = toml::parse(text, path);
    return true;
  } catch (const toml::parse_error& error) {
    *err = fmt::format("{}:{}: {}", path, error.source().begin.line, error.description());
    return false;
  }
}

bool read_optional_file(const std::string& path, std::string* text, bool* exists, std::string* err) {
  std::error_code ec;
  *exists = std::filesystem::exists(path, ec);
  if (!*exists) return true;
  return read_file(path, text, err);
}

}  // namespace guidecheck
