#include "snippet_writer.h"

#include <filesystem>

#include <dtl/dtl.hpp>
#include <fmt/format.h>

#include "atomic_file.h"
#include "snippet_lines.h"
#include "snippet_manifest.h"

namespace guidecheck {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string indentation_of(const std::string& line) { return line.substr(0, line.find_first_not_of(" \t")); }

}  // namespace

std::string relayout_like(const std::string& old_source, const std::vector<std::string>& new_lines) {
  std::vector<std::string> old_lines = split_lines(old_source);
  std::vector<std::string> old_stripped = stripped_lines(old_source);
  dtl::Diff<std::string> diff(old_stripped, new_lines);
  diff.compose();
  // For each new line: the old line it keeps or replaces (-1: added).
  std::vector<long> source_of(new_lines.size(), -1);
  std::vector<long> next_common(new_lines.size() + 1, -1);
  long old_index = 0, new_index = 0, pending_delete = -1;
  for (const auto& [line, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_COMMON) {
      source_of[static_cast<size_t>(new_index++)] = old_index++;
      pending_delete = -1;
    } else if (info.type == dtl::SES_DELETE) {
      if (pending_delete < 0) pending_delete = old_index;
      ++old_index;
    } else {
      // A replacement takes the indentation of the line it replaces.
      source_of[static_cast<size_t>(new_index++)] = pending_delete < 0 ? -1 : -2 - pending_delete;
      if (pending_delete >= 0 && pending_delete + 1 < old_index) ++pending_delete;
      else pending_delete = -1;
    }
  }
  std::string out;
  std::string next_indent;
  std::vector<std::string> rendered(new_lines.size());
  for (size_t k = new_lines.size(); k-- > 0;) {
    long from = source_of[k];
    if (from >= 0) {
      rendered[k] = old_lines[static_cast<size_t>(from)];
      next_indent = indentation_of(rendered[k]);
    } else if (new_lines[k].empty()) {
      rendered[k] = "";
    } else {
      std::string indent = from == -1 ? next_indent : indentation_of(old_lines[static_cast<size_t>(-2 - from)]);
      rendered[k] = indent + new_lines[k];
      next_indent = indent;
    }
  }
  for (const auto& line : rendered) out += line + "\n";
  return out;
}

SnippetWriteOutcome save_extraction(const Extraction& extraction, const std::string& guide_path,
                                    const std::string& snippets_dir, ExistingLayouts existing) {
  SnippetWriteOutcome result;
  if (extraction.samples.empty()) {
    // Most likely the wrong file: never let it wipe out the snippets.
    result.error = fmt::format("{}: no code samples found; {} left as it was", guide_path, snippets_dir);
    result.exit_code = 2;
    return result;
  }
  const std::string& dir = snippets_dir;
  Manifest old_manifest;
  bool had_manifest = false;
  std::string err;
  if (!load_manifest(manifest_path(dir), &old_manifest, &had_manifest, &err))
    result.messages.push_back(err + " (starting afresh)");

  std::error_code ec;
  fs::create_directories(dir, ec);
  Manifest manifest;
  manifest.guide = guide_path;
  manifest.format = extraction.format;
  for (const auto& sample : extraction.samples) {
    ++result.samples;
    std::string path = (fs::path(dir) / (sample.id + ".py")).string();
    std::string current;
    bool exists = read_file(path, &current, &err);
    const Sample* before = old_manifest.find(sample.id);
    bool hand_fixed = exists && before && content_hash(current) != before->generated_hash;
    std::string source = sample.source;
    std::vector<std::string> guide_shows = stripped_lines(sample.source);
    if (exists && existing == ExistingLayouts::kKeepAll) source = relayout_like(current, guide_shows);
    if (hand_fixed && stripped_lines(current) == guide_shows) {
      ++result.kept;
      result.messages.push_back(fmt::format("kept {}: fixed by hand and guide lines {}-{} did not change", path,
                                            sample.first_line, sample.last_line));
    } else if (exists && current == source) {
      ++result.unchanged;
    } else {
      if (!write_file_atomically(path, source, &result.error)) {
        result.exit_code = 2;
        return result;
      }
      ++result.written;
      result.messages.push_back(fmt::format("wrote {} (guide lines {}-{})", path, sample.first_line,
                                            sample.last_line) +
                                (hand_fixed && existing != ExistingLayouts::kKeepAll
                                     ? ": the guide changed, hand fix replaced"
                                     : ""));
    }
    for (const auto& note : sample.notes) result.messages.push_back(note);
    if (!sample.error.empty()) {
      result.messages.push_back(sample.error);
      result.exit_code = 1;
    }
    // A hand fix laid out anew is still a hand fix.
    std::string generated =
        existing == ExistingLayouts::kKeepAll && hand_fixed ? before->generated_hash : content_hash(source);
    Sample stored = sample;
    stored.path = path;
    stored.generated_hash = generated;
    manifest.samples.push_back(std::move(stored));
  }
  for (const auto& entry : old_manifest.samples) {
    if (manifest.find(entry.id)) continue;
    fs::remove(fs::path(dir) / (entry.id + ".py"), ec);
    ++result.removed;
    result.messages.push_back(fmt::format("removed {}/{}.py: no longer in the guide", dir, entry.id));
  }
  if (!save_manifest(manifest_path(dir), manifest, &result.error)) result.exit_code = 2;
  return result;
}

}  // namespace guidecheck
