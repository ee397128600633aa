#pragma once
// The step that stores an extraction in the project: snippets/<id>.py and
// snippets/manifest.json. Shared by `extract` and `update --write-guide`.

#include <string>
#include <vector>

#include "guide_reader.h"

namespace guidecheck {

struct SnippetWriteOutcome {
  int exit_code = 0;  ///< 0 done, 1 some sample could not be recovered, 2 error
  std::string error;
  std::vector<std::string> messages;  ///< changes, unsure decisions, problems
  std::vector<std::string> warnings;  ///< guide lines the reader could not take as code
  int samples = 0;
  int written = 0;
  int unchanged = 0;
  int kept = 0;     ///< hand-fixed snippets kept (their guide lines did not change)
  int removed = 0;  ///< snippets of samples that left the guide
};

/// How save_extraction treats the snippet files already there.
enum class ExistingLayouts {
  /// A hand-fixed file (it differs from what extract generated) is kept
  /// while its lines equal the guide's, leading whitespace ignored;
  /// otherwise the extraction's layout is written.
  kKeepHandFixes,
  /// Only comments changed (the guide's claims were rewritten): every
  /// existing file keeps its indentation, and new or changed comment lines
  /// are laid out beside their neighbours. No layout is guessed again.
  kKeepAll,
};

/// Writes every sample of `extraction` (from the guide at `guide_path`)
/// into `snippets_dir`, atomically file by file, then the manifest; removes
/// the files of samples that left the guide. An extraction without samples
/// is refused (exit 2) and changes nothing.
SnippetWriteOutcome save_extraction(const Extraction& extraction, const std::string& guide_path,
                                    const std::string& snippets_dir, ExistingLayouts existing);

/// `new_lines` (leading whitespace stripped) laid out like `old_source`:
/// lines that `old_source` has too keep their indentation there; a changed
/// line takes the indentation of the line it replaces, an added one that
/// of the next unchanged line. Ends every line with '\n'.
std::string relayout_like(const std::string& old_source, const std::vector<std::string>& new_lines);

}  // namespace guidecheck
