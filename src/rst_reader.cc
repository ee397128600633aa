#include "rst_reader.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "output_block_claim.h"
#include "claim_text.h"
#include "claims.h"
#include "continuation.h"
#include "doctool_markers.h"
#include "embedded_python.h"
#include "guide_parser.h"
#include "output_label.h"
#include "pytest_file.h"
#include "python_lexer.h"
#include "repl_session.h"
#include "rst_blocks.h"
#include "shell_transcript.h"
#include "table_session.h"

namespace guidecheck {
namespace {

// What a block's language says it holds.
enum class Language {
  kAuto,     // no language: Python when the content is code
  kPython,
  kSession,  // pycon
  kText,     // shown output
  kShell,    // commands to type: never output, never run
  kOther,    // json, yaml, c...: output only when a label says so
};

Language language_named(std::string_view name) {
  static const std::set<std::string_view> python = {"python", "py", "python3", "py3", "ipython", "ipython3"};
  static const std::set<std::string_view> session = {"pycon", "pycon3", "python-console"};
  static const std::set<std::string_view> text = {"text", "none", "console", "output", "txt", "plain", "plaintext"};
  static const std::set<std::string_view> shell = {"bash", "sh", "shell", "zsh", "powershell", "ps1", "bat", "cmd"};
  if (name.empty() || name == "default") return Language::kAuto;
  if (python.count(name)) return Language::kPython;
  if (session.count(name)) return Language::kSession;
  if (text.count(name)) return Language::kText;
  if (shell.count(name)) return Language::kShell;
  return Language::kOther;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\f\v\r") == std::string_view::npos; }

// `$ python demo.py`, `% python3 demo.py`: a shell prompt and its command.
bool is_prompt_line(const std::string& text) {
  const std::string_view line = strip_leading(text);
  return line == "$" || line.substr(0, 2) == "$ " || line.substr(0, 2) == "% ";
}

// A block's content as a sample or a claim shows it: blank lines around it
// dropped, the indentation every line shares removed (a tab reaches the
// next multiple of 8 columns, as in docutils and Python).
struct BlockText {
  std::vector<std::string> lines;
  std::vector<int> guide_lines;  // consecutive
};

BlockText block_text(const RstBlock& block, const std::vector<std::string_view>& guide) {
  BlockText text;
  int first = std::max(block.first_line, 1);
  int last = std::min(block.first_line + block.line_count - 1, static_cast<int>(guide.size()));
  while (first <= last && is_blank(guide[first - 1])) ++first;
  while (last >= first && is_blank(guide[last - 1])) --last;
  struct Indented {
    std::size_t width = 0;  // columns of leading blanks
    std::size_t bytes = 0;  // bytes of leading blanks
  };
  std::vector<Indented> indents;
  std::size_t common = std::string_view::npos;
  for (int line = first; line <= last; ++line) {
    std::string_view content = guide[line - 1];
    Indented indent;
    for (; indent.bytes < content.size(); ++indent.bytes) {
      if (content[indent.bytes] == ' ') ++indent.width;
      else if (content[indent.bytes] == '\t') indent.width = (indent.width / 8 + 1) * 8;
      else break;
    }
    indents.push_back(indent);
    if (!is_blank(content)) common = std::min(common, indent.width);
  }
  for (int line = first; line <= last; ++line) {
    std::string_view content = guide[line - 1];
    const Indented& indent = indents[static_cast<std::size_t>(line - first)];
    if (is_blank(content))
      text.lines.emplace_back();
    else
      text.lines.push_back(std::string(indent.width - common, ' ') + std::string(content.substr(indent.bytes)));
    text.guide_lines.push_back(line);
  }
  return text;
}

std::string joined(const std::vector<std::string>& lines, bool final_newline) {
  std::string text;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (k > 0) text += '\n';
    text += lines[k];
  }
  if (final_newline && !lines.empty()) text += '\n';
  return text;
}

class RstReader {
 public:
  RstReader(std::string_view text, const ReadOptions& options) : options_(options) {
    for (std::size_t start = 0;;) {
      const std::size_t end = text.find('\n', start);
      std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      guide_.push_back(line);
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    blocks_ = read_rst_blocks(text);
    if (!blocks_.error.empty()) diagnose(0, "cannot read as reStructuredText: " + blocks_.error);
    sample_of_.assign(blocks_.blocks.size(), -1);
  }

  Extraction read() {
    std::size_t table = 0;
    for (std::size_t k = 0; k <= blocks_.blocks.size(); ++k) {
      for (; table < blocks_.tables.size() && blocks_.tables[table].before_block <= k; ++table)
        add_table_session(blocks_.tables[table].table);
      if (k < blocks_.blocks.size()) on_block(k);
    }
    mark_namespace_starts(markers_.namespace_starts(), &extraction_.samples);
    number_samples(&extraction_.samples);
    return std::move(extraction_);
  }

 private:
  void on_block(std::size_t k) {
    const RstBlock& block = blocks_.blocks[k];
    if (block.kind == RstBlockKind::kHighlight) {
      highlight_ = language_named(block.language);
      return;
    }
    if (block.kind == RstBlockKind::kUnplaced) {
      diagnose(block.first_line, "a code block that shares its lines with other text (a table cell?) is not read");
      return;
    }
    if (block.kind == RstBlockKind::kComment) {
      on_comment(k);
      return;
    }
    if (block.kind == RstBlockKind::kNewNamespace) {
      markers_.start_namespace(extraction_.samples.size());
      return;
    }
    BlockText text = block_text(block, guide_);
    if (text.lines.empty()) return;
    if (block.kind != RstBlockKind::kTestSetup && block.kind != RstBlockKind::kTestOutput) {
      if (const std::optional<std::string> reason = markers_.skip_reason()) {
        diagnose(text.guide_lines.front(), *reason);
        return;
      }
    }
    switch (block.kind) {
      case RstBlockKind::kDoctest:
      case RstBlockKind::kDoctestDirective:
        add_session(block, text, block.kind == RstBlockKind::kDoctestDirective);
        return;
      case RstBlockKind::kTestSetup:
        add_setup(block, text);
        return;
      case RstBlockKind::kTestCode:
        if (add_script(k, text, /*tagged=*/true, compile_check(joined(text.lines, true), options_.filename)))
          last_testcode_[group_of(block)] = sample_of_[k];
        return;
      case RstBlockKind::kTestOutput:
        on_testoutput(block, text);
        return;
      case RstBlockKind::kExecutedCell:
        add_cell(k, text);
        return;
      default:
        break;
    }
    if (block.language == "ipython" && !without_ipython_decorators(&text)) {
      diagnose(text.guide_lines.front(), "not run: shown as typed (@verbatim)");
      return;
    }
    // A code block without a language, and a literal block, are in the
    // language `highlight` gave (Sphinx's rule).
    const Language language =
        block.kind == RstBlockKind::kCode && !block.language.empty() ? language_named(block.language) : highlight_;
    const bool may_be_python = language == Language::kPython || language == Language::kAuto;
    const bool session = language == Language::kSession || (may_be_python && looks_like_repl_session(text.lines));
    if (session) {
      add_session(block, text, language == Language::kSession);
      return;
    }
    std::optional<CompileError> error;
    if (language == Language::kPython || language == Language::kAuto)
      error = compile_check(joined(text.lines, true), options_.filename);
    const bool code = language == Language::kAuto && !block.values_only && !error;
    if (!code && language != Language::kPython && attach_transcript(block, text)) return;
    if (take_as_output(k, &text, language, code)) return;
    if (language == Language::kPython || code) add_script(k, text, language == Language::kPython, error);
  }

  // A cell the page's build runs: a sample, never output. One that raises
  // by design (`:raises: ValueError`) claims that error; one that may raise
  // anything (`:raises:` alone) claims nothing we could judge: not run.
  void add_cell(std::size_t k, const BlockText& text) {
    const RstBlock& cell = blocks_.blocks[k];
    // The first exception it names (`:raises: ValueError, KeyError`).
    const std::string raises =
        cell.raises ? std::string(trim_blanks(std::string_view(*cell.raises).substr(0, cell.raises->find(',')))) : "";
    if (cell.raises && raises.empty()) {
      diagnose(text.guide_lines.front(), "not run: the cell raises by design (:raises:), whatever the error");
      return;
    }
    if (!add_script(k, text, /*tagged=*/true, compile_check(joined(text.lines, true), options_.filename)) || !cell.raises)
      return;
    Sample& sample = extraction_.samples[static_cast<std::size_t>(sample_of_[k])];
    Claim claim;
    claim.kind = ClaimKind::kError;
    claim.form = ClaimForm::kOutputBlock;
    claim.guide_line = claim.last_guide_line = option_line(text.guide_lines.front(), ":raises:");
    claim.anchor_line = text.guide_lines.back();
    claim.text = raises;
    add_claim(sample, std::move(claim));
  }

  // The line of a directive's option, searched upwards from its content
  // (the content's first line when it is not found).
  int option_line(int content_line, std::string_view option) const {
    for (int line = content_line - 1; line >= 1 && line >= content_line - 20; --line) {
      if (guide_[static_cast<std::size_t>(line - 1)].find(option) != std::string_view::npos) return line;
      if (trim_blanks(guide_[static_cast<std::size_t>(line - 1)]).starts_with("..")) break;
    }
    return content_line;
  }

  // A comment holds Sybil's invisible code (a sample the page does not
  // show) or a doc-testing tool's marker, or nothing of ours.
  void on_comment(std::size_t k) {
    const RstBlock& comment = blocks_.blocks[k];
    if (invisible_code_lines(comment.comment) && comment.first_line > 0) {
      RstBlock body = comment;
      body.first_line = comment.first_line + 1;
      body.line_count = comment.line_count - 1;
      const BlockText text = block_text(body, guide_);
      if (!text.lines.empty()) add_script(k, text, /*tagged=*/true, compile_check(joined(text.lines, true), options_.filename));
      return;
    }
    markers_.read_comment(comment.comment, extraction_.samples.size());
  }

  // The IPython directive's pseudo-decorators (`@doctest`, `@suppress`,
  // `@savefig plot.png`, `@okexcept`) tell it how to treat the prompt below:
  // no code, so blanked. False when one is `@verbatim`: that prompt is
  // never run, and its block is not either.
  static bool without_ipython_decorators(BlockText* text) {
    static constexpr std::array<std::string_view, 6> kDecorators = {"@doctest", "@suppress", "@savefig",
                                                                    "@okexcept", "@okwarning", "@verbatim"};
    for (std::string& line : text->lines) {
      const std::string_view content = trim_blanks(line);
      const std::string_view word = content.substr(0, content.find(' '));
      if (std::find(kDecorators.begin(), kDecorators.end(), word) == kDecorators.end()) continue;
      if (word == "@verbatim") return false;
      line.clear();
    }
    return true;
  }

  // "Élodie : 15.5/20", "total: 3": every line a name, a colon and a value,
  // no assignment. Python reads them as bare annotations, which no sample
  // after an output label is: printed key-value lines.
  static bool reads_as_key_value_lines(const std::vector<std::string>& lines) {
    bool any = false;
    for (const std::string& line : lines) {
      const std::size_t start = line.find_first_not_of(" \t");
      if (start == std::string::npos) continue;
      const std::size_t colon = line.find(':', start);
      const std::size_t end = line.find_last_not_of(" \t\r");
      if (colon == std::string::npos || colon == start || colon >= end || line.find('=') != std::string::npos)
        return false;
      any = true;
    }
    return any;
  }

  // The block right after a script sample, or after one label paragraph:
  // its output? Code is output only when it looks like printed values, and
  // calls (`Point(1, 2)`) only after a label: unlabelled, `main()` is code.
  bool take_as_output(std::size_t k, BlockText* text, Language language, bool code) {
    const RstBlock& block = blocks_.blocks[k];
    if (block.previous < 0 || sample_of_[static_cast<std::size_t>(block.previous)] < 0) return false;
    bool output = false;
    if (block.introduced) {
      if (!is_output_label(block.intro)) return false;
      if (language == Language::kPython) output = block.reprs_only;
      else if (language == Language::kAuto) output = !code || block.reprs_only || reads_as_key_value_lines(text->lines);
      else output = language != Language::kShell;
    } else {
      output = language == Language::kText || (language == Language::kAuto && !code);
    }
    if (!output) return false;
    // A console block starts with the command that ran the code.
    if (block.kind == RstBlockKind::kCode && block.language == "console") {
      const auto commands = std::find_if_not(text->lines.begin(), text->lines.end(), is_prompt_line) - text->lines.begin();
      if (commands == static_cast<std::ptrdiff_t>(text->lines.size())) return false;
      text->lines.erase(text->lines.begin(), text->lines.begin() + commands);
      text->guide_lines.erase(text->guide_lines.begin(), text->guide_lines.begin() + commands);
    }
    Sample& sample = extraction_.samples[static_cast<std::size_t>(sample_of_[static_cast<std::size_t>(block.previous)])];
    if (language == Language::kPython)
      sample.notes.push_back(format_diagnostic(
          options_.filename, {text->guide_lines.front(), "python block read as the output of the code above: a label introduces it"}));
    add_output_claim(&sample, *text);
    return true;
  }

  // A terminal transcript running a script (shell_transcript.h): what it
  // printed is a claim on the sample saved under that name, or on the
  // sample right before the transcript.
  bool attach_transcript(const RstBlock& block, const BlockText& text) {
    const std::vector<ScriptRunShown> runs = script_runs_shown(text.lines, text.guide_lines.front());
    if (runs.empty()) return false;
    for (const ScriptRunShown& run : runs) {
      if (std::optional<Sample> one_liner = one_liner_sample(run, options_.filename)) {
        extraction_.samples.push_back(std::move(*one_liner));  // a sample of its own
        continue;
      }
      if (run.one_liner) continue;
      int owner = -1;
      if (auto named = script_samples_.find(run.script); named != script_samples_.end())
        owner = named->second;
      else if (block.previous >= 0)
        owner = sample_of_[static_cast<std::size_t>(block.previous)];
      if (run.output.empty() || owner < 0) continue;
      Sample& sample = extraction_.samples[static_cast<std::size_t>(owner)];
      // Other arguments or stdin make another run of the script.
      if (std::optional<Sample> other = claim_script_run(
              sample, output_block_claim(sample, run.output, run.first_output_line), run, options_.filename))
        extraction_.samples.push_back(std::move(*other));
    }
    return true;
  }

  void on_testoutput(const RstBlock& block, const BlockText& text) {
    auto testcode = last_testcode_.find(group_of(block));
    if (testcode == last_testcode_.end()) {
      diagnose(text.guide_lines.front(), "testoutput without a testcode before it: not a claim");
      return;
    }
    Sample* sample = &extraction_.samples[static_cast<std::size_t>(testcode->second)];
    add_output_claim(sample, text);
    sample->claims.back().normalize_whitespace = has_doctest_option(block.doctest_options, "+NORMALIZE_WHITESPACE");
    sample->claims.back().ignore_exception_detail = has_doctest_option(block.doctest_options, "+IGNORE_EXCEPTION_DETAIL");
    last_testcode_.erase(testcode);  // Sphinx compares one testoutput per testcode
  }

  static std::string group_of(const RstBlock& block) { return block.group.empty() ? "default" : block.group; }

  // Sphinx runs a group's `testsetup` code before the group's tests, and
  // shows it nowhere: no sample of its own, but the setup of the samples
  // after it. The default group's (and group `*`'s) is the whole page's:
  // its plain doctest blocks and code blocks too.
  void add_setup(const RstBlock& block, const BlockText& text) {
    const std::string code = joined(text.lines, true);
    if (const std::optional<CompileError> error = compile_check(code, options_.filename)) {
      const bool mapped = error->line >= 1 && error->line <= static_cast<int>(text.guide_lines.size());
      diagnose(mapped ? text.guide_lines[static_cast<std::size_t>(error->line - 1)] : text.guide_lines.front(),
               "testsetup not run: does not compile: " + error->message);
      return;
    }
    setups_.push_back({block.group.empty() ? "default" : block.group, code});
  }

  // The setup code that runs before the sample of `block`: that of the
  // block's group and of group `*`, in page order.
  std::string setup_of(const RstBlock& block) const {
    const std::string group = group_of(block);
    std::string code;
    for (const auto& [setup_group, setup_code] : setups_)
      if (setup_group == group || setup_group == "*") code += setup_code;
    return code;
  }

  static void add_output_claim(Sample* sample, const BlockText& text) {
    add_claim(*sample, output_block_claim(*sample, text.lines, text.guide_lines.front()));
  }

  // A script sample from block k, whose compile error is `error`; false
  // when it is not one. `tagged`: the guide says it is Python, so not
  // compiling deserves a word.
  bool add_script(std::size_t k, const BlockText& text, bool tagged, const std::optional<CompileError>& error) {
    Sample sample;
    sample.source = joined(text.lines, true);
    if (error) {
      if (tagged) {
        const bool mapped = error->line >= 1 && error->line <= static_cast<int>(text.guide_lines.size());
        diagnose(mapped ? text.guide_lines[static_cast<std::size_t>(error->line - 1)] : text.guide_lines.front(),
                 "not run: does not compile: " + error->message);
      }
      return false;
    }
    sample.guide_lines = text.guide_lines;
    sample.first_line = text.guide_lines.front();
    sample.last_line = text.guide_lines.back();
    CodeRun run;
    run.first_line = sample.first_line;
    run.last_line = sample.last_line;
    run.guide_lines = text.guide_lines;
    for (const std::string& line : text.lines) run.lines.emplace_back(strip_leading(line));
    sample.claims = find_claims(run);
    for (const Claim& claim : sample.claims) sample.last_line = std::max(sample.last_line, claim.last_guide_line);
    sample.pytest_file = looks_like_pytest_file(sample.source);
    sample.setup = setup_of(blocks_.blocks[k]);
    // The file the page saves it as: its caption, its first comment line,
    // or the paragraph leading into it ("Save this as ``app.py``::").
    std::optional<std::string> script = script_name_in(blocks_.blocks[k].caption);
    if (!script && !run.lines.empty() && run.lines.front().starts_with("#")) script = script_name_in(run.lines.front());
    if (!script && blocks_.blocks[k].introduced) script = script_name_in(blocks_.blocks[k].intro);
    if (script) {
      script_samples_[*script] = static_cast<int>(extraction_.samples.size());
      sample.saved_as = *script;  // a later `import durspan` imports it
    }
    sample_of_[k] = static_cast<int>(extraction_.samples.size());
    extraction_.samples.push_back(std::move(sample));
    return true;
  }

  void add_session(const RstBlock& block, const BlockText& text, bool tagged) {
    ReplSession session = read_repl_session(text.lines, text.guide_lines.front());
    if (session.source.empty() || session.guide_lines.empty()) {
      if (tagged) diagnose(text.guide_lines.front(), "not run: the session has no `>>>` statement");
      return;
    }
    Sample sample;
    sample.style = SampleStyle::kSession;
    sample.source = std::move(session.source);
    sample.guide_lines = std::move(session.guide_lines);
    sample.claims = std::move(session.claims);
    // A `.. doctest::` directive's `:options:` hold for each of its examples.
    for (Claim& claim : sample.claims) {
      claim.normalize_whitespace = claim.normalize_whitespace || has_doctest_option(block.doctest_options, "+NORMALIZE_WHITESPACE");
      claim.ignore_exception_detail =
          claim.ignore_exception_detail || has_doctest_option(block.doctest_options, "+IGNORE_EXCEPTION_DETAIL");
    }
    sample.first_line = text.guide_lines.front();
    sample.last_line = text.guide_lines.back();
    for (const Claim& claim : sample.claims) sample.last_line = std::max(sample.last_line, claim.last_guide_line);
    sample.setup = setup_of(block);
    extraction_.samples.push_back(std::move(sample));
  }

  // A table that is its own code (table_session.h), "Expression | Result"
  // with inline literals: a session sample of its rows, when they compile.
  void add_table_session(const MarkdownTable& table) {
    std::optional<TableSession> session = table_session(table, /*literal_results=*/true);
    if (!session || compile_check(session->source, options_.filename)) return;
    Sample sample;
    sample.style = SampleStyle::kSession;
    sample.source = std::move(session->source);
    sample.guide_lines = std::move(session->guide_lines);
    sample.claims = std::move(session->claims);
    sample.first_line = sample.guide_lines.front();
    sample.last_line = sample.guide_lines.back();
    for (const Claim& claim : sample.claims) sample.last_line = std::max(sample.last_line, claim.last_guide_line);
    for (const auto& [group, code] : setups_)
      if (group == "default" || group == "*") sample.setup += code;
    extraction_.samples.push_back(std::move(sample));
  }

  void diagnose(int line, const std::string& message) {
    extraction_.diagnostics.push_back(format_diagnostic(options_.filename, {line, message}));
  }

  const ReadOptions& options_;
  std::vector<std::string_view> guide_;  // the guide's lines, without '\n' or a final '\r'
  RstBlocks blocks_;
  std::vector<int> sample_of_;  // per block: the script sample it is, or -1
  Language highlight_ = Language::kAuto;
  std::map<std::string, int> last_testcode_;  // per group: its last testcode sample without a testoutput
  std::map<std::string, int> script_samples_;  // the sample saved as each file the page names
  std::vector<std::pair<std::string, std::string>> setups_;  // each testsetup so far: its group and its code
  DoctoolMarkers markers_;  // what other doc-testing tools' markers say about the blocks ahead
  Extraction extraction_;
};

}  // namespace

Extraction read_rst_guide(std::string_view text, const ReadOptions& options) {
  return RstReader(text, options).read();
}

}  // namespace guidecheck
