#pragma once
// A Jupyter notebook file (nbformat 4, as Jupyter, Colab and VS Code save
// it) read into its cells and outputs, each line with the line of the file
// that holds it, so that claims and annotations point into the .ipynb.
//
// nbformat keeps a cell's source and an output's text as a list of strings
// (one a line, each on its own line of the file) or as one string; either
// way a line here carries the file line of the string it starts in.

#include <string>
#include <string_view>
#include <vector>

namespace guidecheck {

/// One line of a cell's source or of an output, without its '\n'.
struct NotebookLine {
  std::string text;
  int file_line = 0;  ///< 1-based line of the .ipynb that holds it
};

struct NotebookOutput {
  enum class Kind {
    kStdout,   ///< a `stream` named stdout
    kStderr,   ///< a `stream` named stderr
    kValue,    ///< an `execute_result`: the value of the cell's last expression
    kDisplay,  ///< a `display_data`: what display() showed
    kError,    ///< an `error`: the traceback, colour codes taken out
  };
  Kind kind = Kind::kStdout;
  /// Stream text, the `text/plain` of a result or display, or the traceback.
  std::vector<NotebookLine> lines;
  /// A result or display that holds a picture (`image/png`...): its
  /// `text/plain` is only a stand-in (`<Figure size 640x480 with 1 Axes>`).
  bool has_image = false;
};

struct NotebookCell {
  std::string type;  ///< "code", "markdown" or "raw"
  std::vector<NotebookLine> source;
  std::vector<NotebookOutput> outputs;  ///< in the order the notebook shows them
  bool executed = false;                ///< it has an execution count: someone ran it
  std::vector<std::string> tags;        ///< metadata.tags (`skip-execution`, `nbval-skip`...)
  int file_line = 0;                    ///< where the cell's object starts
};

struct Notebook {
  /// The kernel's language (metadata.kernelspec.language, else
  /// metadata.language_info.name), lower case; empty when not given.
  std::string language;
  std::vector<NotebookCell> cells;
};

/// Parses the text of an .ipynb file. False with *err ("12: expected ...")
/// when it is not JSON or not a notebook of nbformat 4.
bool parse_notebook(std::string_view text, Notebook* notebook, std::string* err);

/// `text` without ANSI colour and cursor sequences (`\x1b[0;31m`), as a
/// terminal shows it: IPython colours its tracebacks.
std::string without_ansi_codes(std::string_view text);

}  // namespace guidecheck
