#include "guide_parser.h"

#include <fmt/format.h>
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>

#include "guide_parser_sessions.h"
#include "claim_markers.h"
#include "code_line_numbers.h"
#include "diagnostic_sink.h"
#include "item_numbering.h"
#include "line_classifier.h"
#include "page_widgets.h"
#include "repl_session.h"
#include "shown_output_lines.h"
#include "python_lexer.h"
#include "unit_compiler.h"

// The steps: split the text into lines; classify each line (line_classifier:
// lexing, features of prose, compile checks in unit_compiler); mark output
// shown after the code (guide_parser_shown_output.cc); gather consecutive
// Python lines into runs (here), leaving out lone lines that are headings or
// signatures (guide_parser_lone_lines.cc); number the items and name the
// runs after them (item_numbering).

namespace guidecheck {

// Steps in files of their own.
void mark_shown_output(const std::vector<std::string_view>& lines, std::vector<LineClass>* classes);
void mark_unlabelled_output(const std::vector<std::string_view>& lines, std::vector<LineClass>* classes);
std::optional<std::string> lone_line_reason(std::string_view line, const std::unordered_set<std::string>& seen);
bool is_signature(std::string_view line, const std::unordered_set<std::string>& seen);
bool is_leading_keyword_heading(std::string_view line);
bool is_stray_keyword_heading(const std::vector<std::string_view>& lines, int first, int last);
bool is_box_caption(std::string_view line);
void add_names(std::string_view line, PythonLexer* lexer, std::unordered_set<std::string>* seen);

std::string format_diagnostic(std::string_view filename, const Diagnostic& diagnostic) {
  std::string out(filename);
  if (diagnostic.line > 0) {
    out += ':';
    out += std::to_string(diagnostic.line);
  }
  out += ": ";
  out += diagnostic.message;
  return out;
}

namespace {

class GuideParser {
 public:
  GuideParser(std::string_view text, std::string_view filename) : text_(text) {
    result_.filename = std::string(filename);
  }

  ParsedGuide run() {
    split_lines();
    classes_ = classify_lines(stripped_, text_.size(), &compiler_, &diagnostics_);
    mark_repl_sessions(lines_, stripped_, &classes_, &session_marks_);
    mark_shown_output(stripped_, &classes_);
    mark_unlabelled_output(stripped_, &classes_);
    mark_keyword_headings_after_output();
    build_runs();
    for (int at : session_marks_.fresh_namespace_at) {
      auto after = std::find_if(result_.runs.begin(), result_.runs.end(),
                                [&](const CodeRun& run) { return run.first_line > at; });
      if (after != result_.runs.end()) after->fresh_namespace = true;
    }
    result_.items = find_items(stripped_, classes_, &diagnostics_);
    assign_run_ids(result_.items, &result_.runs, &diagnostics_);
    report_doubtful_lines();
    if (compiler_.exhausted())
      diagnostics_.add(0, "exhausted", "more than " + std::to_string(kMaxFailedCompiles) +
                                           " lines look like Python but do not compile; later ones were not compiled");
    if (result_.runs.empty() && !lines_.empty()) diagnostics_.add(0, "no-code", "no code samples found");
    result_.diagnostics = diagnostics_.finish();
    return std::move(result_);
  }

 private:
  void split_lines() {
    std::string_view rest = text_;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
    while (!rest.empty()) {
      const std::size_t newline = rest.find('\n');
      std::string_view line = rest.substr(0, newline);
      if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
        ++result_.crlf_lines;
      }
      lines_.push_back(line);
      if (newline == std::string_view::npos) break;
      rest.remove_prefix(newline + 1);
    }
    result_.line_count = static_cast<int>(lines_.size());
    stripped_.reserve(lines_.size());
    // A page's buttons ("Run Code") stand between code and its output as a blank line would.
    for (std::string_view line : lines_) stripped_.push_back(is_page_widget(line) ? std::string_view() : strip_leading(line));
    // A notebook page copied as text: `In [3]:` before a cell's code, on its
    // first line or alone, and no `...:` continuations (an IPython session
    // has them). Its cells are code like any other on the page.
    if (is_notebook_page(lines_, stripped_))
      for (std::string_view& line : stripped_)
        if (const std::size_t prompt = notebook_input_prompt(line)) line = strip_leading(line.substr(prompt));
    // A code box's line numbers are no code.
    const std::vector<std::size_t> numbers = code_line_number_widths(stripped_);
    for (std::size_t k = 0; k < stripped_.size(); ++k)
      if (numbers[k] > 0) stripped_[k] = strip_leading(stripped_[k].substr(numbers[k]));
  }

  // The length of a notebook cell's input prompt at the start of `line`
  // (`In [3]:`, `In [ ]:`), 0 when it has none.
  static std::size_t notebook_input_prompt(std::string_view line) {
    if (line.substr(0, 4) != "In [") return 0;
    const std::size_t close = line.find("]:", 4);
    if (close == std::string_view::npos || line.substr(4, close - 4).find_first_not_of("0123456789 ") != std::string_view::npos)
      return 0;
    return close + 2;
  }

