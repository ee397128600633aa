#include "command_extract.h"

#include <algorithm>

#include "atomic_file.h"
#include "extraction.h"
#include "snippet_writer.h"

namespace guidecheck {

ExtractOutcome extract_command(const ExtractCommandOptions& options, Runner* runner) {
  ExtractOutcome result;
  std::string text;
  if (!read_file(options.guide_path, &text, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  ExtractOptions extract_options;
  extract_options.filename = options.guide_path;
  extract_options.runner = runner;
  extract_options.candidate_timeout_s = std::min(extract_options.candidate_timeout_s, options.run.timeout_s);
  extract_options.candidate_memory_limit = options.run.memory_limit;
  Extraction extraction = extract_guide(text, extract_options);
  result = save_extraction(extraction, options.guide_path, options.project.snippets_dir,
                           ExistingLayouts::kKeepHandFixes);
  result.messages.insert(result.messages.begin(), extraction.diagnostics.begin(), extraction.diagnostics.end());
  return result;
}

}  // namespace guidecheck
