#include "command_check.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "atomic_file.h"
#include "claim_verdicts.h"
#include "errata.h"
#include "golden_pattern.h"
#include "unified_diff.h"

namespace guidecheck {
namespace {

// A claim or an output in a one-line message: quoted, newlines shown as \n.
std::string quote_for_message(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out + "'";
}

}  // namespace

CheckOutcome check_snippets(const CheckCommandOptions& options, Runner& runner, Runner& second,
                            const CheckProgress& progress) {
  CheckOutcome result;
  CheckPlan plan;
  Errata errata;
  if (!build_check_plan(options, &runner, &plan, &result.error) ||
      !load_errata(options.errata_path.empty()
                       ? (std::filesystem::path(options.project.snippets_dir) / "errata.toml").string()
                       : options.errata_path,
                   &errata, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  result.guide_path = plan.guide_path;
  result.notes = plan.notes;
  result.errors = plan.errors;
  if (!plan.drift.empty()) {
    result.drift = plan.drift;
    result.exit_code = 1;
    return result;
  }

  spdlog::debug("planned {} snippets ({} drift problems)", plan.snippets.size(), plan.drift.size());
  std::vector<RunSpec> specs;
  for (const auto& planned : plan.snippets)
    if (!planned.skip_reason) specs.push_back(planned.spec);
  size_t sample_runs = specs.size();

  // Error claims of commented-out statements: the sample runs once more with
  // the statement enabled, in the same batch (they fill idle slots while the
  // long samples run). Error claims of live code are judged on the run itself.
  namespace fs = std::filesystem;
  std::string variant_dir = (fs::temp_directory_path() / fmt::format("guidecheck-variants-{}", getpid())).string();
  std::vector<std::pair<size_t, const Claim*>> variant_of;  // plan index, claim
  for (size_t i = 0; i < plan.snippets.size(); ++i) {
    const PlannedSnippet& planned = plan.snippets[i];
    if (planned.skip_reason || planned.spec.mode == SnippetMode::kPytest) continue;
    for (const auto& claim : planned.claims) {
      if (claim.kind != ClaimKind::kError || claim.statement.empty()) continue;
      std::optional<std::string> variant = error_claim_variant(planned.source, planned.guide_lines, claim);
      if (!variant) continue;
      std::error_code ec;
      fs::path dir = fs::path(variant_dir) / fmt::format("{}-{}", planned.id, claim.guide_line);
      fs::create_directories(dir, ec);
      std::string path = (dir / fs::path(planned.path).filename()).string();
      std::string err;
      if (!write_file_atomically(path, *variant, &err)) continue;
      RunSpec spec = planned.spec;
      spec.id = fmt::format("{} with line {} enabled", planned.id, claim.guide_line);
      spec.path = path;
      specs.push_back(spec);
      variant_of.emplace_back(i, &claim);
    }
  }
  size_t done = 0;
  std::vector<RunOutcome> outcomes = runner.run(specs, [&](size_t index, const RunOutcome&) {
    if (progress && index < sample_runs) progress(++done, sample_runs, specs[index].id);
  });
  std::vector<RunOutcome> variant_outcomes(std::make_move_iterator(outcomes.begin() + static_cast<long>(sample_runs)),
                                           std::make_move_iterator(outcomes.end()));
  outcomes.resize(sample_runs);
  spdlog::debug("ran {} samples and {} error-claim variants", sample_runs, variant_outcomes.size());
  std::error_code ec;
  fs::remove_all(variant_dir, ec);

  SnippetStore store = options.project.store();
  bool golden = plan.mode != PlanMode::kInMemory;
  std::map<std::string, double> durations;
  size_t next_outcome = 0;
  std::vector<size_t> golden_suspects;  // results whose stdout differs from expected/
  // Results are built for every planned snippet, in plan order: result r is
  // plan.snippets[r].
  std::map<size_t, std::string> expected_of;  // approved outputs read once
  for (size_t i = 0; i < plan.snippets.size(); ++i) {
    const PlannedSnippet& planned = plan.snippets[i];
    SnippetResult snippet;
    snippet.id = planned.id;
    snippet.path = planned.path;
    snippet.first_line = planned.first_line;
    snippet.last_line = planned.last_line;
    snippet.source = planned.source;
    if (planned.skip_reason) {
      snippet.verdict = SnippetVerdict::kSkipped;
      snippet.problems.push_back("skipped: " + *planned.skip_reason);
      snippet.skip_reason = *planned.skip_reason;
      result.results.push_back(std::move(snippet));
      continue;
    }
    snippet.outcome = std::move(outcomes[next_outcome++]);
    const RunOutcome& outcome = snippet.outcome;
    durations[snippet.id] = outcome.duration_s;
    if (std::string failure = describe_failure(outcome, planned.spec.timeout_s); !failure.empty())
      snippet.problems.push_back(failure);
    if (golden) {
      std::optional<std::string> expected = store.read_expected(snippet.id);
      if (expected) expected_of[i] = *expected;
      if (!expected) {
        snippet.problems.push_back(fmt::format("no approved output: {} is missing (run guidecheck update)",
                                               store.expected_path(snippet.id)));
      } else if (!matches_pattern(*expected, outcome.stdout_text)) {
        golden_suspects.push_back(result.results.size());
        snippet.golden_diff = unified_diff(*expected, outcome.stdout_text, store.expected_path(snippet.id),
                                           "actual stdout of " + snippet.id);
      }
    }
    if (outcome.stdout_truncated) snippet.problems.push_back("stdout was truncated (over the output cap)");
    result.results.push_back(std::move(snippet));
  }

  // The approved output, when this run's stdout matches it: its placeholders
  // say which tokens change from run to run.
  auto approved_of = [&](size_t r) -> const std::string* {
    auto it = expected_of.find(r);
    bool matches = it != expected_of.end() && matches_pattern(it->second, result.results[r].outcome.stdout_text);
    return matches ? &it->second : nullptr;
  };

  // A second opinion (another hash seed, another moment) where an output
  // differs from expected/ or from a claim: unstable, or wrong?
  std::vector<size_t> suspects = golden_suspects;
  for (size_t r = 0; r < result.results.size(); ++r) {
    const PlannedSnippet& planned = plan.snippets[r];
    if (planned.skip_reason || planned.spec.mode == SnippetMode::kPytest) continue;
    SnippetResult probe;
    probe.id = planned.id;
    probe.claims = judge_output_claims(planned.claims, planned.guide_lines, result.results[r].outcome, nullptr,
                                       approved_of(r));
    apply_errata(errata, &probe);  // a known erratum needs no second opinion
    for (const auto& claim : probe.claims)
      if (claim.verdict == ClaimVerdict::kMismatch && !claim.known_erratum &&
          std::find(suspects.begin(), suspects.end(), r) == suspects.end())
        suspects.push_back(r);
  }
  std::vector<RunSpec> again;
  for (size_t r : suspects) again.push_back(plan.snippets[r].spec);
  std::vector<RunOutcome> seconds = second.run(again);
  spdlog::debug("second opinions: {}", again.size());
  std::map<size_t, const RunOutcome*> second_of;
  for (size_t k = 0; k < suspects.size(); ++k) second_of[suspects[k]] = &seconds[k];

  for (size_t r : golden_suspects) {
    SnippetResult& snippet = result.results[r];
    std::string expected_path = store.expected_path(snippet.id);
    const std::string& expected = expected_of.at(r);
    const std::string& first = snippet.outcome.stdout_text;
    const std::string& other = second_of.at(r)->stdout_text;
    int line = 0;
    std::optional<std::string> both = first == other ? std::nullopt : stable_pattern(first, other, &line);
    std::optional<std::string> covering = both ? stable_pattern(expected, *both, &line) : std::nullopt;
    if (covering) {
      snippet.notes.push_back(fmt::format("stdout is unstable (two runs differ), and differs from {} only there; "
                                          "guidecheck update records placeholders for it", expected_path));
      snippet.golden_diff.clear();
    } else {
      snippet.problems.push_back(fmt::format("stdout differs from {}", expected_path));
    }
  }

  // Claims.
  for (size_t r = 0; r < result.results.size(); ++r) {
    SnippetResult& snippet = result.results[r];
    const PlannedSnippet& planned = plan.snippets[r];
    if (planned.skip_reason || planned.spec.mode == SnippetMode::kPytest) continue;
    auto it = second_of.find(r);
    snippet.claims = judge_output_claims(planned.claims, planned.guide_lines, snippet.outcome,
                                         it == second_of.end() ? nullptr : it->second, approved_of(r));
    bool error_claimed = false;
    for (const auto& claim : planned.claims) {
      if (claim.kind != ClaimKind::kError || !claim.statement.empty()) continue;
      snippet.claims.push_back(judge_error_claim(claim, planned.guide_lines, snippet.outcome));
      error_claimed = error_claimed || snippet.claims.back().verdict == ClaimVerdict::kMatch ||
                      snippet.claims.back().verdict == ClaimVerdict::kEquivalent;
    }
    for (size_t k = 0; k < variant_of.size(); ++k)
      if (variant_of[k].first == r)
        snippet.claims.push_back(judge_error_claim(*variant_of[k].second, planned.guide_lines, variant_outcomes[k]));
    std::stable_sort(snippet.claims.begin(), snippet.claims.end(),
                     [](const ClaimResult& a, const ClaimResult& b) { return a.guide_line < b.guide_line; });
    // An exit with the error the guide claims is what the sample shows.
    if (error_claimed && snippet.outcome.status == RunStatus::kError)
      snippet.problems.erase(std::remove(snippet.problems.begin(), snippet.problems.end(),
                                         describe_failure(snippet.outcome, planned.spec.timeout_s)),
                             snippet.problems.end());
    for (const Erratum* stale : apply_errata(errata, &snippet))
      snippet.notes.push_back(fmt::format("{}:{}: erratum for {} line {} matches no wrong claim (fixed? remove it)",
                                          errata.path, stale->file_line, stale->sample, stale->guide_line));
    for (const auto& claim : snippet.claims) {
      std::string where = fmt::format("{}:{}", plan.guide_path.empty() ? snippet.path : plan.guide_path, claim.guide_line);
      if (claim.verdict == ClaimVerdict::kMismatch && !claim.known_erratum)
        snippet.problems.push_back(fmt::format("{}: the guide claims {} but the sample prints {}", where,
                                               quote_for_message(claim.claimed), quote_for_message(claim.actual)));
      if (!options.strict) continue;
      if (claim.known_erratum)
        snippet.problems.push_back(fmt::format("{}: known erratum (--strict): {}", where, claim.erratum_reason));
      else if (claim.verdict == ClaimVerdict::kEquivalent || claim.verdict == ClaimVerdict::kProse)
        snippet.problems.push_back(fmt::format("{}: {} claim (--strict): {}", where, to_string(claim.verdict), claim.rule));
    }
  }
  for (auto& snippet : result.results)
    if (snippet.verdict != SnippetVerdict::kSkipped && !snippet.problems.empty())
      snippet.verdict = SnippetVerdict::kFailed;
  if (plan.mode != PlanMode::kInMemory) store.save_durations(durations);
  result.exit_code = summarize(result.results).failed > 0 ? 1 : 0;
  return result;
}

}  // namespace guidecheck
