#include "asciidoc_reader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "output_block_claim.h"
#include "claim_text.h"
#include "claims.h"
#include "fence_info.h"
#include "guide_parser.h"
#include "output_label.h"
#include "repl_session.h"
#include "pytest_file.h"
#include "shell_transcript.h"

namespace guidecheck {
namespace {

// A delimiter line: four or more of one character, nothing else.
char delimiter_of(std::string_view line) {
  line = trim_blanks(line);
  if (line.size() < 4) return 0;
  const char c = line.front();
  if (c != '-' && c != '.' && c != '=' && c != '*' && c != '_' && c != '+' && c != '/') return 0;
  return std::all_of(line.begin(), line.end(), [c](char x) { return x == c; }) ? c : 0;
}

// `[source,python]`, `[source, pycon, linenums]`: the language; "" for other attribute lines.
std::optional<std::string> source_language(std::string_view line) {
  line = trim_blanks(line);
  if (!line.starts_with("[source") || !line.ends_with(']')) return std::nullopt;
  line = line.substr(7, line.size() - 8);
  while (!line.empty() && (line.front() == ',' || line.front() == ' ')) line.remove_prefix(1);
  return std::string(line.substr(0, line.find_first_of(", ")));
}

// `print(x)  <1>`, `print(x)  # <1>`: the code without its callouts.
std::string without_callouts(std::string_view line) {
  for (;;) {
    const std::string_view t = trim_blanks(line);
    if (t.size() < 3 || t.back() != '>') break;
    const std::size_t open = t.rfind('<');
    if (open == std::string_view::npos || open + 2 > t.size() - 1 ||
        !std::all_of(t.begin() + static_cast<long>(open) + 1, t.end() - 1, [](char c) { return c >= '0' && c <= '9'; }))
      break;
    std::string_view before = t.substr(0, open);
    if (!before.empty() && before.back() != ' ' && before.back() != '\t' && before.back() != '#') break;
    line = line.substr(0, line.find(t) + open);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    // `# <1>`: Asciidoctor shows the callout in a comment as the number alone.
    if (line.ends_with('#')) {
      line.remove_suffix(1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    }
  }
  return std::string(line);
}

bool is_callout_item(std::string_view line) {
  line = trim_blanks(line);
  if (!line.starts_with('<')) return false;
  const std::size_t close = line.find('>');
  return close != std::string_view::npos && close > 1 &&
         std::all_of(line.begin() + 1, line.begin() + static_cast<long>(close), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_admonition_paragraph(std::string_view line) {
  for (std::string_view label : {"NOTE:", "TIP:", "IMPORTANT:", "WARNING:", "CAUTION:"})
    if (trim_blanks(line).starts_with(label)) return true;
  return false;
}

class AsciidocReader {
 public:
  AsciidocReader(std::string_view text, const ReadOptions& options) : options_(options) {
    for (std::size_t start = 0; start < text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      std::string_view line = text.substr(start, end - start);
      if (line.ends_with('\r')) line.remove_suffix(1);
      lines_.push_back(line);
      start = end + 1;
    }
  }

  Extraction read() {
    std::optional<std::string> language;  // the attribute line before a block
    bool labelled = false;                // a title or lead-in names output
    bool titled_output = false;           // the block's own title names output
    std::string title, paragraph;         // the block's title, the last paragraph before it
    for (std::size_t k = 0; k < lines_.size(); ++k) {
      const std::string_view line = lines_[k];
      const char delimiter = delimiter_of(line);
      if (delimiter == '-' || delimiter == '.') {
        const std::size_t end = closing(k, line);
        block(k + 1, end, delimiter, language, labelled, titled_output, lead_in(title, paragraph));
        language.reset();
        labelled = titled_output = false;
        title.clear();
        paragraph.clear();
        k = end;
        continue;
      }
      if (delimiter == '+' || delimiter == '/') {  // passthrough, comment: never read
        k = closing(k, line);
        continue;
      }
      if (delimiter) continue;  // example, sidebar, quote: looked through
      if (auto source = source_language(line)) {
        language = *source;
        continue;
      }
      const std::string_view t = trim_blanks(line);
      if (t.empty() || t.starts_with('[') || is_callout_item(t)) continue;
      if (t.size() > 1 && t.front() == '.' && t[1] != '.' && t[1] != ' ') {  // a block title
        titled_output = titled_output || is_output_label(t.substr(1));
        labelled = labelled || titled_output;
        title += std::string(t.substr(1)) + '\n';
        continue;
      }
      if (is_admonition_paragraph(t) && !is_output_label(t)) continue;
      // Prose: a lead-in that names output keeps the sample open, other prose ends it.
      if (open_ && is_output_label(t)) {
        labelled = true;
        continue;
      }
      if (k == 0 || trim_blanks(lines_[k - 1]).empty()) paragraph.clear();  // a new paragraph
      paragraph += std::string(t) + '\n';
      if (k > 0 && !trim_blanks(lines_[k - 1]).empty() && !labelled) continue;  // the rest of a paragraph
      open_.reset();
      labelled = false;
    }
    number_samples(&extraction_.samples);
    return std::move(extraction_);
  }

 private:
  std::size_t closing(std::size_t open, std::string_view delimiter) const {
    for (std::size_t k = open + 1; k < lines_.size(); ++k)
      if (trim_blanks(lines_[k]) == trim_blanks(delimiter)) return k;
    return lines_.size();
  }

  // What may name the file a block shows: its title, and the paragraph
  // before it when that leads in to it ("Save this as `countdown.py`:").
  static std::string lead_in(const std::string& title, const std::string& paragraph) {
    const std::string_view last = trim_blanks(paragraph);
    return !last.empty() && last.back() == ':' ? title + paragraph : title;
  }

  // Lines [first, end) of a listing ('-') or literal ('.') block; `titled_output`
  // when its own title names output (".Output"), `lead_in` what may name its file.
  void block(std::size_t first, std::size_t end, char delimiter, const std::optional<std::string>& language,
             bool labelled, bool titled_output, const std::string& lead_in) {
    std::vector<std::string> lines;
    for (std::size_t k = first; k < end && k < lines_.size(); ++k) lines.push_back(without_callouts(lines_[k]));
    const FenceRole role = delimiter == '.' ? FenceRole::kOutput : fence_role(language.value_or(""));
    if (role != FenceRole::kPython && role != FenceRole::kSession && attach_transcript(lines, first)) {
      open_.reset();
      return;
    }
    // A block titled as output is the output of the script before it, even
    // past a paragraph about that script.
    if (!open_ && titled_output) open_ = last_script_;
    if ((role == FenceRole::kOutput || (role == FenceRole::kUntagged && labelled)) && open_) {
      add_output(first, lines);
      open_.reset();
      last_script_.reset();
      return;
    }
    open_.reset();
    last_script_.reset();
    if (role != FenceRole::kPython && role != FenceRole::kSession) return;
    if (std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return trim_blanks(l).starts_with("include::"); })) {
      extraction_.diagnostics.push_back(format_diagnostic(options_.filename, {static_cast<int>(first) + 1,
                                                                             "not run: an include, the file it names is not in the guide"}));
      return;
    }
    Sample sample;
    if (role == FenceRole::kSession) {
      ReplSession session = read_repl_session(lines, static_cast<int>(first) + 1);
      if (session.source.empty()) return;
      sample.style = SampleStyle::kSession;
      sample.source = std::move(session.source);
      sample.guide_lines = std::move(session.guide_lines);
      sample.claims = std::move(session.claims);
    } else {
      CodeRun run;
      for (std::size_t k = 0; k < lines.size(); ++k) {
        sample.source += lines[k] + '\n';
        sample.guide_lines.push_back(static_cast<int>(first + k) + 1);
        run.lines.emplace_back(trim_blanks(lines[k]));
      }
      if (sample.guide_lines.empty()) return;
      run.first_line = sample.guide_lines.front();
      run.last_line = sample.guide_lines.back();
      run.guide_lines = sample.guide_lines;
      sample.claims = find_claims(run);
      sample.pytest_file = looks_like_pytest_file(sample.source);
      open_ = last_script_ = extraction_.samples.size();
      // A script the page names (".countdown.py", "# countdown.py", "Save
      // this as `countdown.py`:") is a file later samples may import and a
      // transcript may run.
      std::optional<std::string> script = script_name_in(lead_in);
      if (!script && trim_blanks(lines.front()).starts_with('#')) script = script_name_in(lines.front());
      if (script) {
        sample.saved_as = *script;
        script_samples_[*script] = extraction_.samples.size();
      }
    }
    sample.first_line = sample.guide_lines.front();
    sample.last_line = sample.guide_lines.back();
    for (const Claim& claim : sample.claims) sample.last_line = std::max(sample.last_line, claim.last_guide_line);
    extraction_.samples.push_back(std::move(sample));
  }

  // A terminal transcript running a script (shell_transcript.h): what it
  // printed is a claim on the sample saved under that name, or on the
  // script right before the transcript. False when it runs no script.
  bool attach_transcript(const std::vector<std::string>& lines, std::size_t first) {
    const std::vector<ScriptRunShown> runs = script_runs_shown(lines, static_cast<int>(first) + 1);
    if (runs.empty()) return false;
    for (const ScriptRunShown& run : runs) {
      if (std::optional<Sample> one_liner = one_liner_sample(run, options_.filename)) {
        extraction_.samples.push_back(std::move(*one_liner));  // a sample of its own
        continue;
      }
      if (run.one_liner) continue;
      std::optional<std::size_t> owner = last_script_;
      if (auto named = script_samples_.find(run.script); named != script_samples_.end()) owner = named->second;
      if (run.output.empty() || !owner) continue;
      Sample& sample = extraction_.samples[*owner];
      // Other arguments or stdin make another run of the script.
      if (std::optional<Sample> other = claim_script_run(
              sample, output_block_claim(sample, run.output, run.first_output_line), run, options_.filename))
        extraction_.samples.push_back(std::move(*other));
    }
    return true;
  }

  void add_output(std::size_t first, const std::vector<std::string>& lines) {
    std::size_t count = lines.size();
    while (count > 0 && trim_blanks(lines[count - 1]).empty()) --count;
    if (count == 0) return;
    Sample& sample = extraction_.samples[*open_];
    add_claim(sample, output_block_claim(sample, {lines.data(), count}, static_cast<int>(first) + 1));
  }

  const ReadOptions& options_;
  std::vector<std::string_view> lines_;
  Extraction extraction_;
  std::optional<std::size_t> open_;  // the script sample whose output may follow
  std::optional<std::size_t> last_script_;  // the latest script sample, until another block comes
  std::map<std::string, std::size_t> script_samples_;  // the samples the page names as files
};

}  // namespace

Extraction read_asciidoc_guide(std::string_view text, const ReadOptions& options) {
  return AsciidocReader(text, options).read();
}

}  // namespace guidecheck
