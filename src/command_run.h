#pragma once
// `guidecheck run FILE.py`: one file, the way python3 would run it.

#include <optional>
#include <string>
#include <vector>

#include "runner.h"
#include "zygote.h"

namespace guidecheck {

struct RunCommandOptions {
  RunSpec spec;
  std::string format = "text";  ///< text | json
  bool show_statements = false;  ///< text: each statement's output under its line
  ZygoteOptions zygote;
};

/// Runs the file and prints its outcome. Returns the process exit code: in
/// text format the snippet's own (128+signal when killed, 124 on timeout,
/// like timeout(1)); in json format 0 when the JSON was printed.
int run_command(const RunCommandOptions& options);

}  // namespace guidecheck
