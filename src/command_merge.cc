#include "command_merge.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "atomic_file.h"
#include "report_json_read.h"

namespace guidecheck {
namespace {

// Why the shards' reports do not make one whole run ("" when they do).
std::string shards_problem(const std::vector<Report>& reports, const std::vector<std::string>& paths) {
  const Report& first = reports.front();
  std::set<int> seen;
  int samples = 0;
  for (size_t i = 0; i < reports.size(); ++i) {
    const Report& report = reports[i];
    if (report.guide != first.guide)
      return fmt::format("{}: a report of {}, not of {} ({})", paths[i], report.guide, first.guide, paths[0]);
    if (!report.shard.has_value() != !first.shard.has_value())
      return fmt::format("{}: mixes a sharded and a whole run ({})", paths[i], paths[0]);
    if (!report.shard) continue;
    if (report.shard->count != first.shard->count || report.shard->partition != first.shard->partition)
      return fmt::format("{}: shard {}/{} did not split the samples as {} did (they checked out different "
                         "snippets/ or snippets/durations.json: run every shard on the same commit)",
                         paths[i], report.shard->index, report.shard->count, paths[0]);
    if (!seen.insert(report.shard->index).second)
      return fmt::format("{}: shard {}/{} is there twice", paths[i], report.shard->index, report.shard->count);
    samples += report.counts.total();
  }
  if (!first.shard) return "";
  for (int k = 1; k <= first.shard->count; ++k)
    if (!seen.count(k)) return fmt::format("shard {}/{} is missing", k, first.shard->count);
  if (samples != first.shard->samples_total)
    return fmt::format("the shards hold {} samples, the check had {}", samples, first.shard->samples_total);
  return "";
}

}  // namespace

MergeOutcome merge_reports(const std::vector<std::string>& paths) {
  MergeOutcome result;
  std::vector<Report> reports;
  for (const auto& path : paths) {
    std::string text;
    Report report;
    if (!read_file(path, &text, &result.error) || !read_json_report(text, path, &report, &result.error)) {
      result.exit_code = 2;
      return result;
    }
    reports.push_back(std::move(report));
  }
  if (reports.empty() || !(result.error = shards_problem(reports, paths)).empty()) {
    if (reports.empty()) result.error = "merge: no reports given";
    result.exit_code = 2;
    return result;
  }
  std::vector<SampleResult> samples;
  std::vector<std::string> notes;
  std::set<std::string> ids;
  for (size_t i = 0; i < reports.size(); ++i) {
    for (auto& sample : reports[i].samples) {
      if (!ids.insert(sample.sample.id).second) {
        result.error = fmt::format("{}: sample {} is in another report too", paths[i], sample.sample.id);
        result.exit_code = 2;
        return result;
      }
      samples.push_back(std::move(sample));
    }
    for (auto& note : reports[i].reader_notes)
      if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
  }
  // Guide order, as one run reports them.
  std::stable_sort(samples.begin(), samples.end(), [](const SampleResult& a, const SampleResult& b) {
    return a.sample.first_line < b.sample.first_line;
  });
  result.report = make_report(reports.front().guide, std::move(samples));
  result.report.reader_notes = std::move(notes);
  result.exit_code = result.report.counts.failed > 0 ? 1 : 0;
  return result;
}

}  // namespace guidecheck
