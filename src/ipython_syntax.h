#pragma once
// IPython's own syntax in a notebook cell, made plain Python: a kernel
// takes `%matplotlib inline`, `!ls` or `%%time` before Python sees the
// cell; a fresh `python3` would stop at them with a SyntaxError.
//
//   %%writefile helpers.py  -> the cell is the file helpers.py
//   %time total = f()       -> total = f()  # IPython: %time   (timing printed: output not judged)
//   !pip install pandas     -> pass  # IPython: !pip install pandas
//   %matplotlib inline      -> pass  # IPython: %matplotlib inline   (changes nothing printed)
//
// Every line keeps its place (and its indentation), so the cell's lines
// still map to the notebook's; the comment says what the line was.

#include <string>
#include <vector>

namespace guidecheck {

struct PythonCell {
  /// The cell as Python, line for line with the cell.
  std::vector<std::string> lines;
  /// The same without the comments that name the IPython commands: the
  /// lines whose comments may claim output.
  std::vector<std::string> lines_without_notes;
  /// Where the Python starts: after a cell magic's `%%` line, which is no
  /// line of it (a `%%writefile` module's docstring comes first).
  std::size_t first_python_line = 0;
  /// False when the cell is not Python (`%%bash`, `%%html`, `%%writefile
  /// data.csv`...): it is no sample.
  bool is_python = true;
  /// False when an IPython command prints what a plain run does not (a
  /// timing, a shell command's output, `Writing helpers.py`): the cell's
  /// printed output cannot be judged, its value still can.
  bool prints_as_shown = true;
  /// `%%writefile NAME`: the file the cell is; empty otherwise.
  std::string written_file;
  bool appends = false;  ///< `%%writefile -a`: the cell adds to the file
  /// The IPython commands met, for notes ("%%time", "!pip").
  std::vector<std::string> commands;
  /// IPython commands and nothing else but blank lines and comments:
  /// nothing to run.
  bool only_commands = false;
};

/// The cell `lines` (without their '\n') as plain Python.
PythonCell python_cell(const std::vector<std::string>& lines);

}  // namespace guidecheck
