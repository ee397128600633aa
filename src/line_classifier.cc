#include "line_classifier.h"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <utility>

#include "candidate_unit.h"
#include "python_lexer.h"
#include "utf8.h"

namespace guidecheck {
namespace {

using Token = PythonLexer::Token;

constexpr std::size_t kMaxCodeLineBytes = 10000;  // longer lines are data or prose, never compiled
constexpr int kMaxStatementLines = 200;           // a bracket left open longer than this is not followed
constexpr std::size_t kMaxStatementBytes = 100000;
constexpr std::size_t kMaxReopenDepth = 8;        // brackets reopened to judge a continuation line alone
constexpr std::size_t kUnitsPerWindow = 4096;     // units judged together; bounds memory on huge guides

// Control characters other than tab and form feed; CR inside a line would
// be a line break to CPython and shift every line number after it.
bool has_control_characters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\f') || c == 0x7F;
  });
}

bool has_comment_text(std::string_view line, std::size_t comment) {
  return comment != std::string_view::npos && !strip_leading(strip_trailing(line.substr(comment + 1))).empty();
}

// Text that reopens what `closers` would close, so a continuation line can
// be judged on its own: "_(" for a parenthesis (calls take keywords), "[",
// "{", and the quotes of a string.
std::string reopeners(std::string_view closers) {
  std::string out;
  for (auto it = closers.rbegin(); it != closers.rend(); ++it) {
    if (*it == ')') out += "_(";
    if (*it == ']') out += '[';
    if (*it == '}') out += '{';
    if (*it == '"' || *it == '\'') out += *it;
  }
  return out;
}

class LineClassifier {
 public:
  LineClassifier(const std::vector<std::string_view>& lines, std::size_t text_size, UnitCompiler* compiler,
                 DiagnosticSink* diagnostics)
      : lines_(lines), text_size_(text_size), compiler_(compiler), diagnostics_(diagnostics) {
    classes_.assign(lines_.size(), LineClass::kProse);
  }

  std::vector<LineClass> run() {
    classify();
    return std::move(classes_);
  }

