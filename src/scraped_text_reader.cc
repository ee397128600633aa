#include "scraped_text_reader.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <map>

#include "claim_verdicts.h"
#include "continuation.h"
#include "guide_parser.h"
#include "indentation.h"
#include "pytest_file.h"
#include "repl_session.h"
#include "sample.h"
#include "scratch_dir.h"
#include "shown_output_lines.h"
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
ClaimAgreement count_agreeing_claims(const std::vector<Claim>& claims, const std::vector<int>& guide_lines,
                                     const RunOutcome& outcome) {
  ClaimAgreement agreement;
  for (const auto& claim : claims) {
    if (claim.kind != ClaimKind::kOutput) continue;
    const int snippet_line = snippet_line_of(guide_lines, claim.anchor_line);
    if (snippet_line == 0) continue;
    std::string stdout_text;
    if (claim.form == ClaimForm::kOutputBlock) {
      // What every statement since the block before it printed.
      stdout_text = output_between(outcome, snippet_line_of(guide_lines, claim.since_line), snippet_line).value_or("");
    } else if (const StatementOutput* statement = statement_holding(outcome, snippet_line)) {
      stdout_text = statement->stdout_text;
    }
    if (stdout_text.empty()) continue;
    const std::string printed = collapse_whitespace(stdout_text);
    // The whole claim, else without its tentative lines one by one (the
    // page's next heading, perhaps): the more lines agree, the better.
    std::string_view text = claim.text;
    int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    for (int dropped = 0; dropped <= claim.tentative_lines; ++dropped, --lines) {
      const std::string claimed = collapse_whitespace(std::string(text));
      if (!claimed.empty() &&
          (printed.find(claimed) != std::string::npos || printed.find(strip_quotes(claimed)) != std::string::npos)) {
        ++agreement.claims;
        agreement.lines += lines;
        // `print(n)  # -2` under a loop that prints 7 4 1 -2 agrees only in part.
        if (printed == claimed || printed == strip_quotes(claimed)) ++agreement.whole;
        break;
      }
      if (text.find('\n') == std::string_view::npos) break;
      text = text.substr(0, text.rfind('\n'));
    }
  }
  return agreement;
}

namespace {

int claim_lines(const std::vector<Claim>& claims) {
  int lines = 0;
  for (const Claim& claim : claims)
    if (claim.kind == ClaimKind::kOutput) lines += 1 + static_cast<int>(std::count(claim.text.begin(), claim.text.end(), '\n'));
  return lines;
}

// A commented-out statement of an error claim, laid out as Python needs it
// (a class header and its body), so the judge only has to enable it.
std::string laid_out_statement(const std::string& statement) {
  std::vector<std::string> code = stripped_lines(statement);
  if (code.size() < 2) return statement;
  std::string rendered = render(code, recover_indentation(code).levels);
  if (!rendered.empty() && rendered.back() == '\n') rendered.pop_back();
  return rendered;
}

// The short prose-like lines that end a claim, which may be the page's
// next heading (a scraped page keeps nothing that ends the output). The
// first line of a claim is kept too, unless no label said it is output.
void mark_tentative_tail(Claim* claim, bool labelled = true) {
  std::vector<std::string_view> lines;
  std::string_view rest = claim->text;
  for (std::size_t newline; (newline = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(newline + 1))
    lines.push_back(rest.substr(0, newline));
  lines.push_back(rest);
  int tentative = 0;
  const std::size_t kept = labelled ? 1 : 0;
  for (std::size_t k = lines.size(); k-- > kept && (looks_like_prose(lines[k]) || is_phrase_of_words(lines[k]));)
    ++tentative;
  claim->tentative_lines = tentative;
}

// The claim's last line is short and a paragraph of prose follows it: the
// heading of the page's next section ("fromkeys() and setdefault()" over
// "dict.fromkeys() creates..."), unless it agrees as output. Headings are
// followed by prose; output is seldom followed by a sentence at once.
bool reads_as_heading_of_next_paragraph(const Claim& claim, const std::vector<std::string_view>& lines) {
  constexpr int kMaxHeadingWords = 5;
  const std::size_t newline = claim.text.rfind('\n');
  if (newline == std::string::npos) return false;  // its only line: the claim itself
  const std::string_view last = std::string_view(claim.text).substr(newline + 1);
  if (last.empty() || last.back() == '.' || std::count(last.begin(), last.end(), ' ') >= kMaxHeadingWords) return false;
  // Words, and names of calls ("fromkeys() and setdefault()"): no digits, quotes or other brackets.
  const bool words = std::all_of(last.begin(), last.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == ' ' || c == '(' || c == ')' || c == '_' || c == '-' ||
           c == ',' || c == '?' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
  });
  if (!words || last.find(' ') == std::string_view::npos) return false;
  const int next = claim.last_guide_line + 1;
  if (next > static_cast<int>(lines.size())) return false;
  const std::string_view after = strip_leading(lines[static_cast<std::size_t>(next - 1)]);
  return after.size() > last.size() && looks_like_prose(after) && (after.ends_with('.') || after.ends_with(".\r"));
}

// Up to three prose lines right after a claim that ends its sample's run,
// which may be more output (Claim::may_continue).
constexpr int kMaxContinuationLines = 3;

void add_possible_continuation(Claim* claim, const std::vector<std::string_view>& lines,
                               const std::vector<bool>& in_run) {
  for (int line = claim->last_guide_line + 1; line <= claim->last_guide_line + kMaxContinuationLines; ++line) {
    if (line > static_cast<int>(lines.size()) || in_run[static_cast<std::size_t>(line - 1)]) break;
    std::string_view text = strip_leading(lines[static_cast<std::size_t>(line - 1)]);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) break;
    claim->may_continue.emplace_back(text);
  }
}

}  // namespace

