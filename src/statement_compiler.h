#pragma once
// A sample's top-level statements, each compiled on its own so that each
// runs (and is attributed) in turn; in a session, in the prompt's "single"
// mode, where expression statements echo through sys.displayhook. All of
// them compile before any runs: python3 reports every syntax and compile
// error (and warns, once) before it runs anything, and so must a run.
//
// Each statement compiles from its own lines (top_level_statements.h): a
// run then makes none of the ast's Python objects, which cost more than the
// compiling itself in a freshly forked process. Where lines cannot say the
// statements, where one of them does not compile alone, or where only the
// whole module can judge one (a late __future__ import, `global`), the ast
// decides, after the whole module compiled.

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

namespace guidecheck {

struct CompiledStatement {
  int first_line = 0;  ///< 1-based, its first decorator's for a decorated def or class
  int last_line = 0;
  /// None where there is nothing to run: a bare string after the first
  /// statement of a script, which python3 evaluates for nothing (alone, it
  /// would become the module's __doc__).
  pybind11::object code;
};

/// Compiles `source`, the bytes of the file at `path`. False, with the
/// Python error set, where python3 would refuse the file.
bool compile_statements(const std::string& source, const std::string& path, bool session,
                        std::vector<CompiledStatement>* out);

}  // namespace guidecheck
