#pragma once
// Recovers the indentation of a Python code sample whose lines all lost
// their leading whitespace (a scraped web page). A beam search proposes
// layouts that obey Python's block rules and scores them with the habits of
// Python authors; CPython's compiler rejects the impossible ones.

#include <string>
#include <vector>

namespace guidecheck {

/// Limits and thresholds of the search. The defaults recover a whole guide
/// in well under a second; every limit also caps the work done on hostile
/// input.
struct IndentationOptions {
  /// Alternatives returned besides the best layout (each one compiles).
  int max_alternatives = 8;
  /// Further alternatives that combine two unsure departures (a nested
  /// block closed twice needs both).
  int max_combinations = 4;
  /// Partial layouts kept after each statement; shrunk automatically for
  /// very long samples so the search stays linear.
  int beam_width = 96;
  /// Candidate layouts handed to CPython's compiler at most.
  int max_compiles = 48;
  /// An alternative whose penalty exceeds the best one's by less than this
  /// makes its first differing statement an uncertain decision.
  double uncertain_gap = 25.0;
  /// Longer samples are refused: the search is linear in the sample but its
  /// bookkeeping grows with block sizes. Guide samples have tens.
  int max_statements = 2000;
  /// File name shown in CPython's compile errors.
  std::string filename = "<snippet>";
};

/// A complete layout: one indentation level per input line.
struct IndentationLayout {
  std::vector<int> levels;
  /// Penalty of the layout; lower is more plausible, 0 is a layout no
  /// heuristic objects to.
  double score = 0;
  /// 0-based line of the first statement placed differently from the best
  /// layout: the decision this alternative revisits.
  int first_difference = -1;
};

/// A statement whose level the search could not settle from the code alone:
/// several levels compile and none is clearly what an author writes.
/// Running the candidates and comparing with the claimed outputs decides.
struct UncertainDecision {
  int line = 0;             ///< 0-based index into the input lines
  std::vector<int> levels;  ///< levels considered, the chosen one first
  /// Penalty difference to the closest rival; below ~5 only the claimed
  /// outputs can tell, above that the code itself argues for the choice.
  double margin = 0;
  /// e.g. "level 2 also compiles but 'divide' would call itself with
  /// constant arguments (endless recursion) (+21.2); level 0 chosen"
  std::string reason;
};

/// Outcome of `recover_indentation`. When `ok` is false, `levels` still
/// holds the most plausible layout and `error` says why none compiled.
struct IndentationResult {
  bool ok = true;
  std::vector<int> levels;  ///< best layout, one level per input line
  double score = 0;         ///< penalty of the best layout
  /// Other layouts that compile, most plausible first (at most
  /// IndentationOptions::max_alternatives + max_combinations).
  std::vector<IndentationLayout> alternatives;
  std::vector<UncertainDecision> uncertain;
  int error_line = -1;  ///< 0-based line of the compile error when !ok
  /// "cannot recover indentation: <CPython's message>" when !ok; the caller
  /// prefixes the location (`guide.txt:118: `).
  std::string error;
  int compile_calls = 0;  ///< layouts handed to CPython
};

/// Recovers the indentation level of every line of one code sample whose
/// lines lost their leading whitespace (any that remains, ASCII blanks or
/// NBSP, is ignored: see strip_leading).
/// Comment and blank lines take the level of the next statement (0 after
/// the last one); bracket
/// and backslash continuation lines are indented one level per open
/// bracket line beyond their statement; lines inside a multi-line string
/// keep the statement's level but render unindented. Deterministic; never
/// throws.
IndentationResult recover_indentation(const std::vector<std::string>& lines,
                                      const IndentationOptions& options = {});

/// Renders `lines` with 4 spaces per level, one '\n' after each line. The
/// content of every line is kept byte-identical apart from its leading
/// whitespace; blank lines and lines inside a multi-line string get no
/// indentation. A missing level counts as 0.
std::string render(const std::vector<std::string>& lines, const std::vector<int>& levels);

}  // namespace guidecheck
