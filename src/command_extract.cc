#include "command_extract.h"

#include "guide_reader.h"
#include "snippet_writer.h"

namespace guidecheck {

ExtractOutcome extract_command(const ExtractCommandOptions& options, Runner* runner) {
  ExtractOutcome result;
  Extraction extraction;
  if (!read_guide_file(options.guide_path, options.guide_format, runner, options.run, &extraction, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  result = save_extraction(extraction, options.guide_path, options.project.snippets_dir,
                           ExistingLayouts::kKeepHandFixes);
  result.messages.insert(result.messages.begin(), extraction.diagnostics.begin(), extraction.diagnostics.end());
  result.warnings = extraction.warnings;
  return result;
}

}  // namespace guidecheck
