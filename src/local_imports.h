#pragma once
// The files beside a sample that its run depends on, for the result cache's
// key. Python puts the script's own directory first on sys.path, so a
// sample can import any module there; but a guide's snippets share one
// directory, and keying every sample on all of it would make editing one
// sample re-run them all. So a sample is keyed on what it imports from
// there: each module its import statements name (and, transitively, what
// those files import), as the file's content or its absence (a file added
// later that shadows the standard library counts). A sample that imports at
// run time (importlib, __import__, runpy, pkgutil) or runs under pytest
// (which loads conftest.py by itself) is keyed on every .py file there.

#include <map>
#include <string>
#include <vector>

#include "runner.h"

namespace guidecheck {

class LocalImports {
 public:
  /// A digest of the files in `spec`'s directory that its run can import.
  std::string digest(const RunSpec& spec);

 private:
  struct Module {
    std::string digest;                ///< of its files' names and content; "" when absent
    std::vector<std::string> imports;  ///< what those files import
    bool dynamic = false;              ///< one of them imports at run time
  };
  const Module& module(const std::string& directory, const std::string& name);
  const std::string& whole_directory(const std::string& directory);

  std::map<std::string, Module> modules_;            ///< directory/name -> what is there
  std::map<std::string, std::string> directories_;  ///< directory -> digest of every .py file in it
};

/// True when `source` imports modules at run time, by names a static scan cannot see.
bool imports_dynamically(const std::string& source);

}  // namespace guidecheck
