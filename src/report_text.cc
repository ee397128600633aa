#include "report_text.h"

#include <unistd.h>

#include <cstdlib>
#include <fmt/color.h>
#include <fmt/format.h>

#include "unified_diff.h"
#include "utf8.h"

namespace guidecheck {
namespace {

std::string paint(const TextReportStyle& style, fmt::text_style color, const std::string& text) {
  return style.color ? fmt::format(color, "{}", text) : text;
}

std::string colored_diff(const TextReportStyle& style, const std::string& diff) {
  if (!style.color) return diff;
  std::string out;
  size_t start = 0;
  while (start < diff.size()) {
    size_t end = diff.find('\n', start);
    std::string line = diff.substr(start, end == std::string::npos ? std::string::npos : end - start);
    fmt::text_style color;
    if (line.rfind("+++", 0) == 0 || line.rfind("---", 0) == 0) color = fmt::emphasis::bold;
    else if (line.rfind("@@", 0) == 0) color = fmt::fg(fmt::terminal_color::cyan);
    else if (!line.empty() && line[0] == '+') color = fmt::fg(fmt::terminal_color::green);
    else if (!line.empty() && line[0] == '-') color = fmt::fg(fmt::terminal_color::red);
    out += fmt::format(color, "{}", line) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    out += prefix + text.substr(start, end == std::string::npos ? std::string::npos : end - start) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// The last lines of stderr: where a traceback says what went wrong.
std::string stderr_tail(const std::string& text, size_t lines) {
  size_t pos = text.size();
  if (pos && text[pos - 1] == '\n') --pos;
  for (size_t n = 0; n < lines && pos != std::string::npos && pos > 0; ++n) pos = text.rfind('\n', pos - 1);
  return text.substr(pos == std::string::npos ? 0 : pos + 1);
}

// "3 match, 1 equivalent, 1 mismatch (1 known)".
}  // namespace

bool wants_color(std::FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(fileno(stream));
}

std::string render_text_report(const Report& report, const TextReportStyle& style) {
  const std::vector<SampleResult>& results = report.samples;
  std::string out;
  for (const auto& result : results) {
    std::string tag;
    switch (result.verdict) {
      case SnippetVerdict::kPassed: tag = paint(style, fmt::fg(fmt::terminal_color::green), "PASS"); break;
      case SnippetVerdict::kFailed: tag = paint(style, fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold, "FAIL"); break;
      case SnippetVerdict::kSkipped: tag = paint(style, fmt::fg(fmt::terminal_color::yellow), "SKIP"); break;
      case SnippetVerdict::kNotRun: tag = paint(style, fmt::fg(fmt::terminal_color::cyan), "STOP"); break;
    }
    std::string lines = result.sample.first_line ? fmt::format("{}-{}", result.sample.first_line, result.sample.last_line) : "";
    out += fmt::format("{} {:<8} {:>9} {:6.2f}s", tag, escape_for_terminal(result.sample.id), lines,
                       result.outcome.duration_s);
    if (std::string counts = claim_verdict_counts(result.claims); !counts.empty()) out += "  " + counts;
    if (result.verdict == SnippetVerdict::kNotRun)
      out += "  " + escape_for_terminal(result.skip_reason);
    else if (result.verdict != SnippetVerdict::kPassed && !result.problems.empty())
      out += "  " + escape_for_terminal(result.problems.front());
    out += "\n";
    for (const auto& note : result.notes) out += "     " + escape_for_terminal(note) + "\n";
  }
  for (const auto& result : results) {
    if (result.verdict != SnippetVerdict::kFailed) continue;
    std::string heading = fmt::format("{} ({})", escape_for_terminal(result.sample.id), escape_for_terminal(result.sample.path));
    out += "\n" + paint(style, fmt::emphasis::bold, heading) + "\n";
    for (const auto& problem : result.problems) out += "  " + escape_for_terminal(problem) + "\n";
    for (const auto& claim : result.claims) {
      if (!claim.counts_against) continue;
      if (claim.claimed.find('\n') == std::string::npos && claim.actual.find('\n') == std::string::npos) continue;
      out += colored_diff(style, escape_for_terminal(unified_diff(claim.claimed + "\n", claim.actual + "\n",
                                                                  fmt::format("claimed at line {}", claim.guide_line),
                                                                  "printed")));
    }
    if (!result.golden_diff.empty()) out += colored_diff(style, escape_for_terminal(result.golden_diff));
    if (result.outcome.status != RunStatus::kOk && !result.outcome.stderr_text.empty())
      out += indent(escape_for_terminal(stderr_tail(result.outcome.stderr_text, 6)), "  | ");
  }
  std::string errata;
  int known = 0;
  for (const auto& result : results)
    for (const auto& claim : result.claims)
      if (claim.known_erratum) {
        ++known;
        errata += fmt::format("  {} line {}: claims '{}': {}\n", escape_for_terminal(result.sample.id), claim.guide_line,
                              escape_for_terminal(claim.claimed), escape_for_terminal(claim.erratum_reason));
      }
  if (known) out += fmt::format("\nKnown errata in the guide ({}):\n", known) + errata;
  if (report.shard)
    out += fmt::format("\nshard {}/{}: {} of the {} samples\n", report.shard->index, report.shard->count,
                       report.counts.total(), report.shard->samples_total);
  // Its own line, so that the summary stays the report's last line.
  if (report.counts.cached)
    out += fmt::format("\n{} of {} samples reused from the result cache (--no-cache runs them all)\n",
                       report.counts.cached, report.counts.total());
  out += "\n" + summary_line(report.counts) + "\n";
  return out;
}

}  // namespace guidecheck
