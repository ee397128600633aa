#include "syntax_template.h"

#include <algorithm>
#include <fmt/format.h>
#include <re2/re2.h>
#include <map>

#include "claim_text.h"

namespace guidecheck {

namespace {

// The first name the block needs that no sample before binds ("<file:x.csv>"
// is a file, no name).
std::optional<std::string> first_unbound_name(const PythonBlockFacts& facts, const SampleContinuations& before) {
  for (const std::string& name : facts.needs)
    if (!name.starts_with('<') && !before.bound_before(name)) return name;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> syntax_template_name(const PythonBlockFacts& facts, const SampleContinuations& before,
                                                bool star_import_before) {
  if (!facts.compiles || !facts.expressions_only || facts.star_import || star_import_before) return std::nullopt;
  return first_unbound_name(facts, before);
}

bool is_blank_name(std::string_view name) {
  return name.size() >= 2 && name.find_first_not_of('_') == std::string_view::npos;
}

namespace {

// Every line of code in `source` opens a block (ends in ':'): comments and
// blank lines aside, there is nothing else.
bool only_block_headers(std::string_view source) {
  bool any = false;
  for (std::string_view line : split_lines(source)) {
    line = trim_blanks(line);
    if (line.empty() || line.starts_with('#')) continue;
    if (line.back() != ':') return false;
    any = true;
  }
  return any;
}

}  // namespace

std::vector<PythonBlockFacts> drop_syntax_templates(std::string_view filename, Extraction* extraction) {
  std::vector<std::string> sources;
  for (const auto& sample : extraction->samples) sources.push_back(sample.source);
  // Each setup once, in the same batch, after the samples.
  std::map<std::string, std::size_t> setup_facts;
  for (const auto& sample : extraction->samples)
    if (!sample.setup.empty() && setup_facts.emplace(sample.setup, sources.size()).second)
      sources.push_back(sample.setup);
  std::vector<PythonBlockFacts> facts = python_block_facts(sources);
  // What a sample's setup binds, it does not need from an earlier sample.
  for (size_t i = 0; i < extraction->samples.size(); ++i) {
    const std::string& setup = extraction->samples[i].setup;
    if (setup.empty()) continue;
    const PythonBlockFacts& bound = facts[setup_facts.at(setup)];
    std::erase_if(facts[i].needs, [&](const std::string& name) {
      return std::find(bound.binds.begin(), bound.binds.end(), name) != bound.binds.end();
    });
    facts[i].star_import = facts[i].star_import || bound.star_import;
  }
  facts.resize(extraction->samples.size());
  SampleContinuations before;
  bool star_import_before = false;
  std::vector<Sample> kept;
  std::vector<PythonBlockFacts> kept_facts;
  for (size_t i = 0; i < extraction->samples.size(); ++i) {
    Sample& sample = extraction->samples[i];
    bool meant_to_fail = sample.style == SampleStyle::kSession ||
                         std::any_of(sample.claims.begin(), sample.claims.end(),
                                     [](const Claim& claim) { return claim.kind == ClaimKind::kError; });
    std::optional<std::string> name = syntax_template_name(facts[i], before, star_import_before);
    if (name && !meant_to_fail) {
      extraction->diagnostics.push_back(
          fmt::format("{}:{}: not run: '{}' is defined by no sample before it (a syntax template)", filename,
                      sample.first_line, *name));
      continue;
    }
    // A fragment: code left out (`...`) and a name no sample before binds.
    if (facts[i].elides && !meant_to_fail && !facts[i].star_import && !star_import_before) {
      if (const std::optional<std::string> unbound = first_unbound_name(facts[i], before)) {
        extraction->diagnostics.push_back(
            fmt::format("{}:{}: not run: a fragment ('...' stands for code left out, and '{}' is defined by no sample "
                        "before it)",
                        filename, sample.first_line, *unbound));
        continue;
      }
    }
    // An exercise: `colour = ____("Favourite colour? ")`, a blank to fill in;
    // also as a loop's names or an attribute (`for ___, ___ in d.___():`),
    // three underscores at least (`__` is a name code binds).
    std::optional<std::string> blank;
    if (const auto read = std::find_if(facts[i].needs.begin(), facts[i].needs.end(), is_blank_name);
        read != facts[i].needs.end() && !before.bound_before(*read))
      blank = *read;
    for (const std::string& bound : facts[i].binds)
      if (!blank && bound.size() >= 3 && is_blank_name(bound)) blank = bound;
    if (std::string attribute; !blank && RE2::PartialMatch(sample.source, R"(\.(___+)\b)", &attribute)) blank = attribute;
    if (blank && !meant_to_fail) {
      extraction->diagnostics.push_back(fmt::format("{}:{}: not run: '{}' is a blank to fill in (an exercise)", filename,
                                                    sample.first_line, *blank));
      continue;
    }
    // `if <other is not a supported type>:`: parts to fill in, written in
    // angle brackets; the code cannot compile until they are.
    if (std::string placeholder; !facts[i].compiles && !meant_to_fail &&
                                 RE2::PartialMatch(sample.source, R"((<[A-Za-z_][A-Za-z0-9_]*(?:[ -][A-Za-z0-9_]+)*>))",
                                                   &placeholder)) {
      extraction->diagnostics.push_back(fmt::format("{}:{}: not run: '{}' is a part to fill in (a template)", filename,
                                                    sample.first_line, placeholder));
      continue;
    }
    // Documentation's notation, which no Python compiles: optional
    // arguments in brackets (`islice(iterable, start, stop[, step])`) or
    // parameters left out (`def func(...):`).
    if (std::string notation; !facts[i].compiles && !meant_to_fail &&
                              RE2::PartialMatch(sample.source, R"((\[\s*,[^\]\n]*\]|\bdef\s+\w+\(\s*(?:\.\.\.|…)\s*\)))",
                                                &notation)) {
      extraction->diagnostics.push_back(fmt::format("{}:{}: not run: '{}' is documentation's notation (a template)",
                                                    filename, sample.first_line, notation));
      continue;
    }
    // `for val in sequence:` / `# statement(s)`, `def sum_of_evens(n):`: a
    // skeleton whose blocks have no body, only comments: nothing to run.
    if (!facts[i].compiles && !meant_to_fail && facts[i].error.starts_with("expected an indented block") &&
        only_block_headers(sample.source)) {
      extraction->diagnostics.push_back(fmt::format("{}:{}: not run: its blocks have no body (a template)", filename,
                                                    sample.first_line));
      continue;
    }
    // A signature claims no output; one that does is a call after all.
    if (facts[i].signature && !meant_to_fail && sample.claims.empty()) {
      extraction->diagnostics.push_back(fmt::format(
          "{}:{}: not run: every argument is a parameter with its default (a signature)", filename, sample.first_line));
      continue;
    }
    before.add(facts[i].binds, facts[i].needs, facts[i].changes);
    star_import_before = star_import_before || facts[i].star_import;
    kept.push_back(std::move(sample));
    kept_facts.push_back(std::move(facts[i]));
  }
  extraction->samples = std::move(kept);
  return kept_facts;
}

}  // namespace guidecheck
