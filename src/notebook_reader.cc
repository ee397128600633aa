#include "notebook_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "claims.h"
#include "guide_parser.h"
#include "ipython_syntax.h"
#include "notebook_json.h"
#include "output_block_claim.h"
#include "python_lexer.h"

namespace guidecheck {
namespace {

// IPython gives every cell display(); a plain run gets it from the setup,
// showing what a notebook shows as text/plain. Where IPython is not
// installed, `from IPython.display import display, HTML` finds a stand-in
// whose objects show as the notebook's text/plain does: a notebook's cells
// always run where IPython is.
constexpr std::string_view kDisplaySetup =
    "def display(*objects, **options):\n"
    "    for shown in objects:\n"
    "        print(repr(shown))\n"
    "import importlib.util as _guidecheck_util\n"
    "if _guidecheck_util.find_spec('IPython') is None:\n"
    "    import sys as _guidecheck_sys, types as _guidecheck_types\n"
    "    class _GuidecheckShown:\n"
    "        def __init__(self, data=None, *args, **options):\n"
    "            self.data = data\n"
    "        def __repr__(self):\n"
    "            return f'<IPython.core.display.{type(self).__name__} object>'\n"
    "    _guidecheck_ipython = _guidecheck_types.ModuleType('IPython')\n"
    "    _guidecheck_ipython.display = _guidecheck_types.ModuleType('IPython.display')\n"
    "    _guidecheck_ipython.display.display = display\n"
    "    for _guidecheck_name in ('HTML', 'Markdown', 'Image', 'JSON', 'Math', 'Latex', 'SVG', 'Javascript'):\n"
    "        setattr(_guidecheck_ipython.display, _guidecheck_name, type(_guidecheck_name, (_GuidecheckShown,), {}))\n"
    "    _guidecheck_sys.modules.update({'IPython': _guidecheck_ipython, 'IPython.display': _guidecheck_ipython.display})\n"
    "    del _guidecheck_sys, _guidecheck_types, _GuidecheckShown, _guidecheck_ipython, _guidecheck_name\n"
    "del _guidecheck_util\n";

bool has_tag(const NotebookCell& cell, std::initializer_list<std::string_view> names) {
  return std::any_of(cell.tags.begin(), cell.tags.end(), [&](const std::string& tag) {
    return std::find(names.begin(), names.end(), tag) != names.end();
  });
}

// nbval's markers: a comment among the first lines of the cell.
bool has_marker_comment(const std::vector<std::string>& lines, std::string_view marker) {
  for (const std::string& line : lines) {
    const std::string_view text = strip_leading(line);
    if (text.empty()) continue;
    if (!text.starts_with('#')) return false;
    if (text.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

bool is_code_line(std::string_view line) {
  const std::string_view text = strip_leading(line);
  return !text.empty() && !text.starts_with('#');
}

// A cell the reader is meant to complete: nbgrader's `# YOUR CODE HERE`
// over `raise NotImplementedError()`. (A `___` blank is an exercise in any
// guide: syntax_template.h.)
bool is_exercise(const std::vector<std::string>& lines) {
  bool your_code = false, not_implemented = false;
  for (const std::string& line : lines) {
    std::string upper = line;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    your_code = your_code || upper.find("YOUR CODE HERE") != std::string::npos;
    not_implemented = not_implemented || line.find("raise NotImplementedError") != std::string::npos;
  }
  return your_code && not_implemented;
}

class NotebookReader {
 public:
  explicit NotebookReader(const ReadOptions& options) : options_(options) {}

  Extraction read(std::string_view text) {
    Notebook notebook;
    std::string err;
    if (!parse_notebook(text, &notebook, &err)) {
      extraction_.error = fmt::format("{}:{}", options_.filename, err);
      return std::move(extraction_);
    }
    if (!notebook.language.empty() && !notebook.language.starts_with("python")) {
      extraction_.warnings.push_back(
          format_diagnostic(options_.filename, {1, "a notebook in " + notebook.language + ": no Python cells to check"}));
      return std::move(extraction_);
    }
    for (const NotebookCell& cell : notebook.cells)
      if (cell.type == "code") read_code_cell(cell);
    number_samples(&extraction_.samples);
    return std::move(extraction_);
  }

 private:
  void read_code_cell(const NotebookCell& cell) {
    std::vector<std::string> lines;
    for (const NotebookLine& line : cell.source) lines.push_back(line.text);
    const int line = cell.source.empty() ? cell.file_line : cell.source.front().file_line;
    if (has_tag(cell, {"skip-execution", "nbval-skip", "skip"}) || has_marker_comment(lines, "NBVAL_SKIP"))
      return skip(line, "cell marked to be skipped: not run");
    const PythonCell python = python_cell(lines);
    if (!python.is_python)
      return skip(line, fmt::format("a {} cell: not Python, not run", python.commands.empty() ? "" : python.commands.front()));
    if (python.only_commands) return skip(line, fmt::format("only IPython commands ({}): nothing to run", python.commands.front()));
    std::size_t begin = python.first_python_line, end = python.lines.size();
    while (begin < end && strip_leading(python.lines[begin]).empty()) ++begin;
    while (end > begin && strip_leading(python.lines[end - 1]).empty()) --end;
    if (std::none_of(python.lines.begin() + static_cast<long>(begin), python.lines.begin() + static_cast<long>(end), is_code_line))
      return;  // empty, or comments only
    if (is_exercise(lines)) return skip(line, "an exercise left to fill in: not run");

    Sample sample;
    CodeRun run;
    for (std::size_t k = begin; k < end; ++k) {
      sample.source.append(python.lines[k]).push_back('\n');
      sample.guide_lines.push_back(cell.source[k].file_line);
      run.lines.emplace_back(strip_leading(python.lines_without_notes[k]));
    }
    sample.first_line = run.first_line = sample.guide_lines.front();
    sample.last_line = run.last_line = sample.guide_lines.back();
    run.guide_lines = sample.guide_lines;
    sample.claims = find_claims(run);
    if (!python.written_file.empty()) {
      // `%%writefile -a` adds to the file: the module is all the cells wrote.
      Sample& written = written_[python.written_file];
      if (python.appends) {
        sample.source.insert(0, written.source);
        sample.guide_lines.insert(sample.guide_lines.begin(), written.guide_lines.begin(), written.guide_lines.end());
      }
      written.source = sample.source;
      written.guide_lines = sample.guide_lines;
      sample.saved_as = python.written_file;
    }
    sample.setup = std::string(kDisplaySetup);
    if (!python.commands.empty())
      note(&sample, line, fmt::format("IPython's {} taken out for the plain run", python.commands.front()));
    if (has_tag(cell, {"nbval-ignore-output"}) || has_marker_comment(lines, "NBVAL_IGNORE_OUTPUT")) {
      note(&sample, line, "outputs marked to be ignored: not judged");
    } else {
      add_output_claims(cell, python.prints_as_shown, &sample);
    }
    extraction_.samples.push_back(std::move(sample));
  }

  // The printed block (stdout and display(), in order), the traceback the
  // cell stopped with, and the value block (the execute_result): each one
  // claim.
  void add_output_claims(const NotebookCell& cell, bool prints_as_shown, Sample* sample) {
    std::vector<NotebookLine> printed, traceback, value;
    std::vector<std::size_t> starts;  // where each printed or displayed output starts in `printed`
    for (const NotebookOutput& output : cell.outputs) {
      if ((output.kind == NotebookOutput::Kind::kStdout || output.kind == NotebookOutput::Kind::kDisplay) &&
          !output.has_image && !output.lines.empty())
        starts.push_back(printed.size());
      switch (output.kind) {
        case NotebookOutput::Kind::kStdout:
          printed.insert(printed.end(), output.lines.begin(), output.lines.end());
          break;
        case NotebookOutput::Kind::kError:
          traceback.insert(traceback.end(), output.lines.begin(), output.lines.end());
          break;
        case NotebookOutput::Kind::kDisplay:
          if (!output.has_image) printed.insert(printed.end(), output.lines.begin(), output.lines.end());
          break;
        case NotebookOutput::Kind::kValue:
          if (!output.has_image) value.insert(value.end(), output.lines.begin(), output.lines.end());
          break;
        case NotebookOutput::Kind::kStderr:
          break;  // warnings: no claim
      }
    }
    if (!prints_as_shown && !printed.empty()) {
      note(sample, printed.front().file_line, "printed by an IPython command a plain run does not have: not judged");
      printed.clear();
    }
    add_block(printed, false, sample, starts);
    add_block(traceback, true, sample);
    add_block(value, true, sample);
  }

  // nbformat writes a cell's outputs before its source: a sample spans both.
  // `alone`: the block shows nothing the cell printed (a value, a traceback).
  // `starts`: where each output it joins begins (Claim::later_parts).
  void add_block(std::vector<NotebookLine> lines, bool alone, Sample* sample, const std::vector<std::size_t>& starts = {}) {
    while (!lines.empty() && strip_leading(lines.back().text).empty()) lines.pop_back();
    if (lines.empty()) return;
    std::vector<std::string> texts;
    for (const NotebookLine& line : lines) texts.push_back(line.text);
    Claim claim = output_block_claim(*sample, texts, lines.front().file_line);
    claim.last_guide_line = lines.back().file_line;
    // Each output is one or more whole lines: a stream's text ends in a newline.
    for (std::size_t start : starts)
      if (start > 0 && start < lines.size())
        claim.later_parts.push_back({static_cast<int>(start), lines[start].file_line});
    if (alone) claim.since_line = claim.anchor_line;
    sample->first_line = std::min(sample->first_line, claim.guide_line);
    add_claim(*sample, std::move(claim));
  }

  void note(Sample* sample, int line, const std::string& message) {
    sample->notes.push_back(format_diagnostic(options_.filename, {line, message}));
  }

  void skip(int line, const std::string& message) {
    extraction_.diagnostics.push_back(format_diagnostic(options_.filename, {line, message}));
  }

  const ReadOptions& options_;
  Extraction extraction_;
  std::map<std::string, Sample> written_;  // by file name: what %%writefile cells wrote so far
};

}  // namespace

Extraction read_notebook(std::string_view text, const ReadOptions& options) {
  return NotebookReader(options).read(text);
}

}  // namespace guidecheck
