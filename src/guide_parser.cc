#include "guide_parser.h"

#include <string>
#include <utility>

#include "diagnostic_sink.h"
#include "item_numbering.h"
#include "line_classifier.h"
#include "python_lexer.h"
#include "unit_compiler.h"

// The steps: split the text into lines; classify each line (line_classifier:
// lexing, features of prose, compile checks in unit_compiler); gather
// consecutive Python lines into runs (here); number the items and name the
// runs after them (item_numbering).

namespace guidecheck {

std::string format_diagnostic(std::string_view filename, const Diagnostic& diagnostic) {
  std::string out(filename);
  if (diagnostic.line > 0) out += ":" + std::to_string(diagnostic.line);
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
    build_runs();
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
    for (std::string_view line : lines_) stripped_.push_back(strip_leading(line));
  }

  // Hashtags ("#python #interview") and Markdown headings ("## Setup") alone
  // are page furniture, not a sample.
  static bool is_furniture_comment(std::string_view s) {
    if (s.size() < 2 || s[1] == '#') return true;
    return s.size() >= 2 && s[1] != ' ' && s[1] != '\t' && s[1] != '!';
  }

  void build_runs() {
    const int n = static_cast<int>(lines_.size());
    for (int i = 0; i < n;) {
      if (classes_[i] == LineClass::kProse) {
        ++i;
        continue;
      }
      int j = i;
      while (j + 1 < n && classes_[j + 1] != LineClass::kProse) ++j;
      int first = i;
      int last = j;
      i = j + 1;
      // Blank lines and prose-like code at the edges belong to the prose around.
      auto trimmable = [&](int k) { return classes_[k] == LineClass::kBlank || classes_[k] == LineClass::kWeak; };
      while (last >= first && (trimmable(last) || classes_[last] == LineClass::kOpener)) --last;
      while (first <= last && trimmable(first)) ++first;
      if (first > last) continue;
      bool has_code = false;
      bool all_furniture = true;
      for (int k = first; k <= last; ++k) {
        if (classes_[k] != LineClass::kComment && classes_[k] != LineClass::kBlank) has_code = true;
        if (classes_[k] == LineClass::kComment && !is_furniture_comment(stripped_[k])) all_furniture = false;
      }
      if (!has_code && all_furniture) continue;
      CodeRun run;
      run.first_line = first + 1;
      run.last_line = last + 1;
      for (int k = first; k <= last; ++k) {
        run.lines.emplace_back(stripped_[k]);
        run.guide_lines.push_back(k + 1);
        if (classes_[k] == LineClass::kWeak || classes_[k] == LineClass::kOpener)
          doubtful_lines_.emplace_back(k, result_.runs.size());
      }
      if (!has_code) comment_only_.push_back(result_.runs.size());
      result_.runs.push_back(std::move(run));
    }
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
  std::vector<std::pair<int, std::size_t>> doubtful_lines_;  // weak or opener lines in runs: line, run index
  std::vector<std::size_t> comment_only_;
};

}  // namespace

ParsedGuide parse_guide(std::string_view text, std::string_view filename) {
  return GuideParser(text, filename).run();
}

}  // namespace guidecheck
