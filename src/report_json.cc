#include "report_json.h"

#include <nlohmann/json.hpp>

#include "base64.h"
#include "utf8.h"

namespace guidecheck {
namespace {

// Keys keep their insertion order: guide, summary, snippets read top-down.
using json = nlohmann::ordered_json;

// nlohmann::json throws on invalid UTF-8 when dumping: every string from a
// snippet goes through here.
json text(std::string_view value) { return replace_invalid_utf8(value); }

// What a sample printed: text, and when the text had to replace bytes that
// are not UTF-8, the exact bytes right after it as `<key>_base64`.
void put_output(json& object, const std::string& key, std::string_view bytes) {
  object[key] = text(bytes);
  if (!is_valid_utf8(bytes)) object[key + "_base64"] = base64_encode(bytes);
}

json text_or_null(std::string_view value) { return value.empty() ? json(nullptr) : text(value); }

json optional_int(const std::optional<int>& value) { return value ? json(*value) : json(nullptr); }

json text_array(const std::vector<std::string>& values) {
  json array = json::array();
  for (const auto& value : values) array.push_back(text(value));
  return array;
}

json claim_json(const ClaimResult& claim) {
  json object = {{"guide_line", claim.guide_line},
                 {"kind", std::string(to_string(claim.kind))},
                 {"claimed", text(claim.claimed)},
                 {"note", text(claim.note)}};
  put_output(object, "actual", claim.actual);
  object["verdict"] = to_string(claim.verdict);
  object["rule"] = text(claim.rule);
  object["known_erratum"] = claim.known_erratum;
  object["erratum_reason"] = text_or_null(claim.erratum_reason);
  object["counts_against"] = claim.counts_against;
  return object;
}

json snippet_json(const SampleResult& result) {
  const RunOutcome& outcome = result.outcome;
  bool skipped = result.verdict == SnippetVerdict::kSkipped || result.outcome.never_started;
  json claims = json::array();
  for (const auto& claim : result.claims) claims.push_back(claim_json(claim));
  json object = {{"id", text(result.sample.id)},
                 {"path", text(result.sample.path)},
                 {"guide_lines", {result.sample.first_line, result.sample.last_line}},
                 {"status", std::string(report_status(result))},
                 // A skipped snippet never ran: its default RunOutcome says nothing.
                 {"exit_code", skipped ? json(nullptr) : optional_int(outcome.exit_code)},
                 {"signal", skipped ? json(nullptr) : optional_int(outcome.signal)}};
  put_output(object, "stdout", outcome.stdout_text);
  put_output(object, "stderr", outcome.stderr_text);
  object.update(json{{"stdout_truncated", outcome.stdout_truncated},
                     {"stderr_truncated", outcome.stderr_truncated},
                     {"duration_s", outcome.duration_s},
                     {"cached", outcome.cached},
                     {"code", text(result.sample.source)},
                     {"continues", text_array(result.sample.continues)},
                     {"skip_reason", text_or_null(skip_reason_of(result))},
                     {"error", skipped ? json(nullptr) : text_or_null(outcome.error)},
                     {"problems", text_array(result.problems)},
                     {"notes", text_array(result.notes)},
                     {"golden_diff", text_or_null(result.golden_diff)},
                     {"claims", claims}});
  return object;
}

}  // namespace

std::string render_json_report(const Report& report) {
  const std::string& guide = report.guide;
  const std::vector<SampleResult>& results = report.samples;
  const ReportCounts& counts = report.counts;
  json errata = json::array();
  for (const auto& [snippet, claim] : known_errata(results)) {
    json erratum = {{"id", text(snippet->sample.id)}, {"guide_line", claim->guide_line}, {"claimed", text(claim->claimed)}};
    put_output(erratum, "actual", claim->actual);
    erratum["reason"] = text(claim->erratum_reason);
    errata.push_back(std::move(erratum));
  }
  json snippets = json::array();
  for (const auto& result : results) snippets.push_back(snippet_json(result));
  json document = {{"guide", text(guide)},
                   {"summary",
                    {{"passed", counts.passed},
                     {"failed", counts.failed},
                     {"skipped", counts.skipped},
                     {"not_run", counts.not_run},
                     {"errors", counts.errors},
                     {"cached", counts.cached},
                     {"total", counts.total()}}},
                   {"known_errata", errata},
                   {"reader_notes", text_array(report.reader_notes)},
                   {"snippets", snippets}};
  if (report.shard)
    document["shard"] = {{"index", report.shard->index},
                         {"count", report.shard->count},
                         {"samples_total", report.shard->samples_total},
                         {"partition", report.shard->partition}};
  return document.dump(2) + "\n";
}

}  // namespace guidecheck
