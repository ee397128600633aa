#pragma once
// One sample of a guide, from the reader that finds it to the report that
// judges it. The manifest (snippet_manifest.h) is its serialisation; the
// plan adds how it runs, the judge what became of it.

#include <algorithm>
#include <string>
#include <vector>

#include "claims.h"

namespace guidecheck {

/// How a sample's code runs.
enum class SampleStyle {
  kScript,  ///< a program: `python3 FILE.py`
  kSession, ///< a REPL session (`>>> `): expression values are echoed and an exception does not end it
};

struct Sample {
  /// Stable and unique within the guide: "q12", "q12-2" (numbered items of
  /// a scraped guide), "s01"... by order otherwise.
  std::string id;
  int item = 0;        ///< the numbered item it belongs to; 0 when none
  int first_line = 0;  ///< guide lines it spans (its claims included); 0 without a guide
  int last_line = 0;
  /// The code, with its indentation (given by the format, or recovered by
  /// the reader), every line ending in '\n'.
  std::string source;
  /// Guide line of each line of `source`; 0 for a line the guide does not show.
  std::vector<int> guide_lines;
  std::vector<Claim> claims;  ///< in guide order
  SampleStyle style = SampleStyle::kScript;
  bool pytest_file = false;  ///< defines module-level test_ functions: run by pytest
  /// Ids of earlier samples of the same guide whose definitions it uses
  /// (a tutorial that continues): they run first, their output not judged.
  std::vector<std::string> continues;
  /// The page starts a new namespace here (a new Jupyter kernel, Sybil's
  /// `clear-namespace`): it continues no sample before it, nor does any later one.
  bool fresh_namespace = false;
  /// Code the page runs before it without showing it as a sample (Sphinx's
  /// `testsetup`), every line ending in '\n'; empty when none. It runs
  /// first, silently, like the samples it continues.
  std::string setup;
  /// The file the page saves it as ("word_count.py": named in its fence,
  /// its first comment or the sentence leading into it); empty when none.
  /// A later sample that imports `word_count` imports this code.
  std::string saved_as;
  /// Decisions the reader was unsure of, as messages ("guide.md:554: ...").
  std::vector<std::string> notes;
  /// When the reader could not make it runnable: "guide.txt:L: cannot ...".
  std::string error;

  /// Where the project keeps it (snippets/q12.py); empty before it is stored.
  std::string path;
  /// Hash of the source the reader produced; a stored file that differs
  /// was fixed by hand.
  std::string generated_hash;
};

/// The snippet line (1-based) that guide line `guide_line` shows, given a
/// sample's `guide_lines`; 0 when it shows none. When several snippet lines
/// share the guide line (a notebook cell kept as one string), the last:
/// a claim after that guide line follows all of them.
inline int snippet_line_of(const std::vector<int>& guide_lines, int guide_line) {
  const auto last = std::find(guide_lines.rbegin(), guide_lines.rend(), guide_line);
  return last == guide_lines.rend() ? 0 : static_cast<int>(guide_lines.rend() - last);
}

}  // namespace guidecheck
