#pragma once
// Where a guidecheck project keeps its files.

#include <string>

#include "snippet_store.h"

namespace guidecheck {

struct ProjectPaths {
  std::string snippets_dir = "snippets";
  std::string expected_dir = "expected";
  std::string cache_dir = ".guidecheck";  ///< durations; safe to delete

  SnippetStore store() const { return SnippetStore(snippets_dir, expected_dir, cache_dir); }
};

}  // namespace guidecheck
