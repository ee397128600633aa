#include "markdown_reader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "claim_text.h"
#include "output_block_claim.h"
#include "call_output_table.h"
#include "chunk_options.h"
#include "doctool_markers.h"
#include "claims.h"
#include "continuation.h"
#include "fence_info.h"
#include "guide_parser.h"
#include "markdown_blocks.h"
#include "markdown_include.h"
#include "output_blocks.h"
#include "output_label.h"
#include "python_block_facts.h"
#include "python_lexer.h"
#include "repl_session.h"
#include "shell_transcript.h"
#include "table_session.h"
#include "syntax_template.h"
#include "sample_continuations.h"

namespace guidecheck {
namespace {

bool is_blank_line(std::string_view line) { return strip_leading(line).empty(); }

std::size_t leading_blanks(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

// Indentation every non-blank line starts with: a block indented as a whole
// inside its fence keeps only its own relative indentation.
std::size_t common_indent(const std::vector<std::string>& lines) {
  std::optional<std::string_view> common;
  for (const std::string& line : lines) {
    if (is_blank_line(line)) continue;
    const std::string_view indent = std::string_view(line).substr(0, leading_blanks(line));
    if (!common) {
      common = indent;
      continue;
    }
    std::size_t n = 0;
    while (n < common->size() && n < indent.size() && (*common)[n] == indent[n]) ++n;
    common = common->substr(0, n);
  }
  return common ? common->size() : 0;
}

// A code block as a sample would show it.
struct BlockCode {
  bool session = false;
  std::string info;  // the fence's info string
  std::string source;
  std::vector<std::string> lines;  // scripts: the lines of `source`
  std::vector<int> guide_lines;
  std::vector<Claim> session_claims;
  std::size_t facts = 0;  // index in the analysed batch
};

// Blank lines around the code dropped, common indentation removed.
BlockCode script_code(const MarkdownBlock& block) {
  BlockCode code;
  std::size_t first = 0;
  std::size_t last = block.lines.size();
  while (first < last && is_blank_line(block.lines[first])) ++first;
  while (last > first && is_blank_line(block.lines[last - 1])) --last;
  code.lines.assign(block.lines.begin() + static_cast<std::ptrdiff_t>(first),
                    block.lines.begin() + static_cast<std::ptrdiff_t>(last));
  const std::size_t indent = common_indent(code.lines);
  for (std::size_t k = 0; k < code.lines.size(); ++k) {
    std::string& line = code.lines[k];
    line = line.size() >= indent ? line.substr(indent) : std::string();
    code.source += line;
    code.source += '\n';
    code.guide_lines.push_back(block.line + static_cast<int>(first + k));
  }
  return code;
}

BlockCode session_code(const MarkdownBlock& block) {
  ReplSession session = read_repl_session(block.lines, block.line);
  BlockCode code;
  code.session = true;
  code.source = std::move(session.source);
  code.guide_lines = std::move(session.guide_lines);
  code.session_claims = std::move(session.claims);
  return code;
}

std::vector<Claim> comment_claims(const BlockCode& code) {
  CodeRun run;
  run.first_line = code.guide_lines.front();
  run.last_line = code.guide_lines.back();
  run.guide_lines = code.guide_lines;
  for (const std::string& line : code.lines) run.lines.emplace_back(strip_leading(line));
  return find_claims(run);
}

// The first `count` of `lines` (guide lines from `first_line` on) as an
// output block on `sample`, IPython's `Out[4]: (9, 3)` prompt taken off.
Claim output_block_claim(const std::vector<std::string>& lines, std::size_t count, int first_line,
                         const Sample& sample) {
  Claim claim = output_block_claim(sample, {lines.data(), count}, first_line);
  if (const std::size_t value = ipython_output_prompt(claim.text); value > 0) {
    claim.text.erase(0, value);
    if (claim.text.starts_with('\n')) {  // a long value starts on the next line
      claim.text.erase(0, 1);
      ++claim.guide_line;
    }
  }
  return claim;
}

int first_content_line(const MarkdownBlock& block) {
  const auto first = std::find_if(block.lines.begin(), block.lines.end(),
                                  [](const std::string& line) { return !is_blank_line(line); });
  return block.line + static_cast<int>(first == block.lines.end() ? 0 : first - block.lines.begin());
}

class MarkdownReader {
 public:
  MarkdownReader(std::string_view text, const ReadOptions& options)
      : options_(options), blocks_(read_markdown_blocks(text)) {
    // Sybil's invisible code runs like any code block; the page only hides it.
    for (MarkdownBlock& block : blocks_) {
      if (!block.comment) continue;
      if (std::optional<std::vector<std::string>> code = invisible_code_lines(*block.comment)) {
        block.kind = MarkdownBlockKind::kCode;
        block.info = "python";
        block.lines = std::move(*code);
        block.line += 1;
        block.comment.reset();
      }
    }
  }

  Extraction read() {
    prepare();
    for (std::size_t k = 0; k < blocks_.size(); ++k) {
      const MarkdownBlock& block = blocks_[k];
      if (block.comment) {  // unseen: it ends nothing, but may hold a doc-testing tool's marker
        markers_.read_comment(*block.comment, extraction_.samples.size());
        if (markers_.take_expected_output() && open_) labelled_ = true;
        continue;
      }
      if (block.kind == MarkdownBlockKind::kCode) {
        on_code(k);
        lead_in_.clear();
        continue;
      }
      // MkDocs Material's code annotations: the numbered list after code
      // that marks lines `# (1)!` explains them; the output may follow it.
      if (block.ordered_item && open_ && has_annotation_markers(extraction_.samples[*open_].source)) continue;
      ++blocks_since_sample_;
      if (block.kind == MarkdownBlockKind::kParagraph || block.kind == MarkdownBlockKind::kHeading) lead_in_ = block.text;
      if (block.table && open_ && take_table_claims(*block.table)) {
        close();
        continue;
      }
      // "Output:" and then a pipe table: a DataFrame the page drew as one.
      if (block.table && open_ && labelled_) {
        take_table_output(*block.table);
        close();
        continue;
      }
      if (block.table && add_table_session(*block.table)) {
        close();
        continue;
      }
      const bool words = block.kind == MarkdownBlockKind::kParagraph || block.kind == MarkdownBlockKind::kHeading;
      if (block.kind == MarkdownBlockKind::kParagraph && open_ && !labelled_ && !introduced_ && take_inline_output(block)) {
        close();
      } else if (words && open_ && !labelled_ && !introduced_ && is_output_label(block.text)) {
        labelled_ = true;
      } else if (block.kind == MarkdownBlockKind::kParagraph && open_ && !labelled_ && !introduced_ &&
                 ends_with_colon(block.text)) {
        introduced_ = true;  // "Two lines come out of that one call:"
      } else {
        close();
      }
    }
    mark_namespace_starts(markers_.namespace_starts(), &extraction_.samples);
    number_samples(&extraction_.samples);
    return std::move(extraction_);
  }

 private:
  // The code of every block that may be Python, analysed in one batch.
  void prepare() {
    codes_.resize(blocks_.size());
    std::vector<std::string> sources;
    for (std::size_t k = 0; k < blocks_.size(); ++k) {
      const MarkdownBlock& block = blocks_[k];
      if (block.kind != MarkdownBlockKind::kCode) continue;
      const FenceRole role = fence_role(block.info);
      if (block.quoted) continue;  // never a sample, whatever it parses as
      if (role != FenceRole::kPython && role != FenceRole::kSession && role != FenceRole::kUntagged) continue;
      const bool session = role == FenceRole::kSession || looks_like_repl_session(block.lines);
      BlockCode code = session ? session_code(block) : script_code(block);
      code.info = block.info;
      code.facts = sources.size();
      sources.push_back(code.source);
      codes_[k] = std::move(code);
    }
    facts_ = python_block_facts(sources);
  }

  void close() {
    open_.reset();
    value_block_next_ = false;
    labelled_ = false;
    introduced_ = false;
  }

  // A line that ends in a comment `# (1)` or `# (1)!`: an anchor of a code annotation.
  static bool has_annotation_markers(std::string_view source) {
    for (std::size_t at = source.find("# ("); at != std::string_view::npos; at = source.find("# (", at + 3)) {
      const std::size_t end = std::min(source.find('\n', at), source.size());
      if (is_annotation_anchor(source.substr(at + 2, end - at - 2))) return true;
    }
    return false;
  }

  static bool ends_with_colon(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    return !text.empty() && text.back() == ':';
  }

  void on_code(std::size_t k) {
    // A file included when the page is built: neither code nor output here.
    if (is_snippets_include(blocks_[k].lines)) {
      close();
      const FenceRole role = fence_role(blocks_[k].info);
      if (role == FenceRole::kPython || role == FenceRole::kSession)
        skip(first_content_line(blocks_[k]), "not run: a snippets include (`--8<--`), the file it names is not in the guide");
      return;
    }
    const bool continues = codes_[k] && markers_.take_continues();
    if (codes_[k]) {
      if (const std::optional<std::string> reason = markers_.skip_reason()) {
        close();
        skip(first_content_line(blocks_[k]), *reason);
        return;
      }
    }
    // A cell or chunk that its own options keep from running: shown, never run.
    if (const MarkdownBlock& shown = blocks_[k]; codes_[k]) {
      if (const std::optional<std::string> reason = unevaluated_reason(shown.info, shown.options, shown.lines)) {
        close();
        skip(first_content_line(shown), *reason);
        return;
      }
    }
    if (open_ && take_as_output(k)) {
      // A notebook cell that prints and ends in a value shows the value in
      // a block of its own, right after what it printed.
      if (!value_block_next_ && may_print_[*open_] && shows_value_[*open_]) {
        value_block_next_ = true;
        return;
      }
      close();
      return;
    }
    close();
    if (attach_transcript(blocks_[k])) return;
    // Raw HTML (a `<pre>`, a fence inside an HTML block) and quoted text
    // do not render as code: output or nothing. A `<pre>` whose class names
    // Python (`<pre><code class="language-python">`, a blog's export) is
    // the page's code box.
    const FenceRole html_role = blocks_[k].html_text ? fence_role(blocks_[k].info) : FenceRole::kOther;
    const bool html_code = html_role == FenceRole::kPython || html_role == FenceRole::kSession;
    if ((blocks_[k].in_html && !html_code) || blocks_[k].quoted) return;
    if (!codes_[k]) return;
    const BlockCode& code = *codes_[k];
    const PythonBlockFacts& facts = facts_[code.facts];
    const MarkdownBlock& block = blocks_[k];
    const FenceRole role = fence_role(block.info);
    if (code.source.empty() || code.guide_lines.empty()) {
      if (role == FenceRole::kSession) skip(block.line, "not run: the session has no `>>>` statement");
      return;
    }
    if (code.session) {
      add_sample(code, facts, code.session_claims, SampleStyle::kSession);
      return;
    }
    // Untagged blocks are often text: only code is a sample, silently.
    if (role == FenceRole::kUntagged && (!facts.compiles || (facts.shows_values_only && !calls_guide_function(facts))))
      return;
    if (!facts.compiles) {
      const bool mapped = facts.error_line >= 1 && facts.error_line <= static_cast<int>(code.guide_lines.size());
      skip(mapped ? code.guide_lines[static_cast<std::size_t>(facts.error_line - 1)] : code.guide_lines.front(),
           "not run: does not compile: " + facts.error);
      return;
    }
    if (facts.statements == 0) {
      skip(code.guide_lines.front(), "not run: only comments");
      return;
    }
    std::vector<Claim> claims = comment_claims(code);
    // A claimed error (`print(undefined)  # NameError: ...`) is meant to be seen.
    const bool claims_error = std::any_of(claims.begin(), claims.end(),
                                          [](const Claim& claim) { return claim.kind == ClaimKind::kError; });
    if (!claims_error) {
      if (const std::optional<std::string> name = undefined_name(facts)) {
        skip(code.guide_lines.front(), "not run: '" + *name + "' is defined by no sample before it (a syntax template)");
        return;
      }
    }
    // pytest-codeblocks' `cont`: more of the sample before, and one output.
    if (continues && last_sample_ && extraction_.samples[*last_sample_].style == SampleStyle::kScript &&
        *last_sample_ + 1 == extraction_.samples.size()) {
      extend_last_sample(code, facts, std::move(claims));
      open_ = *last_sample_;
      return;
    }
    add_sample(code, facts, std::move(claims), SampleStyle::kScript);
    open_ = extraction_.samples.size() - 1;
  }

  void extend_last_sample(const BlockCode& code, const PythonBlockFacts& facts, std::vector<Claim> claims) {
    Sample& sample = extraction_.samples.back();
    sample.source += code.source;
    sample.guide_lines.insert(sample.guide_lines.end(), code.guide_lines.begin(), code.guide_lines.end());
    sample.last_line = std::max(sample.last_line, code.guide_lines.back());
    for (Claim& claim : claims) {
      sample.last_line = std::max(sample.last_line, claim.last_guide_line);
      sample.claims.push_back(std::move(claim));
    }
    sample.pytest_file = sample.pytest_file || facts.defines_tests;
    continuations_.extend_last(facts.binds, facts.needs, facts.changes);
    may_print_.back() = may_print_.back() || facts.calls_print;
    shows_value_.back() = facts.ends_in_value;
    guide_functions_.insert(facts.functions.begin(), facts.functions.end());
    star_import_before_ = star_import_before_ || facts.star_import;
    blocks_since_sample_ = 0;
  }

  // "This prints `42`.", "Output: `[1, 2]`": a lead-in and the output in
  // one code span, nothing after it but punctuation. A span holding a bare
  // name (`total`) may name a variable rather than show output: it counts
  // only where it agrees.
  bool take_inline_output(const MarkdownBlock& block) {
    if (!block.one_code_span) return false;
    const MarkdownBlock::OneCodeSpan& span = *block.one_code_span;
    if (span.code.empty() || span.after.find_first_not_of(" .,;:!") != std::string::npos) return false;
    if (!is_output_label(span.before)) return false;
    Sample& sample = extraction_.samples[*open_];
    Claim claim = output_block_claim({span.code}, 1, span.line, sample);
    claim.shown_inline = true;
    if (is_bare_name(span.code)) claim.tentative_lines = 1;
    sample.claims.push_back(std::move(claim));
    sample.last_line = std::max(sample.last_line, span.line);
    return true;
  }

  static bool is_bare_name(std::string_view code) {
    if (code == "True" || code == "False" || code == "None") return false;
    const auto name_char = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    };
    return !(code[0] >= '0' && code[0] <= '9') && std::all_of(code.begin(), code.end(), name_char);
  }

  // Bare expressions reading a name no sample before them binds cannot run:
  // they show the shape of a call (`map(function, iterable)`), not code.
  std::optional<std::string> undefined_name(const PythonBlockFacts& facts) const {
    return syntax_template_name(facts, continuations_, star_import_before_);
  }

  bool calls_guide_function(const PythonBlockFacts& facts) const {
    return std::any_of(facts.called_names.begin(), facts.called_names.end(),
                       [&](const std::string& name) { return guide_functions_.count(name) != 0; });
  }

  void add_sample(const BlockCode& code, const PythonBlockFacts& facts, std::vector<Claim> claims, SampleStyle style) {
    Sample sample;
    sample.first_line = code.guide_lines.front();
    sample.last_line = code.guide_lines.back();
    sample.source = code.source;
    sample.guide_lines = code.guide_lines;
    for (const Claim& claim : claims) sample.last_line = std::max(sample.last_line, claim.last_guide_line);
    sample.claims = std::move(claims);
    sample.style = style;
    sample.pytest_file = style == SampleStyle::kScript && facts.defines_tests;
    const std::vector<std::size_t> continued = continuations_.add(facts.binds, facts.needs, facts.changes);
    bool may_print = facts.calls_print;
    for (std::size_t c : continued) may_print = may_print || may_print_[c];
    may_print_.push_back(may_print);
    shows_value_.push_back(facts.ends_in_value);
    guide_functions_.insert(facts.functions.begin(), facts.functions.end());
    star_import_before_ = star_import_before_ || facts.star_import;
    // The file the page saves it as: named in its fence ("title=app.py"),
    // its first comment line ("# app.py"), or the sentence leading into it.
    std::optional<std::string> script = script_name_in(code.info);
    if (!script && !code.lines.empty() && code.lines.front().starts_with("#")) script = script_name_in(code.lines.front());
    if (!script) script = script_name_in(lead_in_);
    if (script) {
      script_samples_[*script] = extraction_.samples.size();
      if (style == SampleStyle::kScript) sample.saved_as = *script;
    }
    last_sample_ = extraction_.samples.size();
    blocks_since_sample_ = 0;
    extraction_.samples.push_back(std::move(sample));
  }

  // `$ python3 -c '...'` and its output: a sample of its own, continuing
  // nothing (a fresh interpreter), leaving the open sample as it was.
  void add_one_liner(const ScriptRunShown& run) {
    if (std::optional<Sample> sample = one_liner_sample(run, options_.filename)) add_sample_of_its_own(std::move(*sample));
  }

  // A run the page shows apart from the samples (a one-liner, a script
  // with arguments): it leaves the open sample as it was.
  void add_sample_of_its_own(Sample sample) {
    continuations_.add({}, {}, {});
    may_print_.push_back(true);
    shows_value_.push_back(false);
    extraction_.samples.push_back(std::move(sample));
  }

  // A terminal transcript running a script (shell_transcript.h): its output
  // is a claim on the sample saved under that name, or on the sample just
  // before it (one paragraph between them at most) when none has the name.
  // A run that shows no output leaves that sample open for the next block.
  bool attach_transcript(const MarkdownBlock& block) {
    const std::vector<ScriptRunShown> runs = script_runs_shown(block.lines, block.line);
    if (runs.empty()) return false;
    auto owner_of = [&](const ScriptRunShown& run) -> std::optional<std::size_t> {
      if (auto named = script_samples_.find(run.script); named != script_samples_.end()) return named->second;
      if (blocks_since_sample_ <= 1) return last_sample_;
      return std::nullopt;
    };
    for (const ScriptRunShown& run : runs) {
      if (run.one_liner) {
        add_one_liner(run);
        continue;
      }
      const std::optional<std::size_t> owner = owner_of(run);
      if (run.output.empty() || !owner) continue;
      Sample& sample = extraction_.samples[*owner];
      Claim claim = output_block_claim(run.output, run.output.size(), run.first_output_line, sample);
      claim.shown_as_html = block.html_text;
      // Other arguments or stdin make another run of the script.
      if (std::optional<Sample> other = claim_script_run(sample, std::move(claim), run, options_.filename))
        add_sample_of_its_own(std::move(*other));
    }
    // `$ python app.py` alone, then "and you should see" and a block.
    if (runs.back().output.empty() && !runs.back().one_liner) open_ = owner_of(runs.back());
    return true;
  }

  // Block k right after the open sample: its output?
  bool take_as_output(std::size_t k) {
    const MarkdownBlock& block = blocks_[k];
    if (codes_[k] && codes_[k]->session) return false;
    // A MyST code cell is run, whatever it looks like: never the output of
    // the cell before it (`statistics.quantiles(data, n=4)` reads as a repr).
    if (const std::string directive = myst_directive(block.info); directive == "code-cell" || directive == "jupyter-execute")
      return false;
    FollowingBlock following;
    following.role = fence_role(block.info);
    following.labelled = labelled_;
    following.introduced = introduced_;
    const auto first = std::find_if(block.lines.begin(), block.lines.end(),
                                    [](const std::string& line) { return !is_blank_line(line); });
    following.empty = first == block.lines.end();
    // A block titled as output (```` ```bash title="Output" ````) is labelled by its title.
    if (is_output_label(fence_title(block.info))) {
      following.labelled = true;
      following.role = FenceRole::kOutput;
    }
    // A path alone in an output block is what a program printed, not a
    // command to type (pathlib prints them).
    following.shell_command = !following.empty && is_shell_command(*first) &&
                              !(is_lone_path(*first) && (following.labelled || following.role == FenceRole::kOutput));
    // IPython's `Out[4]: (9, 3)` labels itself (and compiles as an annotation).
    if (!following.empty && ipython_output_prompt(*first) > 0) following.labelled = true;
    // A quote after code that prints is its output like a `text` block, but
    // a note or a remark is quoted too: without a label, one that reads as
    // prose counts only where it agrees.
    if (block.quoted) {
      following.role = FenceRole::kOutput;
      following.introduced = following.introduced || !following.labelled;
    }
    if (codes_[k]) {
      const PythonBlockFacts& facts = facts_[codes_[k]->facts];
      following.compiles = facts.compiles;
      following.shows_values_only = facts.shows_values_only;
      following.calls_guide_function = calls_guide_function(facts);
      following.reads_undefined_name = undefined_name(facts).has_value();
    }
    // A notebook shows a cell's last value: such a cell has output too.
    if (!is_output_block(following, may_print_[*open_] || shows_value_[*open_])) return false;

    Sample& sample = extraction_.samples[*open_];
    std::size_t count = block.lines.size();
    while (count > 0 && is_blank_line(block.lines[count - 1])) --count;
    Claim claim = output_block_claim(block.lines, count, block.line, sample);
    claim.shown_as_html = block.html_text;
    // The cell's value alone: nothing its statements printed (none after its last line).
    if (value_block_next_) claim.since_line = claim.anchor_line;
    // A lead-in that names no output ("Given the input:") is weak evidence:
    // the block is judged only when it agrees (all its lines tentative).
    if (following.introduced && !following.labelled) claim.tentative_lines = static_cast<int>(count);
    if (block.quoted && !following.labelled && !introduced_ &&
        std::none_of(block.lines.begin(), block.lines.begin() + static_cast<long>(count),
                     [](const std::string& line) { return looks_like_prose(line); }))
      claim.tentative_lines = 0;  // values and printed lines, not a remark: judged as shown
    // A notebook export indents both outputs of a cell, and CommonMark joins
    // them into one block across the blank lines between: the printed text
    // first, the value after the widest gap.
    if (const std::size_t gap = widest_inner_gap(block.lines, count);
        gap > 0 && !value_block_next_ && may_print_[*open_] && shows_value_[*open_] && !block.html_text) {
      std::size_t printed = gap;
      while (printed > 0 && is_blank_line(block.lines[printed - 1])) --printed;
      Claim value = output_block_claim(std::vector<std::string>(block.lines.begin() + static_cast<long>(gap), block.lines.end()),
                                       count - gap, block.line + static_cast<int>(gap), sample);
      value.since_line = value.anchor_line;
      claim = output_block_claim(block.lines, printed, block.line, sample);
      sample.claims.push_back(std::move(claim));
      claim = std::move(value);
    }
    sample.claims.push_back(std::move(claim));
    sample.last_line = std::max(sample.last_line, block.line + static_cast<int>(count) - 1);
    if (following.role == FenceRole::kUntagged && following.compiles && !following.labelled)
      note(&sample, block.line, "untagged block read as the output of the code above: it only shows values");
    else if (following.role == FenceRole::kPython)
      note(&sample, block.line, "python block read as the output of the code above: a label introduces it");
    return true;
  }

  // Where the lines after the widest run of two or more blank lines inside
  // lines[0, count) start; 0 when there is none.
  static std::size_t widest_inner_gap(const std::vector<std::string>& lines, std::size_t count) {
    std::size_t best = 0, best_width = 1;
    for (std::size_t k = 1; k < count;) {
      std::size_t end = k;
      while (end < count && is_blank_line(lines[end])) ++end;
      if (end - k > best_width && end < count) {
        best = end;
        best_width = end - k;
      }
      k = end == k ? k + 1 : end;
    }
    return best;
  }

  // A table of calls and what they print right after the open sample
  // (call_output_table.h): claims on its statements. False when the table
  // claims nothing (it is prose).
  bool take_table_claims(const MarkdownTable& table) {
    Sample& sample = extraction_.samples[*open_];
    std::vector<std::string> lines;
    for (std::size_t start = 0, end; (end = sample.source.find('\n', start)) != std::string::npos; start = end + 1)
      lines.push_back(sample.source.substr(start, end - start));
    const std::vector<Claim> claims = call_output_table_claims(table, lines, sample.guide_lines);
    for (const Claim& claim : claims) sample.last_line = std::max(sample.last_line, claim.last_guide_line);
    sample.claims.insert(sample.claims.end(), claims.begin(), claims.end());
    return !claims.empty();
  }

  // A pipe table shown as the output of the open sample: its rows as text,
  // cells apart (a blank index header drops out), as printed DataFrames
  // and aligned columns read once blanks are collapsed.
  void take_table_output(const MarkdownTable& table) {
    Sample& sample = extraction_.samples[*open_];
    std::vector<std::string> rows;
    for (const MarkdownTableRow* row : table_rows(table)) {
      std::string text;
      for (const MarkdownTableCell& cell : row->cells) {
        if (cell.text.empty()) continue;
        if (!text.empty()) text += "  ";
        text += cell.text;
      }
      rows.push_back(std::move(text));
    }
    Claim claim = output_block_claim(sample, rows, table.header.line);
    claim.last_guide_line = table.rows.empty() ? table.header.line : table.rows.back().line;
    claim.shown_as_table = true;
    add_claim(sample, std::move(claim));
  }

  static std::vector<const MarkdownTableRow*> table_rows(const MarkdownTable& table) {
    std::vector<const MarkdownTableRow*> rows = {&table.header};
    for (const MarkdownTableRow& row : table.rows) rows.push_back(&row);
    return rows;
  }

  // A table that is its own code (table_session.h): a session sample of
  // its rows, when their code compiles. False for any other table.
  bool add_table_session(const MarkdownTable& table) {
    std::optional<TableSession> session = table_session(table);
    if (!session) return false;
    const std::vector<PythonBlockFacts> facts = python_block_facts({session->source});
    if (facts.empty() || !facts[0].compiles || facts[0].statements == 0) return false;
    BlockCode code;
    code.session = true;
    code.source = std::move(session->source);
    code.guide_lines = std::move(session->guide_lines);
    add_sample(code, facts[0], std::move(session->claims), SampleStyle::kSession);
    return true;
  }

  void note(Sample* sample, int line, const std::string& message) {
    sample->notes.push_back(format_diagnostic(options_.filename, {line, message}));
  }

  void skip(int line, const std::string& message) {
    extraction_.diagnostics.push_back(format_diagnostic(options_.filename, {line, message}));
  }

  const ReadOptions& options_;
  std::vector<MarkdownBlock> blocks_;
  std::vector<std::optional<BlockCode>> codes_;  // per block: its code, when it may be Python
  std::vector<PythonBlockFacts> facts_;
  Extraction extraction_;

  SampleContinuations continuations_;
  DoctoolMarkers markers_;                           // what other doc-testing tools' markers say
  std::vector<bool> may_print_;                      // per sample: it, or a sample it continues, prints
  std::vector<bool> shows_value_;                    // per sample: it ends in a bare expression
  std::set<std::string> guide_functions_;            // module-level defs of the samples so far
  bool star_import_before_ = false;

  std::string lead_in_;                              // the paragraph right before the block being read
  std::map<std::string, std::size_t> script_samples_;  // sample saved as each file the page names
  std::optional<std::size_t> last_sample_;
  int blocks_since_sample_ = 0;                      // paragraphs and headings since the last sample

  std::optional<std::size_t> open_;  // the sample whose output the next code block may show
  bool labelled_ = false;            // an output label followed it
  bool introduced_ = false;          // a paragraph ending in ':' followed it
  bool value_block_next_ = false;    // its printed output was taken: a block of its last value may follow
};

}  // namespace

Extraction read_markdown_guide(std::string_view text, const ReadOptions& options) {
  return MarkdownReader(text, options).read();
}

}  // namespace guidecheck