  // Prompts, no `...:`, and a cell whose code goes on past its prompt's
  // line: a prompt alone, or one whose line opens a block or is followed by
  // an indented line or another statement (`import`, `def`...). In an
  // IPython session the line after a prompt is output.
  // `raw` as the page has them (indentation kept), `lines` without it.
  static bool is_notebook_page(const std::vector<std::string_view>& raw, const std::vector<std::string_view>& lines) {
    int prompts = 0;
    bool cell_goes_on = false;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (lines[k].substr(0, 4) == "...:") return false;
      const std::size_t prompt = notebook_input_prompt(lines[k]);
      if (!prompt) continue;
      ++prompts;
      const std::string_view code = strip_trailing(strip_leading(lines[k].substr(prompt)));
      const std::string_view next = k + 1 < raw.size() ? raw[k + 1] : std::string_view();
      cell_goes_on = cell_goes_on || code.empty() || code.ends_with(':') ||
                     (!next.empty() && (next.front() == ' ' || next.front() == '\t')) || starts_statement(next);
    }
    return prompts >= 2 && cell_goes_on;
  }

  static bool starts_statement(std::string_view line) {
    for (std::string_view keyword : {"import ", "from ", "def ", "class ", "for ", "while ", "if ", "with ", "try:",
                                     "return ", "async ", "@"})
      if (line.starts_with(keyword)) return true;
    return false;
  }

  // Hashtags ("#python #interview") and Markdown headings ("## Setup") alone
  // are page furniture, not a sample.
  static bool is_furniture_comment(std::string_view s) {
    if (s.size() < 2 || s[1] == '#') return true;
    return s.size() >= 2 && s[1] != ' ' && s[1] != '\t' && s[1] != '!';
  }

  // Shown output ends a block of code: a lone `return` or `pass` right
  // after it heads the next section ("## return" on the page).
  void mark_keyword_headings_after_output() {
    for (std::size_t k = 1; k < classes_.size(); ++k) {
      std::size_t before = k - 1;
      while (before > 0 && classes_[before] == LineClass::kBlank) --before;
      if (classes_[before] == LineClass::kOutput && is_leading_keyword_heading(stripped_[k]))
        classes_[k] = LineClass::kProse;
      // "Example" right over the next code box.
      std::size_t next = k + 1;
      while (next < classes_.size() && classes_[next] == LineClass::kBlank) ++next;
      if (classes_[k] != LineClass::kProse && next < classes_.size() && is_code_class(classes_[next]) &&
          is_box_caption(stripped_[k]))
        classes_[k] = LineClass::kProse;
    }
  }

  static bool is_shown_output(LineClass c) { return c == LineClass::kOutputLabel || c == LineClass::kOutput; }

  void build_runs() {
    const int n = static_cast<int>(lines_.size());
    std::unordered_set<std::string> seen;  // names used by the code of earlier runs
    for (int i = 0; i < n;) {
      if (classes_[i] == LineClass::kProse) {
        ++i;
        continue;
      }
      if (classes_[i] == LineClass::kSession) {
        int j = i;
        while (j + 1 < n && classes_[j + 1] == LineClass::kSession) ++j;
        result_.runs.push_back(make_session_run(i, j));
        i = j + 1;
        continue;
      }
      int j = i;
      while (j + 1 < n && classes_[j + 1] != LineClass::kProse && classes_[j + 1] != LineClass::kSession) ++j;
      int first = i;
      int last = j;
      i = j + 1;
      // Blank lines and prose-like code at the edges belong to the prose around.
      auto trimmable = [&](int k) { return classes_[k] == LineClass::kBlank || classes_[k] == LineClass::kWeak; };
      while (last >= first && (trimmable(last) || classes_[last] == LineClass::kOpener)) --last;
      while (first <= last && trimmable(first)) ++first;
      if (first > last) continue;
      // A line before the code that the page showed apart from it: said
      // once, made prose, and the run starts after it.
      auto drop_first = [&](const char* why) {
        diagnostics_.add(first + 1, "not-code",
                         fmt::format("'{}' before the code {}; not part of the sample", strip_trailing(stripped_[first]), why));
        classes_[first] = LineClass::kProse;
        ++first;
        while (first <= last && classes_[first] == LineClass::kBlank) ++first;
      };
      if (first < last && is_leading_keyword_heading(stripped_[first])) drop_first("reads as a heading");
      // The next section's heading right after the code (`yield`, `break`)
      // where nothing in the run could hold it.
      if (first < last && is_stray_keyword_heading(stripped_, first, last)) {
        diagnostics_.add(last + 1, "not-code",
                         fmt::format("'{}' after the code reads as a heading; not part of the sample", strip_trailing(stripped_[last])));
        classes_[last] = LineClass::kProse;
        --last;
        while (last > first && classes_[last] == LineClass::kBlank) --last;
      }
      // A signature in a box of its own: `numpy.linspace(start, stop, num=50)` could only fail.
      if (first < last && classes_[first] != LineClass::kComment && is_signature(stripped_[first], seen))
        drop_first("is a signature (its arguments are placeholders no code defines)");
      bool has_code = false;
      bool all_furniture = true;
      for (int k = first; k <= last; ++k) {
        if (classes_[k] != LineClass::kComment && classes_[k] != LineClass::kBlank && classes_[k] != LineClass::kAside &&
            !is_shown_output(classes_[k]))
          has_code = true;
        if (classes_[k] == LineClass::kComment && !is_furniture_comment(stripped_[k])) all_furniture = false;
      }
      if (!has_code && all_furniture) continue;
      if (first == last && classes_[first] != LineClass::kComment) {
        if (std::optional<std::string> reason = lone_line_reason(stripped_[first], seen)) {
          diagnostics_.add(first + 1, "not-code", *reason);
          classes_[first] = LineClass::kProse;
          continue;
        }
      }
      result_.runs.push_back(make_run(first, last, has_code));
      PythonLexer lexer;
      for (const std::string& line : result_.runs.back().lines) add_names(line, &lexer, &seen);
    }
  }

