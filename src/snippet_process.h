#pragma once
// The snippet process: what a child of the zygote does between fork() and
// running the snippet, and the helpers the zygote uses to clean up after it.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sandbox.h"
#include "zygote_protocol.h"

namespace guidecheck {

/// In the freshly forked child: own session and process group, subreaper for its own descendants (an orphan of the snippet's
/// tree stays below it while it runs, and reaches the zygote only after it
/// has ended), fds 0-2 in place and all others closed, the sandbox (or an
/// unconfined working directory), rlimits, then the snippet. `inherited`
/// is the environment an unsandboxed run inherits: a run with `env`
/// entries sees run_environment() of it; every other run, the zygote's own.
/// Never returns.
[[noreturn]] void become_snippet_process(const RunRequest& request, const RunDirs& dirs, bool sandboxed,
                                         int stdin_fd, int stdout_fd, int stderr_fd,
                                         const std::vector<std::string>& inherited);

/// $TMPDIR, or /tmp.
std::string temp_directory();
/// A new empty directory in `parent`, for runs; empty on failure. A run's
/// working directory is made inside it (RunDirs).
std::string make_work_dir(const std::string& parent);
/// Removes a directory tree without following symlinks (best effort).
void remove_tree(const std::string& path);
/// Pids of the calling process's children, read from /proc.
std::vector<int> child_pids();

}  // namespace guidecheck
