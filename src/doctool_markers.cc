#include "doctool_markers.h"

#include <utility>

#include "claim_text.h"

namespace guidecheck {
namespace {

// `text` without blanks, lower-case: "pytest-codeblocks: skip" reads as
// "pytest-codeblocks:skip".
std::string squeezed(std::string_view text) {
  std::string out;
  for (char c : ascii_lower(text))
    if (c != ' ' && c != '\t') out += c;
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::optional<DoctoolMarkerKind> marker_kind(const std::string& marker) {
  // Sybil: `skip: next`, `skip: next "reason"`, `skip: next if(cond)`: a
  // condition is not evaluated here; the block may not run, so it does not.
  if (starts_with(marker, "skip:next")) return DoctoolMarkerKind::kSkipNext;
  if (starts_with(marker, "skip:start")) return DoctoolMarkerKind::kSkipStart;
  if (starts_with(marker, "skip:end")) return DoctoolMarkerKind::kSkipEnd;
  if (marker == "invisible-code-block:python") return DoctoolMarkerKind::kInvisibleCode;
  if (marker == "clear-namespace") return DoctoolMarkerKind::kClearNamespace;
  if (marker == "pytest-codeblocks:skip" || starts_with(marker, "pytest-codeblocks:skipif(") ||
      marker == "pytest.mark.skip" || starts_with(marker, "pytest.mark.skipif("))
    return DoctoolMarkerKind::kSkipNext;
  if (marker == "pytest-codeblocks:cont") return DoctoolMarkerKind::kContinues;
  if (marker == "pytest-codeblocks:expected-output") return DoctoolMarkerKind::kExpectedOutput;
  if (marker == "phmdoctest-skip" || marker == "phmdoctest-mark.skip" || starts_with(marker, "phmdoctest-mark.skipif"))
    return DoctoolMarkerKind::kSkipNext;
  return std::nullopt;
}

}  // namespace

std::optional<DoctoolMarker> doctool_marker(std::string_view comment) {
  const std::string_view first = trim_blanks(comment.substr(0, comment.find('\n')));
  const std::optional<DoctoolMarkerKind> kind = marker_kind(squeezed(first));
  if (!kind) return std::nullopt;
  return DoctoolMarker{*kind, std::string(first)};
}

void DoctoolMarkers::read_comment(std::string_view comment, std::size_t samples_so_far) {
  const std::optional<DoctoolMarker> marker = doctool_marker(comment);
  if (!marker) return;
  switch (marker->kind) {
    case DoctoolMarkerKind::kSkipNext: skip_next_ = marker->text; break;
    case DoctoolMarkerKind::kSkipStart: skip_range_ = marker->text; break;
    case DoctoolMarkerKind::kSkipEnd: skip_range_.reset(); break;
    case DoctoolMarkerKind::kExpectedOutput: expected_output_ = true; break;
    case DoctoolMarkerKind::kContinues: continues_ = true; break;
    case DoctoolMarkerKind::kClearNamespace: start_namespace(samples_so_far); break;
    case DoctoolMarkerKind::kInvisibleCode: break;  // a code block of its own (invisible_code_lines)
  }
}

std::optional<std::string> DoctoolMarkers::skip_reason() {
  std::optional<std::string> marker = skip_next_ ? skip_next_ : skip_range_;
  skip_next_.reset();
  if (!marker) return std::nullopt;
  return "not run: the page skips it (" + *marker + ")";
}

bool DoctoolMarkers::take_expected_output() { return std::exchange(expected_output_, false); }

bool DoctoolMarkers::take_continues() { return std::exchange(continues_, false); }


std::optional<std::vector<std::string>> invisible_code_lines(std::string_view comment) {
  const std::optional<DoctoolMarker> marker = doctool_marker(comment);
  if (!marker || marker->kind != DoctoolMarkerKind::kInvisibleCode) return std::nullopt;
  std::vector<std::string_view> lines = split_lines(comment);
  std::vector<std::string> code;
  for (std::size_t k = 1; k < lines.size(); ++k) code.emplace_back(lines[k]);
  return code;
}

}  // namespace guidecheck
