#include "command_run.h"

#include <unistd.h>

#include <cstdio>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "fd.h"
#include "scheduler.h"

namespace guidecheck {

int run_command(const RunCommandOptions& options) {
  if (access(options.spec.path.c_str(), R_OK) != 0) {
    spdlog::error("{}: cannot read the file", options.spec.path);
    return 2;
  }
  std::string err;
  auto zygote = Zygote::start(options.zygote, &err);
  if (!zygote) {
    spdlog::error("{}", err);
    return 2;
  }
  ZygoteRunner runner(*zygote, 1);
  RunOutcome outcome = runner.run({options.spec}).front();

  if (options.format == "json") {
    std::puts(to_json(outcome).dump(2).c_str());
    return 0;
  }
  if (options.show_statements) {
    // Pieces split where the inner line changes; the view is per statement.
    for (size_t i = 0; i < outcome.pieces.size(); ++i) {
      const OutputPiece& piece = outcome.pieces[i];
      if (i == 0 || outcome.pieces[i - 1].line != piece.line)
        write_all(1, fmt::format("--- line {} ---\n", piece.line));
      write_all(1, piece.bytes);
    }
  } else {
    write_all(1, outcome.stdout_text);
  }
  write_all(2, outcome.stderr_text);
  if (!outcome.error.empty()) spdlog::error("{}: {}", options.spec.path, outcome.error);
  if (outcome.stdout_truncated) spdlog::warn("{}: stdout truncated at {} bytes", options.spec.path, options.spec.output_cap);
  switch (outcome.status) {
    case RunStatus::kOk: return 0;
    case RunStatus::kTimeout:
      spdlog::error("{}: timed out after {}s", options.spec.path, options.spec.timeout_s);
      return 124;
    case RunStatus::kCrashed: return 128 + outcome.signal.value_or(0);
    case RunStatus::kError: return outcome.exit_code.value_or(1);
  }
  return 1;
}

}  // namespace guidecheck
