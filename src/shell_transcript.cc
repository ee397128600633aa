#include "shell_transcript.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

#include "claim_text.h"
#include "guide_parser.h"
#include "output_block_claim.h"

namespace guidecheck {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The command after a `$ ` or `% ` prompt; nullopt on a line of output.
std::optional<std::string_view> command_of(std::string_view line) {
  line = trim(line);
  if (line.size() >= 2 && (line[0] == '$' || line[0] == '%') && line[1] == ' ') return trim(line.substr(2));
  return std::nullopt;
}

std::string base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool is_script_name(std::string_view word) {
  return word.size() > 3 && word.substr(word.size() - 3) == ".py" && word.find_first_of("'\"`*?") == std::string_view::npos;
}

bool is_python(std::string_view word) {
  return word == "python" || word == "python3" || word == "py" ||
         (word.substr(0, 7) == "python3" && word.find_first_not_of("python3.0123456789") == std::string_view::npos);
}

// `pytest -q test_queue.py` (or `python -m pytest`, bare `pytest`) from
// words[k] on -> "test_queue.py", or "" when it names no file. nullopt when
// an option picks the tests (`-k`, `-m`, `::test_one`): the sample's own run
// runs them all.
std::optional<std::string> test_file_of(const std::vector<std::string_view>& words, std::size_t k) {
  static constexpr std::string_view kSelecting[] = {"-k",  "-m",   "-p",   "-c",   "-o",          "-n",
                                                    "--lf", "--ff", "--sw", "--deselect", "--ignore", "--last-failed"};
  std::string file;
  for (; k < words.size(); ++k) {
    const std::string_view word = words[k];
    const std::string_view option = word.substr(0, word.find('='));
    if (std::find(std::begin(kSelecting), std::end(kSelecting), option) != std::end(kSelecting)) return std::nullopt;
    if (word.front() == '-') continue;
    if (!file.empty() || !is_script_name(word)) return std::nullopt;
    file = base_name(word);
  }
  return file;
}

// The code of `python3 -c 'CODE'` or `-c "CODE"`, as the shell passes it
// (in double quotes, `\"`, `\\`, `\$` and `\`` lose their backslash); nullopt
// for any other command, and for code the shell would expand (`$x`).
std::optional<std::string> one_liner_of(std::string_view command) {
  const std::vector<std::string_view> words = words_of(command);
  if (words.size() < 3 || !is_python(words[0]) || words[1] != "-c") return std::nullopt;
  std::string_view rest = trim(command.substr(command.find("-c") + 2));
  if (rest.size() < 2 || (rest.front() != '\'' && rest.front() != '"')) return std::nullopt;
  const char quote = rest.front();
  std::string code;
  std::size_t k = 1;
  for (; k < rest.size() && rest[k] != quote; ++k) {
    if (quote == '"' && rest[k] == '$') return std::nullopt;
    if (quote == '"' && rest[k] == '\\' && k + 1 < rest.size() && std::string_view("\"\\$`").find(rest[k + 1]) != std::string_view::npos)
      ++k;
    code += rest[k];
  }
  // Arguments after the code would be the program's sys.argv: another run.
  if (k >= rest.size() || !trim(rest.substr(k + 1)).empty() || trim(code).empty()) return std::nullopt;
  return code;
}

// `python3 -u app.py` -> "app.py"; a pytest run (test_file_of); nullopt
// for any other command.
std::optional<std::string> script_of(std::string_view command, bool* pytest) {
  const std::vector<std::string_view> words = words_of(command);
  if (words.empty()) return std::nullopt;
  *pytest = true;
  if (words[0] == "pytest" || words[0] == "py.test") return test_file_of(words, 1);
  if (!is_python(words[0])) return std::nullopt;
  if (words.size() >= 3 && words[1] == "-m" && words[2] == "pytest") return test_file_of(words, 3);
  *pytest = false;
  std::size_t k = 1;
  while (k < words.size() && (words[k] == "-u" || words[k] == "-B" || words[k] == "-3")) ++k;
  if (k + 1 != words.size() || !is_script_name(words[k])) return std::nullopt;
  return base_name(words[k]);
}

}  // namespace

std::vector<ScriptRunShown> script_runs_shown(const std::vector<std::string>& lines, int first_guide_line) {
  std::vector<ScriptRunShown> runs;
  bool collecting = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (const std::optional<std::string_view> command = command_of(lines[k])) {
      ScriptRunShown run;
      run.command = std::string(*command);
      run.command_line = first_guide_line + static_cast<int>(k);
      run.one_liner = one_liner_of(*command);
      std::optional<std::string> script = run.one_liner ? std::nullopt : script_of(*command, &run.pytest);
      collecting = run.one_liner || script;
      if (script) run.script = std::move(*script);
      if (collecting) runs.push_back(std::move(run));
      continue;
    }
    if (!collecting) continue;
    ScriptRunShown& run = runs.back();
    if (run.output.empty()) {
      if (trim(lines[k]).empty()) continue;
      run.first_output_line = first_guide_line + static_cast<int>(k);
    }
    run.output.push_back(lines[k]);
  }
  for (ScriptRunShown& run : runs)
    while (!run.output.empty() && trim(run.output.back()).empty()) run.output.pop_back();
  return runs;
}

std::optional<Sample> one_liner_sample(const ScriptRunShown& run, std::string_view filename) {
  if (!run.one_liner || run.output.empty()) return std::nullopt;
  Sample sample;
  sample.source = *run.one_liner + '\n';
  sample.guide_lines = {run.command_line};
  sample.first_line = sample.last_line = run.command_line;
  add_claim(sample, output_block_claim(sample, run.output, run.first_output_line));
  sample.notes.push_back(format_diagnostic(
      filename, {run.command_line, "the code of `" + run.command + "`, run alone, its output what the page shows"}));
  return sample;
}

std::optional<std::string> script_name_in(std::string_view text) {
  std::optional<std::string> name;
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && !(std::isalnum(static_cast<unsigned char>(text[start])) || text[start] == '_' ||
                                    text[start] == '/' || text[start] == '.'))
      ++start;
    std::size_t end = start;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_' ||
                                 text[end] == '-' || text[end] == '/' || text[end] == '.'))
      ++end;
    std::string_view word = text.substr(start, end - start);
    while (word.size() > 3 && word.back() == '.') word.remove_suffix(1);  // a sentence's full stop
    if (is_script_name(word) && base_name(word).size() > 3) name = base_name(word);
    start = end == start ? end + 1 : end;
  }
  return name;
}

void add_script_run_claim(Sample& sample, Claim claim, const ScriptRunShown& run, std::string_view filename) {
  // pytest's session is the output of a test file only: a bare `pytest`
  // after the code under test runs tests the page showed elsewhere.
  if (run.pytest != sample.pytest_file) return;
  add_claim(sample, std::move(claim));
  sample.notes.push_back(format_diagnostic(
      filename, {run.first_output_line, "what `" + run.command + "` printed, read as the output of this sample"}));
}

}  // namespace guidecheck
