#pragma once
// A guide's text -> runnable snippets: the code runs the parser finds, their
// indentation recovered, their claims read, and — where several layouts
// compile — the layout whose outputs agree best with the guide's claims.

#include <optional>
#include <string>
#include <vector>

#include "claims.h"
#include "guide_parser.h"
#include "indentation.h"
#include "runner.h"
#include "snippet_selection.h"
#include "snippet_manifest.h"

namespace guidecheck {

struct ExtractedSnippet {
  std::string id;
  int item = 0;
  int first_line = 0;
  int last_line = 0;
  std::vector<std::string> lines;  ///< as in the guide, leading whitespace stripped
  std::vector<int> guide_lines;    ///< guide line of each line
  std::vector<int> levels;         ///< chosen indentation level of each line
  std::string source;              ///< the rendered snippet
  std::vector<Claim> claims;
  bool pytest_file = false;  ///< defines module-level test_ functions
  /// Decisions it was unsure of, as messages ("guide.txt:554: ...").
  std::vector<std::string> notes;
  /// When no layout compiles: "guide.txt:L: cannot recover indentation: ...".
  std::string error;
};

struct ExtractOptions {
  std::string filename;      ///< the guide's name in messages
  /// Runs candidate layouts when several compile; null: take the most
  /// plausible without running anything.
  Runner* runner = nullptr;
  /// Limits of a candidate's run: a wrong layout often loops forever, so a
  /// candidate gets at most 3 s, and never more than --timeout allows.
  double candidate_timeout_s = 3;
  uint64_t candidate_memory_limit = 4ull << 30;
};

struct Extraction {
  std::vector<ExtractedSnippet> snippets;
  std::vector<std::string> diagnostics;  ///< the parser's, formatted
};

/// The manifest's record of a sample (generated_hash: of `source`).
ManifestEntry manifest_entry(const ExtractedSnippet& snippet, const std::string& generated_hash);

/// The read step: the guide file at `path`, extracted, with candidate
/// layouts run on `runner` (may be null) within `run`'s timeout (at most
/// 3 s each) and memory limit. False with *err when it cannot be read.
bool extract_guide_file(const std::string& path, Runner* runner, const RunSettings& run, Extraction* extraction,
                        std::string* err);

/// Extracts every sample of the guide text.
Extraction extract_guide(std::string_view text, const ExtractOptions& options);

/// How many of `claims` the statement outputs of a run agree with, after
/// whitespace is collapsed (a rough score to choose between layouts, not a
/// verdict). `guide_lines` maps snippet lines to guide lines.
int count_agreeing_claims(const std::vector<Claim>& claims, const std::vector<int>& guide_lines,
                          const RunOutcome& outcome);

/// True when the code is a pytest test file: it defines module-level test_*
/// functions (pytest's collection rule), which a plain run would never call.
bool looks_like_pytest_file(const std::vector<std::string>& lines, const std::vector<int>& levels);

}  // namespace guidecheck
