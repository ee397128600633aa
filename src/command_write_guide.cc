#include "command_write_guide.h"

#include <fmt/format.h>

#include "atomic_file.h"
#include "command_extract.h"
#include "guide_rewrite.h"
#include "snippet_manifest.h"

namespace guidecheck {

WriteGuideOutcome write_guide(const CheckCommandOptions& options, Runner& runner, Runner& second) {
  WriteGuideOutcome result;
  Manifest manifest;
  bool exists = false;
  if (!load_manifest(manifest_path(options.project.snippets_dir), &manifest, &exists, &result.error) || !exists) {
    if (result.error.empty()) result.error = "--write-guide needs snippets extracted from the guide: run guidecheck extract";
    result.exit_code = 2;
    return result;
  }
  CheckOutcome checked = check_snippets(options, runner, second);
  if (checked.exit_code == 2 || !checked.drift.empty()) {
    result.error = checked.exit_code == 2 ? checked.error : "snippets/ no longer matches the guide: run guidecheck extract";
    result.exit_code = 2;
    return result;
  }
  std::vector<ClaimEdit> edits;
  for (const auto& snippet : checked.results) {
    const ManifestEntry* entry = manifest.find(snippet.id);
    if (!entry) continue;
    for (const auto& verdict : snippet.claims) {
      if (verdict.verdict != ClaimVerdict::kMismatch || verdict.actual.empty()) continue;
      for (const auto& claim : entry->claims)
        if (claim.guide_line == verdict.guide_line && claim.text == verdict.claimed) edits.push_back({claim, verdict.actual});
    }
  }
  if (edits.empty()) {
    result.messages.push_back(fmt::format("{}: no mismatching claim to rewrite", manifest.guide));
    return result;
  }
  std::string text;
  if (!read_file(manifest.guide, &text, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  GuideRewrite rewrite = rewrite_claims(text, manifest.guide, edits);
  result.messages = rewrite.changed;
  for (const auto& refused : rewrite.refused) result.messages.push_back(refused);
  result.rewritten = static_cast<int>(rewrite.changed.size());
  if (rewrite.text != text && !write_file_atomically(manifest.guide, rewrite.text, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  // The snippets hold the guide's comment lines: extract them again.
  ExtractOutcome extracted = extract_command({manifest.guide, options.project}, &runner);
  if (extracted.exit_code == 2) {
    result.error = extracted.error;
    result.exit_code = 2;
    return result;
  }
  result.messages.push_back(fmt::format("re-extracted {} samples ({} written)", extracted.samples, extracted.written));
  if (!rewrite.refused.empty()) result.exit_code = 1;
  return result;
}

}  // namespace guidecheck
