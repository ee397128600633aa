#include "shell_transcript.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

#include "claim_text.h"
#include "guide_parser.h"
#include "output_block_claim.h"
#include "python_literal.h"
#include "shell_prompt.h"

namespace guidecheck {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// A command's words as a POSIX shell splits them (quotes removed, `\`
// escapes kept literal in single quotes); nullopt when the shell would do
// more than split: expand (`$x`, a backquote, a glob), redirect or pipe.
std::optional<std::vector<std::string>> shell_words(std::string_view command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t k = 0; k < command.size(); ++k) {
    const char c = command[k];
    if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(std::exchange(word, {}));
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\'' || c == '"') {
      const std::size_t close = command.find(c, k + 1);
      if (close == std::string_view::npos) return std::nullopt;
      const std::string_view quoted = command.substr(k + 1, close - k - 1);
      if (c == '"' && quoted.find_first_of("$`\\") != std::string_view::npos) return std::nullopt;
      word += quoted;
      k = close;
      continue;
    }
    if (std::string_view("$`|&;<>(){}*?[]\\").find(c) != std::string_view::npos) return std::nullopt;
    word += c;
  }
  if (in_word) words.push_back(word);
  return words;
}

// What `echo WORDS` or `printf 'TEXT'` writes to a pipe; nullopt for any
// other command.
std::optional<std::string> piped_text(std::string_view command) {
  const std::optional<std::vector<std::string>> words = shell_words(command);
  if (!words || words->empty()) return std::nullopt;
  if ((*words)[0] == "echo") {
    std::string text;
    for (std::size_t k = 1; k < words->size(); ++k) text += (k > 1 ? " " : "") + (*words)[k];
    return text + "\n";
  }
  if ((*words)[0] != "printf" || words->size() != 2 || (*words)[1].find('%') != std::string::npos) return std::nullopt;
  std::string text;
  const std::string& format = (*words)[1];
  for (std::size_t k = 0; k < format.size(); ++k) {
    if (format[k] == '\\' && k + 1 < format.size() && (format[k + 1] == 'n' || format[k + 1] == 't')) {
      text += format[++k] == 'n' ? '\n' : '\t';
      continue;
    }
    text += format[k];
  }
  return text;
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

// `python3 -u app.py 3 4` -> "app.py", its arguments in *args (the script
// as typed first, sys.argv's own); a pytest run (test_file_of); nullopt for
// any other command.
std::optional<std::string> script_of(std::string_view command, bool* pytest, std::vector<std::string>* args) {
  const std::vector<std::string_view> words = words_of(command);
  if (words.empty()) return std::nullopt;
  *pytest = true;
  if (words[0] == "pytest" || words[0] == "py.test") return test_file_of(words, 1);
  // `./hello.py`: a script made executable (its shebang names Python).
  const bool executable = words[0].starts_with("./") && is_script_name(words[0]);
  if (!is_python(words[0]) && !executable) return std::nullopt;
  if (words.size() >= 3 && words[1] == "-m" && words[2] == "pytest") return test_file_of(words, 3);
  *pytest = false;
  const std::optional<std::vector<std::string>> shell = shell_words(command);
  if (!shell) return std::nullopt;
  if (executable) {
    args->assign(shell->begin(), shell->end());
    return base_name((*shell)[0]);
  }
  std::size_t k = 1;  // flags that change nothing printed; the launcher's `py -3.11`
  while (k < shell->size() && ((*shell)[k] == "-u" || (*shell)[k] == "-B" || (*shell)[k].starts_with("-3"))) ++k;
  if (k >= shell->size() || !is_script_name((*shell)[k])) return std::nullopt;
  args->assign(shell->begin() + static_cast<long>(k), shell->end());
  return base_name((*shell)[k]);
}

// `echo 3 | python3 app.py` -> ("echo 3", "python3 app.py"): the one pipe
// outside quotes; nullopt without one.
std::optional<std::pair<std::string_view, std::string_view>> split_pipe(std::string_view command) {
  char quote = 0;
  std::optional<std::size_t> pipe;
  for (std::size_t k = 0; k < command.size(); ++k) {
    const char c = command[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '|') {
      if (pipe) return std::nullopt;
      pipe = k;
    }
  }
  if (!pipe) return std::nullopt;
  return std::pair{trim(command.substr(0, *pipe)), trim(command.substr(*pipe + 1))};
}

}  // namespace

