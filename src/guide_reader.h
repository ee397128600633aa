#pragma once
// The read stage: a guide file -> its samples. Each guide format has one
// reader, registered in one table (guide_readers.cc) with the file
// extensions it claims; `--guide-format` overrides the choice.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runner.h"
#include "sample.h"
#include "snippet_selection.h"

namespace guidecheck {

struct ReadOptions {
  std::string filename;  ///< the guide's name in messages
  /// Runs candidate layouts where a reader must guess them (scraped text)
  /// and the claims can decide; null: take the most plausible, run nothing.
  Runner* runner = nullptr;
  /// Limits of a candidate's run: a wrong layout often loops forever, so a
  /// candidate gets at most 3 s, and never more than --timeout allows.
  double candidate_timeout_s = 3;
  uint64_t candidate_memory_limit = 4ull << 30;
  /// False when only the lines of each sample matter (drift): a reader
  /// that must guess the layout may leave the code unindented, and no
  /// continuations are linked.
  bool lay_out = true;
};

/// What a reader found.
struct Extraction {
  std::string format;                    ///< the reader's name (set by read_guide_file)
  std::vector<Sample> samples;           ///< in guide order, ids unique
  std::vector<std::string> diagnostics;  ///< "guide.md:12: message", shown with -v
  /// Lines the reader could not take as code (a NUL byte, invalid UTF-8, a
  /// line too long): "guide.md:12: message", always shown.
  std::vector<std::string> warnings;
  /// Set when the file is not a guide of this format at all
  /// ("guide.ipynb:3: not a Jupyter notebook: ..."): reading it fails.
  std::string error;
};

using ReadGuide = Extraction (*)(std::string_view text, const ReadOptions& options);

struct GuideFormat {
  std::string_view name;                     ///< for --guide-format: "text", "markdown", "rst"
  std::vector<std::string_view> extensions;  ///< ".md", ".markdown"; matched case-insensitively
  ReadGuide read;
  /// `update --write-guide` may rewrite its claims as lines of text. Not a
  /// notebook's: its outputs are JSON, and Jupyter rewrites them by running it.
  bool claims_rewritable = true;
};

/// Every reader, in the order --help lists them; the first is the default
/// for an extension no reader claims.
const std::vector<GuideFormat>& guide_formats();
/// The format named `name`; null when none is.
const GuideFormat* guide_format_named(std::string_view name);
/// The format of the guide at `path`: `override_name` when not empty,
/// else by extension. Null (with *err naming the option) for an unknown name.
const GuideFormat* guide_format_for(const std::string& path, std::string_view override_name, std::string* err);
/// Names the samples s01, s02... in their order, with as many digits as
/// their count needs (s001 from the hundredth on): the ids of every reader
/// that has no items of its own to number them by.
void number_samples(std::vector<Sample>* samples);

/// "text, markdown, rst": for messages and --help.
std::string guide_format_names();

/// Reads `text` with `format`'s reader and links the samples that continue
/// earlier ones (continuation.h): what every caller of a reader needs.
Extraction read_guide_text(const GuideFormat& format, std::string_view text, const ReadOptions& options);

/// The read step shared by `extract` and `check`: reads the file at `path`
/// and its samples, with candidate layouts run on `runner` (may be null)
/// within `run`'s timeout (at most 3 s each) and memory limit. False with
/// *err when the file cannot be read or the format is unknown.
bool read_guide_file(const std::string& path, std::string_view format_override, Runner* runner,
                     const RunSettings& run, Extraction* extraction, std::string* err);
/// The samples' lines only (ReadOptions::lay_out false), nothing run: what
/// drift compares.
bool read_guide_lines(const std::string& path, std::string_view format_override, Extraction* extraction,
                      std::string* err);

}  // namespace guidecheck