Extraction read_scraped_text(std::string_view text, const ReadOptions& options) {
  Extraction extraction;
  ParsedGuide guide = parse_guide(text, options.filename);
  for (const auto& diagnostic : guide.diagnostics)
    (diagnostic.warning ? extraction.warnings : extraction.diagnostics)
        .push_back(format_diagnostic(options.filename, diagnostic));

  struct Pending {
    size_t sample;
    std::vector<std::string> lines;          // the sample's lines, unindented
    std::vector<IndentationLayout> layouts;  // best first
  };
  std::vector<Pending> to_run;

  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::vector<bool> in_run(lines.size(), false);
  for (const auto& run : guide.runs)
    for (int line = run.first_line; line <= run.last_line && line <= static_cast<int>(lines.size()); ++line)
      in_run[static_cast<std::size_t>(line - 1)] = true;

  for (const auto& run : guide.runs) {
    Sample sample;
    sample.id = run.id;
    sample.item = run.item;
    sample.first_line = run.first_line;
    sample.last_line = run.last_line;
    sample.guide_lines = run.guide_lines;
    sample.fresh_namespace = run.fresh_namespace;
    if (run.session) {
      ReplSession session = read_repl_session(run.lines, run.first_line);
      sample.style = SampleStyle::kSession;
      sample.source = std::move(session.source);
      sample.guide_lines = std::move(session.guide_lines);
      sample.claims = std::move(session.claims);
      for (auto& claim : sample.claims) {
        mark_tentative_tail(&claim);
        add_possible_continuation(&claim, lines, in_run);
      }
      extraction.samples.push_back(std::move(sample));
      continue;
    }
    sample.claims = find_claims(run);
    for (auto& claim : sample.claims) {
      if (claim.form != ClaimForm::kOutputBlock) continue;
      const auto shown = std::find_if(run.outputs.begin(), run.outputs.end(), [&](const ShownOutput& output) {
        return std::count(output.guide_lines.begin(), output.guide_lines.end(), claim.guide_line) > 0;
      });
      mark_tentative_tail(&claim, shown == run.outputs.end() || shown->labelled);
      if (claim.tentative_lines == 0 && reads_as_heading_of_next_paragraph(claim, lines)) claim.tentative_lines = 1;
      add_possible_continuation(&claim, lines, in_run);
    }
    for (auto& claim : sample.claims)
      if (!claim.statement.empty()) claim.statement = laid_out_statement(claim.statement);
    if (!options.lay_out) {
      sample.source = render(run.lines, std::vector<int>(run.lines.size(), 0));
      extraction.samples.push_back(std::move(sample));
      continue;
    }
    IndentationOptions indentation_options;
    indentation_options.filename = options.filename;
    IndentationResult layout = recover_indentation(run.lines, indentation_options);
    if (!layout.ok) {
      int line = layout.error_line >= 0 && layout.error_line < static_cast<int>(run.guide_lines.size())
                     ? run.guide_lines[layout.error_line]
                     : run.first_line;
      sample.error = fmt::format("{}:{}: {}", options.filename, line, layout.error);
    }
    for (const auto& decision : layout.uncertain) {
      int line = decision.line < static_cast<int>(run.guide_lines.size()) ? run.guide_lines[decision.line] : 0;
      sample.notes.push_back(fmt::format("{}:{}: unsure of the indentation: {}", options.filename, line,
                                         decision.reason));
    }
    sample.source = render(run.lines, layout.levels);
    sample.pytest_file = looks_like_pytest_file(sample.source);
    bool has_output_claims = std::any_of(sample.claims.begin(), sample.claims.end(),
                                         [](const Claim& c) { return c.kind == ClaimKind::kOutput; });
    if (layout.ok && !layout.alternatives.empty() && !layout.uncertain.empty() && has_output_claims &&
        options.runner && !sample.pytest_file) {
      Pending pending{extraction.samples.size(), run.lines, {}};
      pending.layouts.push_back({layout.levels, layout.score, -1});
      for (const auto& alternative : layout.alternatives) pending.layouts.push_back(alternative);
      to_run.push_back(std::move(pending));
    }
    extraction.samples.push_back(std::move(sample));
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
  // Candidates run as check runs the sample: after the samples it continues
  // (a later block that uses names an earlier one imported would otherwise
  // fail in every layout, and its claims could not choose).
  link_continuations(&extraction.samples);
  std::map<std::string, const Sample*> by_id;
  for (const Sample& sample : extraction.samples) by_id[sample.id] = &sample;
  auto prelude_of = [&](const Sample& sample) {
    std::vector<const Sample*> earlier;
    for (const std::string& id : sample.continues)
      if (auto it = by_id.find(id); it != by_id.end()) earlier.push_back(it->second);
    return earlier.empty() ? std::string() : continuation_prelude(earlier);
  };
  // The most plausible layout of a sample gets the whole candidate timeout;
  // its alternatives at most 20 times what it took (and a quarter second): a
  // wrong layout that loops would otherwise hold extraction for seconds.
  std::vector<double> first_duration(to_run.size(), -1);
  auto timeout_of = [&](size_t p, size_t k) {
    if (k == 0 || first_duration[p] < 0) return options.candidate_timeout_s;
    return std::min(options.candidate_timeout_s, std::max(0.25, 20 * first_duration[p]));
  };
  auto run_layouts = [&](const std::vector<std::pair<size_t, size_t>>& wanted) {
    std::vector<RunSpec> specs;
    std::vector<std::pair<size_t, size_t>> owner;
    for (auto [p, k] : wanted) {
      const Sample& sample = extraction.samples[to_run[p].sample];
      std::string err;
      std::string source = render(to_run[p].lines, to_run[p].layouts[k].levels);
      std::optional<std::string> path =
          scratch->write_new_file(fmt::format("{}-{}/{}.py", sample.id, k, sample.id), source, &err);
      if (!path) continue;
      RunSpec spec;
      spec.id = fmt::format("{} layout {}", sample.id, k + 1);
      spec.path = *path;
      spec.source = source;
      spec.timeout_s = timeout_of(p, k);
      spec.memory_limit = options.candidate_memory_limit;
      spec.prelude = prelude_of(sample);
      // A layout that asks for input reads what the guide shows typed (typed_input.h).
      if (std::vector<TypedAnswer> typed = typed_answers(sample); !typed.empty()) {
        std::optional<std::string> stdin_path =
            scratch->write_new_file(fmt::format("{}-{}/stdin", sample.id, k), typed_stdin(typed), &err);
        if (stdin_path) {
          spec.stdin_path = *stdin_path;
          spec.typed_input = std::move(typed);
        }
      }
      specs.push_back(spec);
      owner.emplace_back(p, k);
    }
    std::vector<RunOutcome> outcomes = options.runner->run(specs);
    std::vector<std::pair<std::pair<size_t, size_t>, ClaimAgreement>> scores;
    for (size_t i = 0; i < outcomes.size(); ++i) {
      const Sample& sample = extraction.samples[to_run[owner[i].first].sample];
      if (owner[i].second == 0) first_duration[owner[i].first] = outcomes[i].duration_s;
      scores.push_back({owner[i], count_agreeing_claims(sample.claims, sample.guide_lines, outcomes[i])});
      spdlog::debug("{}: {:.2f}s{}, {} claim(s) agree", specs[i].id, outcomes[i].duration_s,
                    outcomes[i].cached ? " (cached)" : "", scores.back().second.claims);
    }
    return scores;
  };

  std::vector<std::pair<size_t, size_t>> firsts;
  for (size_t p = 0; p < to_run.size(); ++p) firsts.emplace_back(p, 0);
  std::map<size_t, std::pair<ClaimAgreement, size_t>> best;  // pending -> (agreement, layout)
  std::vector<std::pair<size_t, size_t>> seconds;
  for (const auto& [which, agreeing] : run_layouts(firsts)) {
    size_t p = which.first;
    best[p] = {agreeing, 0};
    const auto& claims = extraction.samples[to_run[p].sample].claims;
    int outputs = static_cast<int>(std::count_if(claims.begin(), claims.end(),
                                                 [](const Claim& c) { return c.kind == ClaimKind::kOutput; }));
    if (agreeing.claims < outputs || agreeing.lines < claim_lines(claims) || agreeing.whole < outputs)
      for (size_t k = 1; k < to_run[p].layouts.size(); ++k) seconds.emplace_back(p, k);
  }
  for (const auto& [which, agreeing] : run_layouts(seconds))
    if (agreeing > best[which.first].first) best[which.first] = {agreeing, which.second};  // ties: more plausible
  for (const auto& [p, choice] : best) {
    Sample& sample = extraction.samples[to_run[p].sample];
    if (choice.second == 0) continue;
    sample.source = render(to_run[p].lines, to_run[p].layouts[choice.second].levels);
    sample.notes.push_back(fmt::format("{}:{}: chose layout {} of {}: its output agrees with {} claim(s)",
                                       options.filename, sample.first_line, choice.second + 1,
                                       to_run[p].layouts.size(), choice.first.claims));
  }
  return extraction;
}

}  // namespace guidecheck
