#pragma once
// The interpreter's sys.path without starting the interpreter. A check that
// the result cache answers whole needs sys.path only for the cache key
// (importable_packages.h), and starting Python to read it was half of an
// unchanged re-check of 100 samples. The memo keeps sys.path with the state
// of everything that decided it: the executable, pyvenv.cfg, site.py's
// directories and their .pth files, sitecustomize, every entry, and the
// environment variables site.py reads. It is reused only while all of them
// are exactly as they were; otherwise the interpreter is asked again.

#include <functional>
#include <string>
#include <vector>

namespace guidecheck {

/// What the interpreter says about its sys.path.
struct SearchPathFacts {
  std::vector<std::string> search_path;  ///< sys.path's str entries
  /// site.py's directories, present or not: their .pth files extend sys.path.
  std::vector<std::string> site_dirs;
  /// Other files whose change may change sys.path, present or not: the
  /// executable, pyvenv.cfg, the sitecustomize module's file...
  std::vector<std::string> inputs;
  /// False when the interpreter could not say all that decided sys.path:
  /// then it is not remembered.
  bool whole = true;
};

/// sys.path from the memo at `memo_path` when it was written for
/// `interpreter` (its executable and build: the memo may be shared by
/// hosts built differently) and nothing that decided it has changed since;
/// otherwise `ask()`'s, remembered for next time. A memo that cannot be
/// read, parsed or written only costs the question.
std::vector<std::string> remembered_search_path(const std::string& memo_path, const std::string& interpreter,
                                                const std::function<SearchPathFacts()>& ask);

}  // namespace guidecheck
