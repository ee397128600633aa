#include "report_markdown.h"

#include <algorithm>

#include <fmt/format.h>

#include "utf8.h"

namespace guidecheck {
namespace {

// Text in a table cell or a paragraph: Markdown and HTML syntax written as
// escapes, one line (newlines become <br>).
std::string inline_text(std::string_view raw) {
  std::string text = escape_for_terminal(raw);
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\n': out += "<br>"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

// At most the first `max_lines` lines of `text` (a step summary has a size
// limit; an output flood must not fill it).
std::string first_lines(std::string_view text, int max_lines) {
  size_t at = 0;
  for (int n = 0; n < max_lines; ++n) {
    at = text.find('\n', at);
    if (at == std::string_view::npos) return std::string(text);
    ++at;
  }
  return at >= text.size() ? std::string(text) : std::string(text.substr(0, at)) + "[... cut]\n";
}

// A fenced block that holds `body` whatever backticks it contains.
std::string fenced(std::string_view info, std::string_view raw) {
  std::string body = escape_for_terminal(first_lines(raw, 60));
  size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<size_t>(3, longest + 1), '`');
  if (!body.empty() && body.back() != '\n') body += '\n';
  return fence + std::string(info) + "\n" + body + fence + "\n";
}

std::string lines_of(const SampleResult& result) {
  if (result.sample.first_line <= 0) return "";
  return result.sample.first_line == result.sample.last_line ? std::to_string(result.sample.first_line)
                                               : fmt::format("{}–{}", result.sample.first_line, result.sample.last_line);
}

std::string status_cell(std::string_view status) {
  if (status == "passed") return "✅ passed";
  if (status == "skipped") return "⏭️ skipped";
  if (status == "not run") return "⏹️ not run";
  return "❌ " + std::string(status);
}

}  // namespace

std::string render_markdown_report(const Report& report) {
  std::string out = fmt::format("## guidecheck: {}\n\n", summary_line(report.counts));
  if (!report.guide.empty()) out += "Guide: " + inline_text(report.guide) + "\n\n";

  std::vector<const SampleResult*> not_passed;
  for (const auto& sample : report.samples)
    if (report_status(sample) != "passed") not_passed.push_back(&sample);
  if (not_passed.empty()) {
    out += fmt::format("All {} samples passed.\n", report.counts.passed);
  } else {
    out += "| sample | guide lines | status | claims | problem |\n|---|---|---|---|---|\n";
    for (const SampleResult* sample : not_passed) {
      std::string_view status = report_status(*sample);
      std::string problem = status == "skipped" ? skip_reason_of(*sample)
                            : sample->problems.empty() ? std::string() : sample->problems.front();
      out += fmt::format("| {} | {} | {} | {} | {} |\n", inline_text(sample->sample.id), lines_of(*sample),
                         status_cell(status), claim_verdict_counts(sample->claims), inline_text(problem));
    }
    if (report.counts.passed > 0) out += fmt::format("\nThe other {} samples passed.\n", report.counts.passed);
  }

  for (const SampleResult* sample : not_passed) {
    if (report_status(*sample) == "skipped") continue;
    out += fmt::format("\n<details><summary>{}: {}</summary>\n\n", inline_text(sample->sample.id),
                       inline_text(sample->problems.empty() ? "failed" : sample->problems.front()));
    for (const auto& problem : sample->problems) out += "- " + inline_text(problem) + "\n";
    for (const auto& claim : sample->claims) {
      if (!claim.counts_against) continue;
      out += fmt::format("\nGuide line {} claims:\n\n", claim.guide_line) + fenced("text", claim.claimed) +
             "\nThe statement printed:\n\n" + fenced("text", claim.actual);
    }
    if (!sample->golden_diff.empty()) out += "\n" + fenced("diff", sample->golden_diff);
    if (sample->outcome.status != RunStatus::kOk && !sample->outcome.stderr_text.empty())
      out += "\nstderr:\n\n" + fenced("text", sample->outcome.stderr_text);
    out += "\n</details>\n";
  }

  std::vector<ErratumRef> errata = known_errata(report.samples);
  if (!errata.empty()) {
    out += fmt::format("\n### Known errata ({})\n\n| sample | guide line | claimed | reason |\n|---|---|---|---|\n",
                       errata.size());
    for (const auto& [sample, claim] : errata)
      out += fmt::format("| {} | {} | {} | {} |\n", inline_text(sample->sample.id), claim->guide_line,
                         inline_text(claim->claimed), inline_text(claim->erratum_reason));
  }
  return out;
}

}  // namespace guidecheck
