#pragma once
// Samples that continue earlier ones: a tutorial page defines names in one
// block and uses them in the next. Run alone, the later block would fail
// with NameError, so the earlier blocks run first, silently.

#include <string>
#include <unordered_map>
#include <vector>

#include "python_block_facts.h"
#include "sample.h"

namespace guidecheck {

/// Fills Sample::continues for the samples of one guide, in guide order: a
/// sample that needs names it does not bind (builtins aside) continues the
/// latest earlier sample that wrote each (bound it or changed it in place),
/// and what that one continues (sample_continuations.h). A sample that does
/// not compile continues nothing, and no sample continues one before a
/// Sample::fresh_namespace. Uses the embedded interpreter's parser.
void link_continuations(std::vector<Sample>* samples);
/// The same with the samples' facts already known (python_block_facts.h).
void link_continuations(std::vector<Sample>* samples, const std::vector<PythonBlockFacts>& facts);

/// Marks the samples at the indices `starts` (as a reader counted them when
/// the page started a new namespace) Sample::fresh_namespace; an index past
/// the last sample marks nothing.
void mark_namespace_starts(const std::vector<std::size_t>& starts, std::vector<Sample>* samples);

/// Python code that runs each of `earlier` in order in __main__, with its
/// stdout and stderr discarded and any exception it raises swallowed (an
/// earlier block may show an error on purpose; what it defined before
/// stays). Compiled under each sample's own id, so a traceback that starts
/// in an earlier block names it.
std::string continuation_prelude(const std::vector<const Sample*>& earlier);

/// Python code that makes each sample of `saved` (Sample::saved_as,
/// "word_count.py") importable under its module name (`word_count`): run
/// as that module, silently, on first import, as if the file stood beside
/// the sample. Empty when none.
std::string saved_module_prelude(const std::vector<const Sample*>& saved);

/// The samples of a guide that the page saves as Python files
/// (Sample::saved_as), found once for the whole guide: asking for each
/// sample in turn then costs nothing where the page saves none (a check of
/// 10 000 samples spent 15 % of its host's time scanning them all for each).
class SavedModules {
 public:
  /// `all` in guide order; it must outlive this.
  explicit SavedModules(const std::vector<Sample>& all);

  /// The samples before `sample` (by id) that are saved as a module it
  /// imports (or one of the samples it continues imports), the latest of
  /// each name.
  std::vector<const Sample*> imported_by(const Sample& sample) const;

 private:
  const std::vector<Sample>& all_;
  std::vector<size_t> saved_;                          ///< indexes of the samples saved as .py, in order
  std::unordered_map<std::string, size_t> position_;  ///< id -> index in all_
};

}  // namespace guidecheck
