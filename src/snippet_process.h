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

using EnvRestore = std::vector<std::pair<std::string, std::optional<std::string>>>;

/// In the freshly forked child: own session and process group, subreaper for its own descendants (an orphan of the snippet's
/// tree stays below it while it runs, and reaches the zygote only after it
/// has ended), fds 0-2 in place and all others closed, the sandbox (or an
/// unconfined working directory), rlimits, then the snippet. Never returns.
[[noreturn]] void become_snippet_process(const RunRequest& request, const RunDirs& dirs, bool sandboxed,
                                         int stdin_fd, int stdout_fd, int stderr_fd, const EnvRestore& env_restore);

/// A new empty directory under $TMPDIR (or /tmp) for one run; empty on
/// failure. The run's working directory is made inside it (RunDirs).
std::string make_work_dir();
/// Removes a directory tree without following symlinks (best effort).
void remove_tree(const std::string& path);
/// Pids of the calling process's children, read from /proc.
std::vector<int> child_pids();

}  // namespace guidecheck
