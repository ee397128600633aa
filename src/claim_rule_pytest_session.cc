#include "claim_rule_pytest_session.h"

#include <re2/re2.h>

#include <map>
#include <string>

#include "claim_text.h"

namespace guidecheck {
namespace {

struct PytestSession {
  std::map<std::string, int> outcomes;  ///< "passed" -> 6; "errors", "warnings" in the plural
  std::string progress;                 ///< the progress characters of every file, in order: "..F.s"
};

// "6 passed, 1 warning in 0.01s", "no tests ran in 0.00s", with pytest's
// `=` rules around it in the default verbosity and an optional (h:mm:ss).
const RE2& summary_line() {
  static const RE2 re(R"(^=*\s*((?:\d+ [a-z]+(?:, )?)+|no tests ran) in \d+(?:\.\d+)?s(?: \([0-9:.]+\))?\s*=*$)");
  return re;
}

// "test_queue.py ..F.s   [ 83%]" or, under -q, "..F.s   [100%]".
const RE2& progress_line() {
  static const RE2 re(R"(^(?:\S+\.py\s+)?([.FEsxX]+)\s*(?:\[\s*\d+%\])?$)");
  return re;
}

std::string plural(std::string word) {
  if (word == "error" || word == "warning") word += 's';
  return word;
}

std::optional<PytestSession> read_session(std::string_view text) {
  PytestSession session;
  bool summarised = false;
  for (std::string_view line : split_lines(text)) {
    line = trim_blanks(line);
    std::string counts, progress;
    if (RE2::FullMatch(line, summary_line(), &counts)) {
      summarised = true;
      session.outcomes.clear();
      re2::StringPiece rest(counts);
      int count = 0;
      std::string word;
      while (RE2::FindAndConsume(&rest, R"((\d+) ([a-z]+))", &count, &word)) session.outcomes[plural(word)] += count;
    } else if (RE2::FullMatch(line, progress_line(), &progress)) {
      session.progress += progress;
    }
  }
  if (!summarised) return std::nullopt;
  return session;
}

}  // namespace

std::optional<ClaimComparison> compare_pytest_sessions(std::string_view claimed, std::string_view actual) {
  const std::optional<PytestSession> claim = read_session(claimed), run = read_session(actual);
  if (!claim || !run) return std::nullopt;
  // Warnings come and go with library versions; the tests' outcomes do not.
  auto outcomes = [](std::map<std::string, int> counts) {
    counts.erase("warnings");
    return counts;
  };
  if (outcomes(claim->outcomes) != outcomes(run->outcomes)) return ClaimComparison{ClaimVerdict::kMismatch, ""};
  if (!claim->progress.empty() && !run->progress.empty() && claim->progress != run->progress)
    return ClaimComparison{ClaimVerdict::kMismatch, ""};
  return ClaimComparison{ClaimVerdict::kEquivalent, "pytest-session"};
}

bool shows_failing_tests(std::string_view claimed) {
  const std::optional<PytestSession> session = read_session(claimed);
  if (!session) return false;
  const auto count = [&](const char* outcome) {
    const auto it = session->outcomes.find(outcome);
    return it == session->outcomes.end() ? 0 : it->second;
  };
  return count("failed") + count("errors") > 0;
}

}  // namespace guidecheck