 private:
  // A unit for lines [first, last]: `parts` are their code without comments,
  // `tokens` what the lexer saw in them.
  Unit make_unit(int first, int last, std::string_view first_text, const std::vector<std::string_view>& parts,
                 const std::vector<Token>& tokens, bool single_line, bool commented, bool* strong_prose) {
    Unit unit;
    unit.first = first;
    unit.last = last;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (k > 0) unit.source += '\n';
      unit.source += parts[k];
    }
    const UnitFeatures f = features_of(first_text, tokens, single_line, commented);
    unit.shape = f.shape;
    unit.context = f.context;
    unit.needs_body = f.needs_body;
    unit.weak = f.weak;
    unit.decorator = f.decorator;
    *strong_prose = f.strong_prose;
    return unit;
  }

  // Lexes `text` as one statement from a clean state: the unit, or nothing
  // when Python could never accept it. Appends closers when it stays open.
  std::optional<Unit> single_line_unit(int index, std::string_view text) {
    PythonLexer lexer;
    std::vector<Token> tokens;
    const PythonLexer::Line lexed = lexer.next(text, &tokens);
    if (!lexed.plausible || !lexed.has_code) return std::nullopt;
    std::string_view code = strip_trailing(text.substr(0, lexed.comment));
    std::string closed;
    bool dangling = false;
    if (lexer.open()) {
      const std::string closers = lexer.closers();
      closed = std::string(code) + closers;
      // Re-lex so that the shape and the body rule see the closed statement.
      PythonLexer again;
      tokens.clear();
      const PythonLexer::Line relexed = again.next(closed, &tokens);
      if (!relexed.plausible || again.open()) return std::nullopt;
      code = closed;
      dangling = true;
    }
    bool strong_prose = false;
    Unit unit = make_unit(index, index, text, {code}, tokens, true, has_comment_text(text, lexed.comment),
                          &strong_prose);
    if (strong_prose) return std::nullopt;
    unit.dangling = dangling;
    return unit;
  }

  void classify() {
    std::vector<Unit> units;
    std::vector<Token> tokens;
    std::vector<std::string_view> parts;
    // Following open brackets costs at most a few passes over the guide.
    std::size_t budget = 4 * text_size_ + (1u << 20);
    const int n = static_cast<int>(lines_.size());
    for (int i = 0; i < n;) {
      if (units.size() + unclosed_.size() >= kUnitsPerWindow) {
        judge_window(units);
        units.clear();
      }
      const std::string_view s = lines_[i];
      if (s.empty()) {
        classes_[i++] = LineClass::kBlank;
        continue;
      }
      if (s.size() > kMaxCodeLineBytes) {
        diagnostics_->add(i + 1, "long",
                          fmt::format("a line of {} bytes, over {}: read as data, never as code", s.size(),
                                      kMaxCodeLineBytes),
                          /*warning=*/true);
        ++i;
        continue;
      }
      if (has_control_characters(s) || !is_valid_utf8(s)) {
        diagnostics_->add(i + 1, "binary", "line holds control characters or invalid UTF-8; not treated as code");
        ++i;
        continue;
      }
      if (s[0] == '#') {
        classes_[i++] = LineClass::kComment;
        continue;
      }
      PythonLexer lexer;
      tokens.clear();
      parts.clear();
      PythonLexer::Line lexed = lexer.next(s, &tokens);
      if (!lexed.plausible) {
        ++i;
        continue;
      }
      parts.push_back(strip_trailing(s.substr(0, lexed.comment)));
      const bool first_comment = has_comment_text(s, lexed.comment);
      int last = i;
      bool closed = !lexer.open();
      bool plausible = true;
      std::size_t bytes = s.size();
      while (!closed && last + 1 < n && last + 1 - i < kMaxStatementLines && bytes < kMaxStatementBytes &&
             budget > 0) {
        const std::string_view t = lines_[last + 1];
        if (t.size() > kMaxCodeLineBytes || has_control_characters(t) || !is_valid_utf8(t)) break;
        ++last;
        bytes += t.size() + 1;
        budget = budget > t.size() ? budget - t.size() - 1 : 0;
        lexed = lexer.next(t, &tokens);
        parts.push_back(lexed.comment == std::string_view::npos ? t : strip_trailing(t.substr(0, lexed.comment)));
        if (!lexed.plausible) {
          plausible = false;
          break;
        }
        closed = !lexer.open();
      }
      if (closed && plausible) {
        bool strong_prose = false;
        Unit unit = make_unit(i, last, s, parts, tokens, last == i, first_comment, &strong_prose);
        if (!strong_prose) units.push_back(std::move(unit));
        i = last + 1;
        continue;
      }
      // The bracket never closes in a way Python accepts: the lines it
      // swallowed are judged one by one (the line that broke it is not one).
      const int end = plausible ? last : last - 1;
      if (end > i) {
        diagnostics_->add(i + 1, "unclosed", "bracket or string opened here is still open at line " +
                                                 std::to_string(end + 1) + "; lines judged one by one");
        unclosed_.emplace_back(i, end);
        i = end + 1;
        continue;
      }
      if (std::optional<Unit> unit = single_line_unit(i, s)) units.push_back(std::move(*unit));
      ++i;
    }
    judge_window(units);
    check_decorators();
  }

  // Compiles a window of units and marks the lines of those that are code.
  void judge_window(std::vector<Unit>& units) {
    std::vector<std::size_t> all(units.size());
    for (std::size_t k = 0; k < units.size(); ++k) all[k] = k;
    compiler_->judge(units, all);

    // Groups that do not compile as a whole: judge their lines one by one,
    // each from a clean state and, for continuation lines, with its brackets reopened.
    std::vector<std::pair<int, int>> ranges;
    ranges.swap(unclosed_);
    for (const Unit& unit : units) {
      if (unit.verdict == Verdict::kCode || unit.first == unit.last) continue;
      diagnostics_->add(unit.first + 1, "group",
                        "statement over lines " + std::to_string(unit.first + 1) + "-" + std::to_string(unit.last + 1) +
                            " does not compile as a whole; its lines are judged one by one");
      ranges.emplace_back(unit.first, unit.last);
    }
    std::vector<Unit> retry;
    for (const auto& [first, last] : ranges) {
      PythonLexer lexer;
      for (int k = first; k <= last; ++k) {
        const std::string_view t = lines_[k];
        // Deeper nesting than this is a run of unclosed openers, not a literal.
        const std::string closers = lexer.closers();
        const std::string reopen = closers.size() <= kMaxReopenDepth ? reopeners(closers) : std::string();
        lexer.next(t);
        if (t.empty()) {
          classes_[k] = LineClass::kBlank;
          continue;
        }
        if (t[0] == '#') {
          classes_[k] = LineClass::kComment;
          continue;
        }
        if (std::optional<Unit> alone = single_line_unit(k, t)) retry.push_back(std::move(*alone));
        if (!reopen.empty()) {
          if (std::optional<Unit> inside = single_line_unit(k, reopen + std::string(t))) {
            inside->weak = false;
            inside->dangling = false;
            inside->decorator = false;
            retry.push_back(std::move(*inside));
          }
        }
      }
    }
    std::vector<std::size_t> retry_all(retry.size());
    for (std::size_t k = 0; k < retry.size(); ++k) retry_all[k] = k;
    compiler_->judge(retry, retry_all);

    // A line accepted by either fallback variant takes the stronger class.
    auto rank = [](LineClass c) {
      return c == LineClass::kCode ? 3 : c == LineClass::kOpener ? 2 : c == LineClass::kWeak ? 1 : 0;
    };
    auto apply = [&](const Unit& unit) {
      if (unit.verdict != Verdict::kCode) return;
      const LineClass c = unit.weak ? LineClass::kWeak : unit.dangling ? LineClass::kOpener : LineClass::kCode;
      for (int k = unit.first; k <= unit.last; ++k)
        if (rank(c) > rank(classes_[k])) classes_[k] = c;
    };
    for (const Unit& unit : units) apply(unit);
    for (const Unit& unit : retry) apply(unit);

    for (const Unit& unit : units)
      if (unit.decorator && unit.verdict == Verdict::kCode) decorators_.emplace_back(unit.first, unit.last);
  }

  // A decorator must be followed by a definition or another decorator.
  void check_decorators() {
    const int n = static_cast<int>(lines_.size());
    for (const auto& [first, last] : decorators_) {
      int k = last + 1;
      while (k < n && (classes_[k] == LineClass::kBlank || classes_[k] == LineClass::kComment)) ++k;
      bool followed = false;
      if (k < n && classes_[k] == LineClass::kCode) {
        const std::string_view t = lines_[k];
        followed = t.substr(0, 4) == "def " || t.substr(0, 6) == "class " || t.substr(0, 10) == "async def " ||
                   t.substr(0, 1) == "@";
      }
      if (!followed) {
        for (int j = first; j <= last; ++j) classes_[j] = LineClass::kWeak;
        diagnostics_->add(first + 1, "decorator", "decorator line not followed by a definition");
      }
    }
  }

  const std::vector<std::string_view>& lines_;  // without leading whitespace
  std::size_t text_size_;
  UnitCompiler* compiler_;
  DiagnosticSink* diagnostics_;
  std::vector<LineClass> classes_;
  std::vector<std::pair<int, int>> decorators_;  // lines of decorator units that compiled
  std::vector<std::pair<int, int>> unclosed_;    // line ranges of statements that never closed
};

}  // namespace

std::vector<LineClass> classify_lines(const std::vector<std::string_view>& lines, std::size_t text_size,
                                      UnitCompiler* compiler, DiagnosticSink* diagnostics) {
  return LineClassifier(lines, text_size, compiler, diagnostics).run();
}

}  // namespace guidecheck
