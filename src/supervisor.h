#pragma once
// The per-run supervisor: the process the zygote forks for each run.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fd.h"
#include "zygote_protocol.h"

namespace guidecheck {

using EnvRestore = std::vector<std::pair<std::string, std::optional<std::string>>>;

/// Becomes a child subreaper, creates the run's empty working directory and
/// forks the snippet process (own process group, fds 0-2 in place, limits,
/// then run_snippet). When the snippet process ends — or the host kills it on
/// a timeout — kills every process it left behind (its group, and any that
/// escaped with setsid: orphans are reparented to the supervisor), removes
/// the working directory and reports an X record on the stdout pipe.
/// Runs no Python code itself. Never returns.
[[noreturn]] void supervise_run(const RunRequest& request, UniqueFd stdin_fd, UniqueFd stdout_fd,
                                UniqueFd stderr_fd, const EnvRestore& env_restore);

/// Pids of the calling process's children, read from /proc.
std::vector<int> child_pids();

}  // namespace guidecheck
