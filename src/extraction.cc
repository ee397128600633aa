#include "extraction.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "atomic_file.h"
#include "claim_verdicts.h"
#include "scratch_dir.h"
#include "snippet_lines.h"

namespace guidecheck {
namespace {

std::string strip_quotes(std::string text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front())
    return text.substr(1, text.size() - 2);
  return text;
}

}  // namespace

// Deliberately more forgiving than check's verdicts (a claim found anywhere
// in its statement's output agrees): a claim the guide gets wrong must not
// push the choice towards a layout that prints nothing there.
int count_agreeing_claims(const std::vector<Claim>& claims, const std::vector<int>& guide_lines,
                          const RunOutcome& outcome) {
  int agreeing = 0;
  for (const auto& claim : claims) {
    if (claim.kind != ClaimKind::kOutput) continue;
    auto it = std::find(guide_lines.begin(), guide_lines.end(), claim.anchor_line);
    if (it == guide_lines.end()) continue;
    int snippet_line = static_cast<int>(it - guide_lines.begin()) + 1;
    const StatementOutput* statement = statement_holding(outcome, snippet_line);
    if (!statement || statement->stdout_text.empty()) continue;
    std::string printed = collapse_whitespace(statement->stdout_text);
    std::string claimed = collapse_whitespace(claim.text);
    if (claimed.empty()) continue;
    if (printed.find(claimed) != std::string::npos || printed.find(strip_quotes(claimed)) != std::string::npos)
      ++agreeing;
  }
  return agreeing;
}

bool looks_like_pytest_file(const std::vector<std::string>& lines, const std::vector<int>& levels) {
  // pytest's own rule: module-level functions named test_* are tests.
  for (size_t i = 0; i < lines.size(); ++i)
    if ((i < levels.size() ? levels[i] : 0) == 0 && lines[i].rfind("def test_", 0) == 0) return true;
  return false;
}

bool extract_guide_file(const std::string& path, Runner* runner, const RunSettings& run, Extraction* extraction,
                        std::string* err) {
  std::string text;
  if (!read_file(path, &text, err)) return false;
  ExtractOptions options;
  options.filename = path;
  options.runner = runner;
  options.candidate_timeout_s = std::min(options.candidate_timeout_s, run.timeout_s);
  options.candidate_memory_limit = run.memory_limit;
  *extraction = extract_guide(text, options);
  return true;
}

ManifestEntry manifest_entry(const ExtractedSnippet& snippet, const std::string& generated_hash) {
  return {snippet.id,          snippet.item,  snippet.first_line, snippet.last_line, snippet.guide_lines,
          generated_hash,      snippet.pytest_file, snippet.claims, snippet.notes};
}

