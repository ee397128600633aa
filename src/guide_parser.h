#pragma once
// The guide's text -> the code samples in it. A guide is a scraped web page:
// code is not fenced and lost its indentation, so which lines are Python is
// decided line by line (CPython's compiler plus textual features of prose),
// and consecutive Python lines form a sample.

#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// Something the parser was unsure of; never fatal.
struct Diagnostic {
  int line = 0;         ///< guide line, 1-based; 0 when about the whole guide
  std::string message;  ///< lowercase, no location: "prose line splits item 12 into q12 and q12-2"
  /// The user must see it (a line the reader had to leave out), not only
  /// with -v.
  bool warning = false;
};

/// `guide.txt:118: message`, or `guide.txt: message` when the line is 0.
std::string format_diagnostic(std::string_view filename, const Diagnostic& diagnostic);

/// A numbered item of the guide, e.g. `12. Explain inheritance and MRO.`
struct GuideItem {
  int number = 0;
  int line = 0;       ///< guide line of the heading
  std::string title;  ///< the heading without its number
};

/// Output a guide shows as plain lines after the code, below a line such as
/// `Output:` or with no label at all (scraped text keeps no fences): what the
/// code before it printed.
struct ShownOutput {
  int label_line = 0;              ///< guide line of the `Output:` line
  /// The output lines, leading whitespace stripped; a value on the label
  /// line itself (`Output: 42`) is the first.
  std::vector<std::string> lines;
  std::vector<int> guide_lines;  ///< guide line of each of `lines`
  /// False for output shown with no label at all, right after the code
  /// (guide_parser_unlabelled_output.cc): then label_line is its first line.
  bool labelled = true;
};

/// One code sample: a run of consecutive guide lines that are Python.
/// Comment-only lines belong to it when they sit inside it, lead into it or
/// follow it; blank lines only when code surrounds them. Output shown after
/// an `Output:` line belongs to it too (in `outputs`, not `lines`), and code
/// right after such output goes on in the same run.
struct CodeRun {
  /// "q12" for the only run of item 12, "q12-2", "q12-3" for further runs of
  /// the same item (numbers below 10 are padded: "q02"); "s01", "s02"... by
  /// order for runs outside any numbered item.
  std::string id;
  int item = 0;        ///< number of the item it belongs to; 0 when none
  int first_line = 0;  ///< guide line of lines.front()
  int last_line = 0;   ///< guide line of lines.back(), or of the last shown output after it
  /// The lines, leading whitespace stripped, otherwise byte-identical to the
  /// guide (no CR). Blank lines inside the run are kept as "".
  std::vector<std::string> lines;
  std::vector<int> guide_lines;  ///< guide line of each entry of `lines`
  std::vector<ShownOutput> outputs;  ///< in guide order
  /// A REPL session (`>>>` lines and their echoes): `lines` keep their
  /// prompts, and the run holds nothing else.
  bool session = false;
  /// No name of an earlier run is left when it runs (IDLE's shell restarted before it).
  bool fresh_namespace = false;
};

/// Everything parse_guide found.
struct ParsedGuide {
  std::string filename;
  int line_count = 0;
  int crlf_lines = 0;  ///< lines that ended in CRLF; the CR is part of no text
  std::vector<GuideItem> items;
  std::vector<CodeRun> runs;  ///< in guide order
  std::vector<Diagnostic> diagnostics;  ///< in guide order, at most a few hundred
};

/// Finds the code samples of a guide. Any bytes are accepted (empty, binary,
/// invalid UTF-8, NUL, CRLF, tabs); time is linear in the size of the text
/// apart from compiling candidate lines, which are compiled in batches and
/// cached. Starts the embedded interpreter (compile_check) when a line could
/// be Python. `filename` is only recorded in the result.
ParsedGuide parse_guide(std::string_view text, std::string_view filename);

}  // namespace guidecheck