  CodeRun make_session_run(int first, int last) {
    CodeRun run;
    run.session = true;
    run.first_line = first + 1;
    run.last_line = last + 1;
    for (int k = first; k <= last; ++k) {
      run.lines.emplace_back(session_marks_.idle_body[static_cast<size_t>(k)] ? lines_[k] : stripped_[k]);
      run.guide_lines.push_back(k + 1);
    }
    return run;
  }

  // The run of lines [first, last]; shown output goes to its outputs.
  CodeRun make_run(int first, int last, bool has_code) {
    CodeRun run;
    run.first_line = first + 1;
    run.last_line = last + 1;
    bool in_output = false;
    for (int k = first; k <= last; ++k) {
      const LineClass c = classes_[k];
      if (c == LineClass::kAside) continue;
      if (is_shown_output(c) || (in_output && c == LineClass::kBlank)) {
        if (!in_output)
          run.outputs.push_back({k + 1, {}, {}, c == LineClass::kOutputLabel || output_label_value(stripped_[k])});
        in_output = true;
        if (c != LineClass::kOutput) continue;
        std::string_view text = stripped_[k];
        if (run.outputs.back().label_line == k + 1) text = output_label_value(text).value_or(text);
        // Output shown behind a prompt (guide_parser_sessions): the prompt is no output.
        if (std::string_view shown; repl_prompt(text, &shown) == ReplPrompt::kFirst) text = shown;
        run.outputs.back().lines.emplace_back(text);
        run.outputs.back().guide_lines.push_back(k + 1);
        continue;
      }
      in_output = false;
      run.lines.emplace_back(stripped_[k]);
      run.guide_lines.push_back(k + 1);
      if (c == LineClass::kWeak || c == LineClass::kOpener) doubtful_lines_.emplace_back(k, result_.runs.size());
    }
    // Blank lines before shown output are not part of the code.
    while (!run.lines.empty() && run.lines.back().empty()) {
      run.lines.pop_back();
      run.guide_lines.pop_back();
    }
    if (!has_code) comment_only_.push_back(result_.runs.size());
    return run;
  }

  // Runs keep lines that read like prose or never close their bracket; say so
  // once the runs have ids.
  void report_doubtful_lines() {
    for (const auto& [line, index] : doubtful_lines_) {
      if (classes_[line] == LineClass::kOpener)
        diagnostics_.add(line + 1, "opener",
                         "bracket never closed; kept in sample " + result_.runs[index].id + " as if closed");
      else
        diagnostics_.add(line + 1, "weak", "kept in sample " + result_.runs[index].id + " although it reads like prose");
    }
    for (std::size_t index : comment_only_) {
      const CodeRun& run = result_.runs[index];
      diagnostics_.add(run.first_line, "comment-only", "sample " + run.id + " holds only comments");
    }
  }

  std::string_view text_;
  UnitCompiler compiler_;
  ParsedGuide result_;
  DiagnosticSink diagnostics_;
  std::vector<std::string_view> lines_;
  std::vector<std::string_view> stripped_;
  std::vector<LineClass> classes_;
  SessionMarks session_marks_;
  std::vector<std::pair<int, std::size_t>> doubtful_lines_;  // weak or opener lines in runs: line, run index
  std::vector<std::size_t> comment_only_;
};

}  // namespace

ParsedGuide parse_guide(std::string_view text, std::string_view filename) {
  return GuideParser(text, filename).run();
}

}  // namespace guidecheck
