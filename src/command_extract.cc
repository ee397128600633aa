#include "command_extract.h"

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
  Extraction extraction = extract_guide(text, extract_options);
  result = save_extraction(extraction, options.guide_path, options.project.snippets_dir,
                           ExistingLayouts::kKeepHandFixes);
  result.messages.insert(result.messages.begin(), extraction.diagnostics.begin(), extraction.diagnostics.end());
  return result;
}

}  // namespace guidecheck
