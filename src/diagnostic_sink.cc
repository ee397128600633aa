#include "diagnostic_sink.h"

#include <algorithm>
#include <utility>

namespace guidecheck {
namespace {

constexpr std::size_t kMaxDiagnosticsPerKind = 20;
constexpr std::size_t kMaxDiagnostics = 300;

}  // namespace

void DiagnosticSink::add(int line, const std::string& kind, std::string message, bool warning) {
  std::size_t& count = per_kind_[kind];
  if (++count > kMaxDiagnosticsPerKind || diagnostics_.size() >= kMaxDiagnostics) {
    ++dropped_;
    return;
  }
  diagnostics_.push_back({line, std::move(message), warning});
}

std::vector<Diagnostic> DiagnosticSink::finish() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  if (dropped_ > 0)
    diagnostics_.push_back({0, std::to_string(dropped_) + " more diagnostics of the same kinds not shown"});
  return std::move(diagnostics_);
}

}  // namespace guidecheck
