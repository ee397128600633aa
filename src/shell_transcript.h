#pragma once
// A terminal transcript a guide shows after a script: the page asks to save
// the code as a file, then shows the command that runs it and what it
// printed.
//
//   Save it as `inventory.py`, then run it:
//
//   ```console
//   $ python inventory.py
//   3 items
//   ```
//
// The output is a claim on the sample saved under that name (or, when no
// sample has a name, on the sample right before the transcript). Used by
// the Markdown, reST and AsciiDoc readers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims.h"
#include "sample.h"

namespace guidecheck {

/// One `$ python script.py` in a transcript and the lines it printed.
struct ScriptRunShown {
  std::string script;               ///< the file name, without directories: "inventory.py"; "" for a bare `pytest`
  std::string command;              ///< as the page shows it: "python3 inventory.py"
  bool pytest = false;              ///< a pytest run: its output is a test file's session
  /// `python3 -c 'import json; print(json.dumps(1))'`: the code of a
  /// one-liner, unquoted as the shell would; it runs as a sample of its own.
  std::optional<std::string> one_liner;
  /// The script as the command names it, its sys.argv[0]: "./hello.py",
  /// "tools/report.py"; empty for pytest and one-liners.
  std::string typed_script;
  /// `python3 app.py 3 4`: what the script's sys.argv[1:] is.
  std::vector<std::string> args;
  /// `echo 3 | python3 app.py`, `printf 'a\nb\n' | ...`: what it reads.
  std::optional<std::string> stdin_text;
  int command_line = 0;             ///< guide line of the command
  int first_output_line = 0;        ///< guide line of the first output line; 0 when it printed nothing
  std::vector<std::string> output;  ///< the printed lines, trailing blank lines dropped
};

/// The runs of a Python script in a transcript (`lines[k]` is guide line
/// first_guide_line + k): a prompt (`$ `, `% `, a path or user@host before
/// them, `(venv) $ `, PowerShell's `PS C:\code> `, cmd.exe's `C:\code>`),
/// then `python`, `python3` or `py` (or nothing: `./app.py`, made
/// executable) with flags that change nothing printed
/// (`-u`, `-B`, the launcher's `-3.11`), one `.py` file and its arguments
/// as the shell splits them, maybe after `echo ... |` or `printf '...' |`
/// (its stdin); or pytest (`pytest -q`, `python -m pytest test_x.py`) with
/// options that do not pick among the tests, at most one file; or a
/// one-liner (`python3 -c '...'`, the code in single or double quotes).
/// Other commands, and their output, are skipped.
std::vector<ScriptRunShown> script_runs_shown(const std::vector<std::string>& lines, int first_guide_line);

/// Adds `claim`, the output `run` shows, to `sample` (the script it ran),
/// with a note in `filename` that says where that output came from. A
/// pytest run claims only a test file's output (Sample::pytest_file), and a
/// script's run only a script's.
void add_script_run_claim(Sample& sample, Claim claim, const ScriptRunShown& run, std::string_view filename);

/// The sample a one-liner (ScriptRunShown::one_liner) is, in a fresh
/// interpreter of its own: its code on the command's guide line, and what
/// the transcript shows it printed as an output block. nullopt for any
/// other run, and for a one-liner the page shows no output of.
std::optional<Sample> one_liner_sample(const ScriptRunShown& run, std::string_view filename);

/// A script run with arguments or piped input (`python3 add.py 3 4`, `echo
/// 3 | python3 app.py`): a sample of its own, the script's code with its
/// sys.argv or stdin set first (Sample::setup), what the transcript shows
/// it printed its claim. nullopt for a run with neither, a pytest run, and
/// a run the page shows no output of.
std::optional<Sample> script_run_sample(const ScriptRunShown& run, const Sample& script, std::string_view filename);

/// What `run` printed (`claim`) as a claim on `script`, the sample it ran:
/// its arguments or stdin become the script's own (Sample::setup) while
/// the script claims nothing yet (its only run shown takes them); a later
/// run with other input is a sample of its own (script_run_sample), which
/// the caller adds.
std::optional<Sample> claim_script_run(Sample& script, Claim claim, const ScriptRunShown& run,
                                       std::string_view filename);

/// The last file name ending in `.py` that `text` mentions ("Save it as
/// `inventory.py`:", "# file: app/main.py"), without directories.
std::optional<std::string> script_name_in(std::string_view text);

}  // namespace guidecheck
