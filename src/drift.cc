#include "drift.h"

#include <fmt/format.h>
#include <set>

#include "guide_reader.h"
#include "snippet_lines.h"

namespace guidecheck {

bool find_drift(const std::string& guide_path, const Manifest& manifest, const std::vector<Sample>& stored,
                std::vector<std::string>* problems, std::string* err) {
  Extraction guide;
  if (!read_guide_lines(guide_path, manifest.format, &guide, err)) return false;
  const char* advice = "run guidecheck extract";
  std::set<std::string> in_guide;
  for (const auto& sample : guide.samples) {
    in_guide.insert(sample.id);
    auto file = std::find_if(stored.begin(), stored.end(), [&](const Sample& s) { return s.id == sample.id; });
    if (file == stored.end()) {
      problems->push_back(fmt::format("{}:{}-{}: sample {} has no snippet ({}.py is missing); {}", guide_path,
                                      sample.first_line, sample.last_line, sample.id, sample.id, advice));
      continue;
    }
    std::vector<std::string> lines = stripped_lines(file->source);
    std::vector<std::string> shown = stripped_lines(sample.source);
    size_t common = std::min(lines.size(), shown.size());
    size_t i = 0;
    while (i < common && lines[i] == shown[i]) ++i;
    if (i == lines.size() && i == shown.size()) continue;
    if (i < shown.size()) {
      int line = i < sample.guide_lines.size() ? sample.guide_lines[i] : sample.last_line;
      problems->push_back(fmt::format("{}:{}: sample {} changed: the guide's line '{}' differs from line {} of {}; {}",
                                      guide_path, line, sample.id, shown[i], i + 1, file->path, advice));
    } else {
      problems->push_back(fmt::format("{}:{}: sample {} changed: {} has {} lines, the guide's sample ends at line {}; {}",
                                      guide_path, sample.last_line, sample.id, file->path, lines.size(),
                                      sample.last_line, advice));
    }
  }
  for (const auto& entry : manifest.samples)
    if (!in_guide.count(entry.id))
      problems->push_back(fmt::format("{}:{}-{}: sample {} is no longer in the guide (snippets/{}.py); {}", guide_path,
                                      entry.first_line, entry.last_line, entry.id, entry.id, advice));
  return true;
}

}  // namespace guidecheck
