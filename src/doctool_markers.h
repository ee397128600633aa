#pragma once
// Markers that other doc-testing tools read in a page's comments, honoured
// where they say what runs and what a block is. A page written for one of
// those tools reads as its readers and its tool read it:
//
//   Sybil            skip: next, skip: start / skip: end, invisible-code-block: python,
//                    clear-namespace
//                    (an HTML comment in Markdown, a comment in reST)
//   pytest-codeblocks <!--pytest-codeblocks:skip-->, :skipif(...), :cont,
//                    :expected-output (also the older <!--pytest.mark.skip-->)
//   phmdoctest       <!--phmdoctest-skip-->, <!--phmdoctest-mark.skip-->, mark.skipif
//
// Markers that only arrange a tool's own namespaces (phmdoctest-setup,
// share-names) need nothing: later samples continue the ones whose names
// they use (sample_continuations.h). `importorskip(module)` needs nothing either: a run that stops
// at a module not installed here is skipped with that reason (judge.h).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

enum class DoctoolMarkerKind {
  kSkipNext,        ///< the next code block is shown, never run
  kSkipStart,       ///< code blocks up to kSkipEnd are shown, never run
  kSkipEnd,
  kInvisibleCode,   ///< the comment's own lines after the marker are code that runs, unseen
  kContinues,       ///< the next code block is more of the one before it: one sample, one output
  kExpectedOutput,  ///< the next code block is the output of the one before it
  kClearNamespace,  ///< Sybil's `clear-namespace`: later code blocks start afresh
};

struct DoctoolMarker {
  DoctoolMarkerKind kind = DoctoolMarkerKind::kSkipNext;
  std::string text;  ///< the marker as written (its first line, trimmed), for messages
};

/// The marker a comment holds: `comment` is its text (inside `<!--` and
/// `-->`, or after a reST `..`), of which the first line is read. nullopt
/// for any other comment.
std::optional<DoctoolMarker> doctool_marker(std::string_view comment);

/// What the markers read so far say about the code blocks that follow, for
/// a reader going through a page in order.
class DoctoolMarkers {
 public:
  /// Takes in a comment's text, read after `samples_so_far` samples of the
  /// page; others than markers change nothing.
  void read_comment(std::string_view comment, std::size_t samples_so_far);
  /// The page starts a new namespace after `samples_so_far` samples (a new
  /// Jupyter kernel, Sybil's `clear-namespace`).
  void start_namespace(std::size_t samples_so_far) { namespace_starts_.push_back(samples_so_far); }
  /// The samples (by index) that start a namespace of their own
  /// (mark_namespace_starts, continuation.h).
  const std::vector<std::size_t>& namespace_starts() const { return namespace_starts_; }
  /// For the next code block that may be a sample: why it is shown and never
  /// run ("not run: the page skips it (skip: next)"), or nullopt. Takes a
  /// `skip: next` up.
  std::optional<std::string> skip_reason();
  /// Whether a marker said the next code block is output (taken up).
  bool take_expected_output();
  /// Whether a marker said the next code block is more of the one before (taken up).
  bool take_continues();

 private:
  std::optional<std::string> skip_next_;   // the marker, until a code block takes it
  std::optional<std::string> skip_range_;  // `skip: start`, until `skip: end`
  bool expected_output_ = false;
  bool continues_ = false;
  std::vector<std::size_t> namespace_starts_;
};

/// The code lines of Sybil's invisible code block in `comment` (the lines
/// after its marker line, as written); nullopt for any other comment.
std::optional<std::vector<std::string>> invisible_code_lines(std::string_view comment);

}  // namespace guidecheck
