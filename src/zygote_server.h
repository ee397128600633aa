#pragma once
// The zygote process: one initialised interpreter that forks a fresh
// snippet process for every run request, and cleans up after it.

#include <string>
#include <vector>

namespace guidecheck {

struct ZygoteConfig {
  int socket_fd = 3;
  unsigned long hash_seed = 0;
  std::vector<std::string> preload;  ///< modules imported once, before any fork
  std::string executable;            ///< sys.executable
  bool sandbox = true;               ///< runs in the sandbox (sandbox.h), where the kernel allows
  bool unset_bind_now = false;       ///< LD_BIND_NOW was set for the loader only: unset it
  std::vector<std::string> import_dirs;  ///< listed once for every run (ZygoteOptions::import_dirs)
};

/// The sample a zygote holding `preloaded` modules runs once, as it starts,
/// to learn the pages a run writes (write_ahead.h): a small script, and
/// what usual samples do with numpy and pandas where those are preloaded.
std::string write_ahead_probe(const std::vector<std::string>& preloaded);

/// The zygote's command line (what follows `guidecheck __zygote`, or the
/// arguments of the zygote module's serve()), parsed; then zygote_main.
/// Returns the process exit code (2 for a command line it cannot parse).
int zygote_entry(const std::vector<std::string>& args);

/// Entry point of `guidecheck __zygote`: initialises Python (unless the
/// interpreter that loaded the zygote module already runs), preloads, says
/// "ready" on the socket, then serves run requests until the host closes the
/// socket (then ends every run still going). Returns the process exit code.
int zygote_main(const ZygoteConfig& config);

}  // namespace guidecheck
