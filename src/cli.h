#pragma once
// The command line: subcommands and their options (CLI11).

namespace guidecheck {

/// Parses the arguments, runs the command and returns the exit code:
/// 0 success, 1 failures found, 2 usage or configuration error.
int run_cli(int argc, char** argv);

}  // namespace guidecheck
