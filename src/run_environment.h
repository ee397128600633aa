#pragma once
// The environment a run sees, and the changes that give it to a process.
// The zygote puts on the environment of a run without directives once,
// before it forks: a usual run then changes no variable. Each change is
// Python work in the run (os.environ) and pages it copies.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sandbox.h"

namespace guidecheck {

/// Variables to set (a value) or unset (nullopt), in order.
using EnvChanges = std::vector<std::pair<std::string, std::optional<std::string>>>;

/// This process's environment as "NAME=value" entries.
std::vector<std::string> current_environment();

/// `environment` with `changes` applied.
std::vector<std::string> with_changes(std::vector<std::string> environment, const EnvChanges& changes);

/// What a run with `policy` sees: sandboxed, the sandbox's allowlist of
/// `inherited` (sandboxed_environment, HOME = `home`); otherwise all of
/// `inherited`, with the policy's NAME=value entries set.
std::vector<std::string> run_environment(const std::vector<std::string>& inherited, bool sandboxed,
                                         const std::string& home, const SandboxPolicy& policy);

/// What turns `current` into `wanted`: the names `wanted` lacks unset, the
/// values that differ set. Empty when the two agree.
EnvChanges environment_changes(const std::vector<std::string>& current, const std::vector<std::string>& wanted);

}  // namespace guidecheck
