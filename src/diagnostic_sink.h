#pragma once
// The guide parser's diagnostics, collected from its steps with a cap per
// kind, so a hostile guide cannot flood the report.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "guide_parser.h"

namespace guidecheck {

/// Collects diagnostics, at most 20 of each kind and 300 in all; the rest
/// are counted.
class DiagnosticSink {
 public:
  /// Records `message` about guide line `line` (0: the whole guide) unless
  /// `kind` (a short tag such as "unclosed") or the total is over its cap.
  void add(int line, const std::string& kind, std::string message, bool warning = false);
  /// The diagnostics by line (stably), then one saying how many were dropped.
  std::vector<Diagnostic> finish();

 private:
  std::vector<Diagnostic> diagnostics_;
  std::unordered_map<std::string, std::size_t> per_kind_;
  std::size_t dropped_ = 0;
};

}  // namespace guidecheck
