#include "guide_claim_fixes.h"

#include <fmt/format.h>

#include "atomic_file.h"
#include "claim_parts.h"
#include "guide_reader.h"
#include "guide_rewrite.h"
#include "snippet_writer.h"

namespace guidecheck {
namespace {

// An error claim is corrected only with an exception its run really raised
// ("(no exception)" is a verdict, not an output to write into the guide).
bool raised_an_exception(const Claim& claim, const SampleRuns& runs) {
  const RunOutcome* run = runs.first;
  for (const auto& [variant_claim, variant_run] : runs.error_variants)
    if (variant_claim->guide_line == claim.guide_line) run = variant_run;
  return run && run->status == RunStatus::kError;
}

}  // namespace

GuideFixOutcome fix_guide_claims(const CheckPlan& plan, const PlanRuns& runs, const Errata& errata, Runner& second,
                                 const std::string& snippets_dir) {
  GuideFixOutcome result;
  std::vector<SampleResult> judged = judge_plan(plan, runs, JudgePolicy{false, &errata, plan.guide_path}, second);
  std::vector<ClaimEdit> edits;
  for (size_t i = 0; i < judged.size(); ++i) {
    // Only a complete, successful run may correct the guide: a timeout or a
    // crash leaves partial output that merely looks like a mismatch.
    bool trusted = !plan.samples[i].skip_reason && is_complete_success(judged[i].outcome);
    for (const auto& verdict : judged[i].claims) {
      if (verdict.verdict != ClaimVerdict::kMismatch) continue;
      bool fixed = false;
      for (const auto& claim : plan.samples[i].sample.claims) {
        if (!trusted || verdict.actual.empty()) continue;
        if (claim.guide_line == verdict.guide_line && claim.text == verdict.claimed &&
            (claim.kind != ClaimKind::kError || raised_an_exception(claim, runs.runs[i]))) {
          edits.push_back({claim, verdict.actual});
          fixed = true;
        } else if (std::optional<Claim> part = claim_part(claim, verdict.guide_line, verdict.claimed);
                   part && claim.kind == ClaimKind::kOutput) {
          // One statement's lines of an output block judged by parts.
          edits.push_back({*part, verdict.actual});
          fixed = true;
        }
      }
      if (!fixed) ++result.still_wrong;
    }
  }
  if (edits.empty()) {
    result.messages.push_back(fmt::format("{}: no mismatching claim to rewrite", plan.guide_path));
    result.exit_code = result.still_wrong > 0 ? 1 : 0;
    return result;
  }
  std::string text;
  if (!read_file(plan.guide_path, &text, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  GuideRewrite rewrite = rewrite_claims(text, plan.guide_path, edits);
  result.messages = rewrite.changed;
  for (const auto& refused : rewrite.refused) result.messages.push_back(refused);
  result.rewritten = static_cast<int>(rewrite.changed.size());
  result.still_wrong += static_cast<int>(rewrite.refused.size());
  if (rewrite.text != text && !write_file_atomically(plan.guide_path, rewrite.text, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  // The snippets hold the guide's comment lines: store them again. The code
  // did not change, so no layout is guessed or run again.
  const GuideFormat* format = guide_format_for(plan.guide_path, plan.guide_format, &result.error);
  if (!format) {
    result.exit_code = 2;
    return result;
  }
  ReadOptions read;
  read.filename = plan.guide_path;
  Extraction extraction = read_guide_text(*format, rewrite.text, read);
  SnippetWriteOutcome stored = save_extraction(extraction, plan.guide_path, snippets_dir, ExistingLayouts::kKeepAll);
  if (stored.exit_code == 2) {
    result.error = stored.error;
    result.exit_code = 2;
    return result;
  }
  result.messages.push_back(fmt::format("re-extracted {} samples ({} written)", stored.samples, stored.written));
  result.exit_code = result.still_wrong > 0 ? 1 : 0;
  return result;
}

}  // namespace guidecheck
