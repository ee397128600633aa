#pragma once
// The sandbox a sample runs in, built from kernel namespaces (no helper
// process, no exec: the zygote's fork stays the only cost that matters).
//
// Once per zygote, `enter_zygote_namespaces`: the zygote becomes PID 1 of
// its own PID namespace (when it dies, the kernel kills every process a
// sample left, setsid escapees included, and no sample can signal it), with
// its own network namespace (loopback only), mount namespace (a /proc that
// shows only this check's processes), IPC and UTS namespaces, and, when not
// run as root, a user namespace that maps the caller to itself.
//
// Per run, `confine_run` in the forked child: a mount namespace whose only
// writable places are the run's own size-bounded tmpfs (its working
// directory, /tmp and /dev/shm) and the paths a directive names; no
// capabilities and no_new_privs; Landlock scoping where the kernel has it
// (no signals to, and no ptrace of, other samples); bounds on file size and
// processes.

#include <cstdint>
#include <string>
#include <vector>

namespace guidecheck {

/// What one run may do beyond the default (guidecheck.toml directives).
struct SandboxPolicy {
  bool network = false;                ///< `network = true`: the host's network
  std::vector<std::string> writable;   ///< absolute paths it may write
  std::vector<std::string> env;        ///< "NAME" (passed through) or "NAME=value"
};

/// Limits every sandboxed run gets.
constexpr uint64_t kRunDiskBytes = 1ull << 30;  ///< tmpfs of the working dir, /tmp and /dev/shm
constexpr uint64_t kRunFileBytes = 1ull << 30;  ///< RLIMIT_FSIZE
constexpr uint64_t kRunProcesses = 512;         ///< RLIMIT_NPROC (not enforced for real root)

/// Called by the zygote while it has one thread (before it starts Python, or
/// before the python3 that loaded it preloads anything). On success the calling
/// process has forked: the parent only waits for the child and exits with
/// its status (it never returns from here); the child returns "" and is PID
/// 1 of the new namespaces. On failure nothing was forked and the reason is
/// returned ("the kernel refused a user namespace: Operation not permitted").
std::string enter_zygote_namespaces(int keep_fd);

/// Where a run lives: `root` is created by the zygote (empty); `confine_run`
/// mounts the run's tmpfs on it, with `work`, `tmp` and `shm` inside.
struct RunDirs {
  std::string root;
  std::string work() const { return root + "/work"; }
};

/// In the forked child, before anything of the sample runs; `script` is the
/// file it runs (its directory stays readable, read-only, even under /tmp). Returns
/// false with *err when the sandbox cannot be built (the run then fails; it
/// never runs unconfined by surprise).
bool confine_run(const RunDirs& dirs, const std::string& script, const SandboxPolicy& policy, std::string* err);

/// Without a sandbox the working directory is made on disk, under root.
bool make_unconfined_run_dirs(const RunDirs& dirs, std::string* err);

/// An `env` entry: "NAME" or "NAME=value", NAME a shell variable name.
bool is_env_entry(const std::string& entry);

/// The environment a sandboxed sample sees: PATH, LANG, LC_*, TZ and TERM
/// from `inherited` ("NAME=value" entries), HOME = its working directory,
/// TMPDIR = /tmp, then the policy's own entries.
std::vector<std::string> sandboxed_environment(const std::vector<std::string>& inherited, const std::string& home,
                                               const SandboxPolicy& policy);

}  // namespace guidecheck
