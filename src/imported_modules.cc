#include "imported_modules.h"

#include <re2/re2.h>

namespace guidecheck {
namespace {

// "a.b as c" -> "a"
std::string top_level(std::string_view name) {
  size_t start = name.find_first_not_of(" \t(");
  if (start == std::string_view::npos) return "";
  name.remove_prefix(start);
  size_t end = name.find_first_of(" \t.),");
  return std::string(name.substr(0, end));
}

}  // namespace

std::vector<std::string> imported_modules(const std::string& source) {
  static const RE2 kFrom(R"(^\s*from\s+([A-Za-z_]\w*))");
  static const RE2 kImport(R"(^\s*import\s+([^#;]+))");
  std::vector<std::string> modules;
  size_t start = 0;
  while (start <= source.size()) {
    size_t end = source.find('\n', start);
    if (end == std::string::npos) end = source.size();
    // A statement after ';' counts too: "import os; import numpy as np".
    std::string_view line(source.data() + start, end - start);
    for (size_t piece_start = 0; piece_start <= line.size();) {
      size_t piece_end = line.find(';', piece_start);
      if (piece_end == std::string_view::npos) piece_end = line.size();
      re2::StringPiece piece(line.data() + piece_start, piece_end - piece_start);
      std::string names;
      if (RE2::PartialMatch(piece, kFrom, &names)) {
        modules.push_back(names);
      } else if (RE2::PartialMatch(piece, kImport, &names)) {
        for (size_t from = 0; from <= names.size();) {
          size_t comma = names.find(',', from);
          if (comma == std::string::npos) comma = names.size();
          if (std::string module = top_level(std::string_view(names).substr(from, comma - from)); !module.empty())
            modules.push_back(module);
          from = comma + 1;
        }
      }
      piece_start = piece_end + 1;
    }
    start = end + 1;
  }
  return modules;
}

std::vector<std::string> imported_modules(const RunSpec& spec) {
  std::vector<std::string> modules = imported_modules(spec.prelude);
  for (std::string& module : imported_modules(spec.source)) modules.push_back(std::move(module));
  return modules;
}

}  // namespace guidecheck