Extraction extract_guide(std::string_view text, const ExtractOptions& options) {
  Extraction extraction;
  ParsedGuide guide = parse_guide(text, options.filename);
  for (const auto& diagnostic : guide.diagnostics)
    extraction.diagnostics.push_back(format_diagnostic(options.filename, diagnostic));

  struct Pending {
    size_t snippet;
    std::vector<IndentationLayout> layouts;  // best first
  };
  std::vector<Pending> to_run;

  for (const auto& run : guide.runs) {
    ExtractedSnippet snippet;
    snippet.id = run.id;
    snippet.item = run.item;
    snippet.first_line = run.first_line;
    snippet.last_line = run.last_line;
    snippet.lines = run.lines;
    snippet.guide_lines = run.guide_lines;
    snippet.claims = find_claims(run);
    IndentationOptions indentation_options;
    indentation_options.filename = options.filename;
    IndentationResult layout = recover_indentation(run.lines, indentation_options);
    snippet.levels = layout.levels;
    if (!layout.ok) {
      int line = layout.error_line >= 0 && layout.error_line < static_cast<int>(run.guide_lines.size())
                     ? run.guide_lines[layout.error_line]
                     : run.first_line;
      snippet.error = fmt::format("{}:{}: {}", options.filename, line, layout.error);
    }
    for (const auto& decision : layout.uncertain) {
      int line = decision.line < static_cast<int>(run.guide_lines.size()) ? run.guide_lines[decision.line] : 0;
      snippet.notes.push_back(fmt::format("{}:{}: unsure of the indentation: {}", options.filename, line,
                                          decision.reason));
    }
    bool has_output_claims = std::any_of(snippet.claims.begin(), snippet.claims.end(),
                                         [](const Claim& c) { return c.kind == ClaimKind::kOutput; });
    if (layout.ok && !layout.alternatives.empty() && !layout.uncertain.empty() && has_output_claims &&
        options.runner) {
      Pending pending{extraction.snippets.size(), {}};
      pending.layouts.push_back({layout.levels, layout.score, -1});
      for (const auto& alternative : layout.alternatives) pending.layouts.push_back(alternative);
      to_run.push_back(std::move(pending));
    }
    snippet.source = render(snippet.lines, snippet.levels);
    snippet.pytest_file = looks_like_pytest_file(snippet.lines, snippet.levels);
    extraction.snippets.push_back(std::move(snippet));
  }
  if (to_run.empty()) return extraction;

  // Let the claimed outputs choose. Run the most plausible layouts first; only
  // where one disagrees with a claim are its alternatives run too (a wrong
  // layout often loops forever, so candidates get a short timeout).
  std::string scratch_err;
  std::optional<ScratchDir> scratch = ScratchDir::create("extract", &scratch_err);
  if (!scratch) {
    extraction.diagnostics.push_back(scratch_err + "; candidate layouts were not run");
    return extraction;
  }
  auto run_layouts = [&](const std::vector<std::pair<size_t, size_t>>& wanted) {
    std::vector<RunSpec> specs;
    std::vector<std::pair<size_t, size_t>> owner;
    for (auto [p, k] : wanted) {
      const ExtractedSnippet& snippet = extraction.snippets[to_run[p].snippet];
      std::string err;
      std::string source = render(snippet.lines, to_run[p].layouts[k].levels);
      std::optional<std::string> path =
          scratch->write_new_file(fmt::format("{}-{}/{}.py", snippet.id, k, snippet.id), source, &err);
      if (!path) continue;
      RunSpec spec;
      spec.id = fmt::format("{} layout {}", snippet.id, k + 1);
      spec.path = *path;
      spec.source = source;
      spec.timeout_s = options.candidate_timeout_s;
      spec.memory_limit = options.candidate_memory_limit;
      specs.push_back(spec);
      owner.emplace_back(p, k);
    }
    std::vector<RunOutcome> outcomes = options.runner->run(specs);
    std::vector<std::pair<std::pair<size_t, size_t>, int>> scores;
    for (size_t i = 0; i < outcomes.size(); ++i) {
      const ExtractedSnippet& snippet = extraction.snippets[to_run[owner[i].first].snippet];
      scores.push_back({owner[i], count_agreeing_claims(snippet.claims, snippet.guide_lines, outcomes[i])});
    }
    return scores;
  };

  std::vector<std::pair<size_t, size_t>> firsts;
  for (size_t p = 0; p < to_run.size(); ++p)
    if (!extraction.snippets[to_run[p].snippet].pytest_file) firsts.emplace_back(p, 0);
  std::map<size_t, std::pair<int, size_t>> best;  // pending -> (agreeing claims, layout)
  std::vector<std::pair<size_t, size_t>> seconds;
  for (const auto& [which, agreeing] : run_layouts(firsts)) {
    size_t p = which.first;
    best[p] = {agreeing, 0};
    const auto& claims = extraction.snippets[to_run[p].snippet].claims;
    int outputs = static_cast<int>(std::count_if(claims.begin(), claims.end(),
                                                 [](const Claim& c) { return c.kind == ClaimKind::kOutput; }));
    if (agreeing < outputs)
      for (size_t k = 1; k < to_run[p].layouts.size(); ++k) seconds.emplace_back(p, k);
  }
  for (const auto& [which, agreeing] : run_layouts(seconds))
    if (agreeing > best[which.first].first) best[which.first] = {agreeing, which.second};  // ties: more plausible
  for (const auto& [p, choice] : best) {
    ExtractedSnippet& snippet = extraction.snippets[to_run[p].snippet];
    if (choice.second == 0) continue;
    snippet.levels = to_run[p].layouts[choice.second].levels;
    snippet.source = render(snippet.lines, snippet.levels);
    snippet.notes.push_back(fmt::format("{}:{}: chose layout {} of {}: its output agrees with {} claim(s)",
                                        options.filename, snippet.first_line, choice.second + 1,
                                        to_run[p].layouts.size(), choice.first));
  }
  return extraction;
}

}  // namespace guidecheck
