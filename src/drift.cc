#include "drift.h"

#include <filesystem>
#include <fmt/format.h>
#include <set>

#include "atomic_file.h"
#include "snippet_lines.h"

namespace guidecheck {

std::vector<std::string> find_drift(const ParsedGuide& guide, const std::string& guide_name,
                                    const std::string& snippets_dir, const Manifest& manifest) {
  std::vector<std::string> problems;
  const char* advice = "run guidecheck extract";
  std::set<std::string> in_guide;
  for (const auto& run : guide.runs) {
    in_guide.insert(run.id);
    std::string path = (std::filesystem::path(snippets_dir) / (run.id + ".py")).string();
    std::string text, err;
    if (!read_file(path, &text, &err)) {
      problems.push_back(fmt::format("{}:{}-{}: sample {} has no snippet ({} is missing); {}", guide_name,
                                     run.first_line, run.last_line, run.id, path, advice));
      continue;
    }
    std::vector<std::string> lines = stripped_lines(text);
    size_t common = std::min(lines.size(), run.lines.size());
    size_t i = 0;
    while (i < common && lines[i] == run.lines[i]) ++i;
    if (i == lines.size() && i == run.lines.size()) continue;
    if (i < run.lines.size()) {
      problems.push_back(fmt::format("{}:{}: sample {} changed: the guide's line '{}' differs from line {} of {}; {}",
                                     guide_name, run.guide_lines[i], run.id, run.lines[i], i + 1, path, advice));
    } else {
      problems.push_back(fmt::format("{}:{}: sample {} changed: {} has {} lines, the guide's sample ends at line {}; {}",
                                     guide_name, run.last_line, run.id, path, lines.size(), run.last_line, advice));
    }
  }
  for (const auto& entry : manifest.snippets)
    if (!in_guide.count(entry.id))
      problems.push_back(fmt::format("{}:{}-{}: sample {} is no longer in the guide (snippets/{}.py); {}", guide_name,
                                     entry.first_line, entry.last_line, entry.id, entry.id, advice));
  return problems;
}

}  // namespace guidecheck
