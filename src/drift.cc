#include "drift.h"

#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <set>

#include "atomic_file.h"
#include "field_digest.h"
#include "guide_reader.h"
#include "snippet_lines.h"

namespace guidecheck {

namespace {

// Everything drift depends on, as one digest; "" when the guide is unreadable.
std::string drift_inputs_digest(const std::string& guide_path, const Manifest& manifest,
                                const std::vector<Sample>& stored) {
  std::string guide_text, err;
  if (!read_file(guide_path, &guide_text, &err)) return "";
  FieldDigest digest;
  digest.add(GUIDECHECK_VERSION);  // another reader may find other samples
  digest.add(guide_path).add(guide_text).add(manifest.format);
  for (const auto& sample : manifest.samples)
    digest.add(fmt::format("{}:{}-{}", sample.id, sample.first_line, sample.last_line)).add(sample.setup);
  for (const auto& sample : stored) digest.add(sample.id).add(sample.source);
  return digest.hex();
}

}  // namespace

bool find_drift(const std::string& guide_path, const Manifest& manifest, const std::vector<Sample>& stored,
                const std::string& memo_path, std::vector<std::string>* problems, std::string* err) {
  std::string digest, remembered, ignored;
  if (!memo_path.empty()) {
    digest = drift_inputs_digest(guide_path, manifest, stored);
    if (!digest.empty() && read_file(memo_path, &remembered, &ignored) && remembered == digest) return true;
  }
  Extraction guide;
  if (!read_guide_lines(guide_path, manifest.format, &guide, err)) return false;
  const char* advice = "run guidecheck extract";
  std::map<std::string, const Sample*> by_id;
  for (const auto& sample : stored) by_id.emplace(sample.id, &sample);
  std::set<std::string> in_guide;
  for (const auto& sample : guide.samples) {
    in_guide.insert(sample.id);
    auto found = by_id.find(sample.id);
    const Sample* file = found == by_id.end() ? nullptr : found->second;
    if (!file) {
      problems->push_back(fmt::format("{}:{}-{}: sample {} has no snippet ({}.py is missing); {}", guide_path,
                                      sample.first_line, sample.last_line, sample.id, sample.id, advice));
      continue;
    }
    // The setup is the manifest's, not a snippet's: extract writes it again.
    if (const Sample* known = manifest.find(sample.id); known && known->setup != sample.setup)
      problems->push_back(fmt::format("{}:{}: sample {} changed: the setup it runs first (a testsetup) is not the "
                                      "manifest's; {}",
                                      guide_path, sample.first_line, sample.id, advice));
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
  // Remembered only in sync; a cache that cannot be written changes nothing.
  if (problems->empty() && !digest.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(memo_path).parent_path(), ec);
    write_file_atomically(memo_path, digest, &ignored);
  }
  return true;
}

}  // namespace guidecheck