std::vector<ScriptRunShown> script_runs_shown(const std::vector<std::string>& lines, int first_guide_line) {
  std::vector<ScriptRunShown> runs;
  bool collecting = false;
  // A block that holds nothing but `python3 app.py`, with no prompt, is
  // that command too (its output comes in a block of its own).
  const auto non_blank = [](const std::string& line) { return !trim(line).empty(); };
  const bool one_line = std::count_if(lines.begin(), lines.end(), non_blank) == 1;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    std::optional<std::string_view> command = command_after_prompt(lines[k]);
    if (!command && one_line && non_blank(lines[k]) && trim(lines[k]).starts_with("py")) command = trim(lines[k]);
    if (command) {
      ScriptRunShown run;
      run.command = std::string(*command);
      run.command_line = first_guide_line + static_cast<int>(k);
      std::string_view python = *command;
      // `< /dev/null` gives the run the stdin every run has: no redirect.
      for (std::string_view null_stdin : {"< /dev/null", "</dev/null"})
        if (python.ends_with(null_stdin)) python = trim(python.substr(0, python.size() - null_stdin.size()));
      if (const auto pipe = split_pipe(*command)) {  // `echo 3 | python3 app.py`: its stdin
        run.stdin_text = piped_text(pipe->first);
        python = run.stdin_text ? pipe->second : std::string_view();
      }
      run.one_liner = run.stdin_text ? std::nullopt : one_liner_of(python);
      std::vector<std::string> argv;
      std::optional<std::string> script = run.one_liner ? std::nullopt : script_of(python, &run.pytest, &argv);
      if (!argv.empty()) {
        run.typed_script = argv.front();
        run.args.assign(argv.begin() + 1, argv.end());
      }
      if (run.pytest && run.stdin_text) script.reset();
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

namespace {

// What the transcript shows `run` printed, as the claim of `sample`, a run
// of its own: all it wrote, however it ended (Claim::whole_run).
void add_run_claim(Sample& sample, const ScriptRunShown& run) {
  Claim claim = output_block_claim(sample, run.output, run.first_output_line);
  claim.whole_run = true;
  add_claim(sample, std::move(claim));
}

}  // namespace

std::optional<Sample> one_liner_sample(const ScriptRunShown& run, std::string_view filename) {
  if (!run.one_liner || run.output.empty()) return std::nullopt;
  Sample sample;
  sample.source = *run.one_liner + '\n';
  sample.guide_lines = {run.command_line};
  sample.first_line = sample.last_line = run.command_line;
  add_run_claim(sample, run);
  sample.notes.push_back(format_diagnostic(
      filename, {run.command_line, "the code of `" + run.command + "`, run alone, its output what the page shows"}));
  return sample;
}

namespace {

bool has_input(const ScriptRunShown& run) { return !run.args.empty() || run.stdin_text; }

// What the command line gives a run, set silently before it runs: its
// sys.argv (the script by the name the page runs it as, which argparse
// shows as the program's), and what is piped in.
std::string input_setup(const ScriptRunShown& run) {
  std::string list = python_bytes_literal(run.typed_script.empty() ? run.script : run.typed_script) + ".decode()";
  for (const std::string& arg : run.args) list += ", " + python_bytes_literal(arg) + ".decode()";
  std::string setup = "__import__('sys').argv[:] = [" + list + "]\n";
  if (run.stdin_text)
    setup += "__import__('sys').stdin = __import__('io').StringIO(" + python_bytes_literal(*run.stdin_text) + ".decode())\n";
  return setup;
}

}  // namespace

std::optional<Sample> script_run_sample(const ScriptRunShown& run, const Sample& script, std::string_view filename) {
  if (!has_input(run) || run.pytest || script.pytest_file || run.output.empty()) return std::nullopt;
  Sample sample;
  sample.source = script.source;
  sample.guide_lines = script.guide_lines;
  sample.style = script.style;
  sample.setup = script.setup + input_setup(run);
  sample.first_line = script.first_line;
  sample.last_line = script.first_line;
  add_run_claim(sample, run);
  sample.notes.push_back(format_diagnostic(
      filename, {run.command_line, "the script run as `" + run.command + "`, its output what the page shows"}));
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

std::optional<Sample> claim_script_run(Sample& script, Claim claim, const ScriptRunShown& run,
                                       std::string_view filename) {
  if (!run.pytest && !script.pytest_file && !run.script.empty()) {
    if (script.claims.empty()) script.setup += input_setup(run);  // the script's own run is this one
    else if (has_input(run)) return script_run_sample(run, script, filename);
  }
  add_script_run_claim(script, std::move(claim), run, filename);
  return std::nullopt;
}

void add_script_run_claim(Sample& sample, Claim claim, const ScriptRunShown& run, std::string_view filename) {
  // pytest's session is the output of a test file only: a bare `pytest`
  // after the code under test runs tests the page showed elsewhere.
  if (run.pytest != sample.pytest_file) return;
  claim.whole_run = true;
  add_claim(sample, std::move(claim));
  sample.notes.push_back(format_diagnostic(
      filename, {run.first_output_line, "what `" + run.command + "` printed, read as the output of this sample"}));
}

}  // namespace guidecheck
