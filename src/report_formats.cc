#include "report_formats.h"

#include "report_github.h"
#include "report_json.h"
#include "report_junit.h"
#include "report_markdown.h"
#include "report_text.h"

namespace guidecheck {
namespace {

std::string plain_text(const Report& report) { return render_text_report(report, TextReportStyle{}); }
std::string github(const Report& report) { return render_github_annotations(report); }

}  // namespace

const std::vector<ReportFormat>& report_formats() {
  static const std::vector<ReportFormat> formats = {
      {"text", "a line per sample, failures with diffs, the summary line last", plain_text},
      {"json", "every sample, claim and verdict, for programs", render_json_report},
      {"junit", "JUnit XML, a testcase per sample, for CI test viewers", render_junit_report},
      {"markdown", "a summary table for a CI job's page ($GITHUB_STEP_SUMMARY)", render_markdown_report},
      {"github", "GitHub Actions annotations at the guide's lines", github},
  };
  return formats;
}

const ReportFormat* find_report_format(std::string_view name) {
  for (const auto& format : report_formats())
    if (format.name == name) return &format;
  return nullptr;
}

}  // namespace guidecheck
