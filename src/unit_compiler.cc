#include "unit_compiler.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "embedded_python.h"
#include "utf8.h"

namespace guidecheck {
namespace {

constexpr std::size_t kMaxBatchUnits = 64;
// Compiled sources are synthetic (wrapped, batched): a warning CPython prints
// while compiling must not name a guide line it is not about.
constexpr std::string_view kCompileFilename = "<guidecheck line check>";

std::string indent(int n) { return std::string(static_cast<std::size_t>(n), ' '); }

// The unit as it would compile at indentation `base`, inside a function and a loop.
std::string wrap(const Unit& unit, int base) {
  const std::string in = indent(base);
  const std::string body = unit.needs_body ? "\n" + indent(base + 1) + "pass" : "";
  switch (unit.shape) {
    case Shape::kAfterIf:
      return in + "if 1:\n" + in + " pass\n" + in + unit.source + body;
    case Shape::kAfterTry:
      return in + "try:\n" + in + " pass\n" + in + unit.source + body;
    case Shape::kTry:
      return in + unit.source + body + "\n" + in + "finally:\n" + in + " pass";
    case Shape::kCase:
      return in + "match 1:\n" + in + " " + unit.source + (unit.needs_body ? "\n" + indent(base + 2) + "pass" : "");
    case Shape::kMatch:
      return in + unit.source + "\n" + in + " case _:\n" + in + "  pass";
    case Shape::kDecorator:
      return in + unit.source + "\n" + in + "def _():\n" + in + " pass";
    case Shape::kPlain:
      break;
  }
  return in + unit.source + body;
}

int count_lines(std::string_view s) { return 1 + static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

void UnitCompiler::judge(std::vector<Unit>& units, const std::vector<std::size_t>& which) {
  // Units are grouped by wrapped text, so each distinct text compiles once.
  std::vector<Pending> pending;
  std::unordered_map<std::string, std::size_t> pending_index;
  for (std::size_t index : which) {
    Unit& unit = units[index];
    if (unit.verdict != Verdict::kUnknown) continue;
    if (unit.context == Context::kNonlocal) {
      unit.verdict = Verdict::kCode;
      continue;
    }
    if (!is_valid_utf8(unit.source)) {
      unit.verdict = Verdict::kNotCode;
      continue;
    }
    if (unit.context != Context::kBatch) {
      std::string source = unit.context == Context::kModule  ? wrap(unit, 0)
                           : unit.context == Context::kAsync ? "async def _gc():\n while 1:\n" + wrap(unit, 2)
                                                             : "def _gc():\n while 1:\n" + wrap(unit, 2);
      if (exhausted() && !cache_.count(source)) {
        unit.verdict = Verdict::kNotCode;
        continue;
      }
      unit.verdict = compile_cached(std::move(source)) ? Verdict::kCode : Verdict::kNotCode;
      if (unit.verdict == Verdict::kNotCode) ++failures_;
      continue;
    }
    std::string text = wrap(unit, 2);
    if (auto hit = cache_.find(text); hit != cache_.end()) {
      unit.verdict = hit->second ? Verdict::kCode : Verdict::kNotCode;
      continue;
    }
    auto [it, inserted] = pending_index.try_emplace(text, pending.size());
    if (inserted) pending.push_back({std::move(text), {}, Verdict::kUnknown});
    pending[it->second].units.push_back(index);
  }
  // Batches grow while they compile and shrink after a failure, so a guide
  // full of near-code costs about one compile per line, not one per batch.
  std::size_t size = kMaxBatchUnits / 2;
  std::size_t next = 0;
  while (next < pending.size()) {
    if (exhausted()) {
      for (; next < pending.size(); ++next) pending[next].verdict = Verdict::kNotCode;
      break;
    }
    const std::size_t count = std::min(size, pending.size() - next);
    const std::size_t consumed = compile_batch(pending, next, count);
    size = consumed == count ? std::min(kMaxBatchUnits, size * 2) : std::max<std::size_t>(1, size / 2);
    next += consumed;
  }
  for (Pending& p : pending) {
    cache_[p.text] = p.verdict == Verdict::kCode;
    for (std::size_t index : p.units) units[index].verdict = p.verdict;
  }
}

bool UnitCompiler::compile_cached(std::string source) {
  auto hit = cache_.find(source);
  if (hit != cache_.end()) return hit->second;
  const bool ok = !compile_check(source + "\n", kCompileFilename).has_value();
  cache_.emplace(std::move(source), ok);
  return ok;
}

// Compiles pending texts [from, from + count) together; returns how many
// were decided (all of them, or up to and including the first that failed).
std::size_t UnitCompiler::compile_batch(std::vector<Pending>& pending, std::size_t from, std::size_t count) {
  std::string source = "def _gc():\n while 1:\n";
  int line = 3;
  std::vector<std::pair<int, int>> spans;
  for (std::size_t k = 0; k < count; ++k) {
    const std::string& text = pending[from + k].text;
    const int lines = count_lines(text);
    spans.emplace_back(line, line + lines - 1);
    line += lines;
    source += text;
    source += '\n';
  }
  auto decide = [&](std::size_t k, bool ok) {
    pending[from + k].verdict = ok ? Verdict::kCode : Verdict::kNotCode;
    if (!ok) ++failures_;
  };
  const std::optional<CompileError> error = compile_check(source, kCompileFilename);
  if (!error) {
    for (std::size_t k = 0; k < count; ++k) decide(k, true);
    return count;
  }
  std::size_t culprit = count;
  for (std::size_t k = 0; k < count; ++k)
    if (error->line >= spans[k].first && error->line <= spans[k].second) culprit = k;
  if (culprit == count) {
    // No line to blame: judge the first text alone and go on.
    decide(0, count == 1 ? false : compile_alone(pending[from].text));
    return 1;
  }
  for (std::size_t k = 0; k < culprit; ++k) decide(k, true);
  if (count == 1 || culprit == 0) {
    decide(culprit, false);
    return culprit + 1;
  }
  // Confirm alone: an error can surface one line late ("expected an
  // indented block" is reported on the line after the header).
  const bool alone = compile_alone(pending[from + culprit].text);
  decide(culprit, alone);
  if (alone) decide(culprit - 1, compile_alone(pending[from + culprit - 1].text));
  return culprit + 1;
}

bool UnitCompiler::compile_alone(const std::string& wrapped) {
  return !compile_check("def _gc():\n while 1:\n" + wrapped + "\n", kCompileFilename).has_value();
}

}  // namespace guidecheck
