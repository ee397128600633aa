#include "command_extract.h"

#include <unistd.h>

#include <filesystem>
#include <fmt/format.h>

#include "atomic_file.h"
#include "extraction.h"
#include "snippet_lines.h"
#include "snippet_manifest.h"

namespace guidecheck {

namespace fs = std::filesystem;

ExtractOutcome extract_command(const ExtractCommandOptions& options, Runner* runner) {
  ExtractOutcome result;
  std::string text;
  if (!read_file(options.guide_path, &text, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  const std::string& dir = options.project.snippets_dir;
  Manifest old_manifest;
  bool had_manifest = false;
  std::string err;
  if (!load_manifest(manifest_path(dir), &old_manifest, &had_manifest, &err))
    result.messages.push_back(err + " (starting afresh)");

  ExtractOptions extract_options;
  extract_options.filename = options.guide_path;
  extract_options.runner = runner;
  extract_options.scratch_dir =
      (fs::temp_directory_path() / fmt::format("guidecheck-extract-{}", getpid())).string();
  Extraction extraction = extract_guide(text, extract_options);
  for (const auto& diagnostic : extraction.diagnostics) result.messages.push_back(diagnostic);

  std::error_code ec;
  fs::create_directories(dir, ec);
  Manifest manifest;
  manifest.guide = options.guide_path;
  for (const auto& snippet : extraction.snippets) {
    ++result.samples;
    std::string path = (fs::path(dir) / (snippet.id + ".py")).string();
    std::string current;
    bool exists = read_file(path, &current, &err);
    const ManifestEntry* before = old_manifest.find(snippet.id);
    bool hand_fixed = exists && before && content_hash(current) != before->generated_hash;
    if (hand_fixed && stripped_lines(current) == snippet.lines) {
      ++result.kept;
      result.messages.push_back(fmt::format("kept {}: fixed by hand and guide lines {}-{} did not change", path,
                                            snippet.first_line, snippet.last_line));
    } else if (exists && current == snippet.source) {
      ++result.unchanged;
    } else {
      if (!write_file_atomically(path, snippet.source, &result.error)) {
        result.exit_code = 2;
        return result;
      }
      ++result.written;
      result.messages.push_back(fmt::format("wrote {} (guide lines {}-{})", path, snippet.first_line,
                                            snippet.last_line) + (hand_fixed ? ": the guide changed, hand fix replaced" : ""));
    }
    for (const auto& note : snippet.notes) result.messages.push_back(note);
    if (!snippet.error.empty()) {
      result.messages.push_back(snippet.error);
      result.exit_code = 1;
    }
    manifest.snippets.push_back({snippet.id, snippet.item, snippet.first_line, snippet.last_line, snippet.guide_lines,
                                 content_hash(snippet.source), snippet.pytest_file, snippet.claims, snippet.notes});
  }
  for (const auto& entry : old_manifest.snippets) {
    if (manifest.find(entry.id)) continue;
    fs::remove(fs::path(dir) / (entry.id + ".py"), ec);
    ++result.removed;
    result.messages.push_back(fmt::format("removed {}/{}.py: no longer in the guide", dir, entry.id));
  }
  if (!save_manifest(manifest_path(dir), manifest, &result.error)) result.exit_code = 2;
  return result;
}

}  // namespace guidecheck
