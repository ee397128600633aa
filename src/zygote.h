#pragma once
// Host-side handle of a zygote process.

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fd.h"
#include "zygote_protocol.h"

namespace guidecheck {

struct ZygoteOptions {
  /// Imported once in the zygote; every run starts with them in sys.modules.
  /// Empty: every run gets a pristine interpreter (slower for heavy imports).
  std::vector<std::string> preload = {"numpy", "pandas", "pytest"};
  unsigned long hash_seed = 0;
  std::string executable;  ///< sys.executable; empty: the one built in
  /// Each run in a sandbox (sandbox.h); off: runs see the caller's world.
  bool sandbox = true;
  /// The guidecheck binary that serves as zygote (it re-executes itself),
  /// where `module` is "".
  std::string program = "/proc/self/exe";
  /// The zygote module (zygote_module.cc) that `executable` loads to serve
  /// the runs: they are then python3's own processes, which run Python
  /// code faster than guidecheck's embedded interpreter. Unset: the one
  /// beside `program` (zygote_module_beside); "": none, `program` serves.
  std::optional<std::string> module;
  /// The directories the runs' files are in. python3 puts a script's own
  /// directory first on sys.path, and the first import that looks there
  /// lists it: the zygote lists each once, before it forks, so that no run
  /// lists it again (10 000 samples in one directory made each run that
  /// imported a module not yet loaded list 10 000 names). Changes no
  /// outcome: not part of the zygote's identity.
  std::vector<std::string> import_dirs;
};

/// The file name of the zygote module as it is built and installed.
inline constexpr const char* kZygoteModuleName = "guidecheck_zygote.so";

/// The zygote module beside the guidecheck binary `program` (or in its
/// ../lib/guidecheck, where it is installed); "" when there is none.
std::string zygote_module_beside(const std::string& program);

/// The zygote module `options` asks for; "" for none.
std::string zygote_module(const ZygoteOptions& options);

/// A running zygote: `python3 -c` with the zygote module loaded, or
/// `guidecheck __zygote` (ZygoteOptions::module).
/// It initialises in the background; requests sent meanwhile queue up.
class Zygote {
 public:
  static std::unique_ptr<Zygote> start(const ZygoteOptions& options, std::string* err);
  ~Zygote();
  Zygote(const Zygote&) = delete;
  Zygote& operator=(const Zygote&) = delete;

  /// Hands one run to the zygote with the run's stdin, stdout and stderr.
  bool submit(const RunRequest& request, int stdin_fd, int stdout_fd, int stderr_fd, std::string* err);
  /// Asks the zygote to kill the run it reported as `pid` (and its group).
  void kill_run(int pid);
  /// Socket to poll for the zygote's status messages.
  int socket() const { return socket_.get(); }
  /// Reads one status message after poll() said the socket is readable.
  /// Returns false when the zygote is gone (with *err saying why).
  bool read_status(std::string* err);
  bool alive() const { return alive_; }
  /// It said it is ready (its modules are imported): a run starts at once.
  bool ready() const { return ready_; }
  /// Once ready: how many pages each run copies in ahead (write_ahead.h; 0: none learned).
  size_t write_ahead_pages() const { return write_ahead_pages_; }
  pid_t pid() const { return pid_; }
  const ZygoteOptions& options() const { return options_; }

 private:
  Zygote(UniqueFd socket, pid_t pid, ZygoteOptions options)
      : socket_(std::move(socket)), pid_(pid), options_(std::move(options)) {}
  UniqueFd socket_;
  pid_t pid_;
  ZygoteOptions options_;
  bool alive_ = true;
  bool ready_ = false;
  size_t write_ahead_pages_ = 0;
};

/// The identity of the interpreter a zygote with these options gives its
/// runs: executable, CPython version and build, whether the runs are the
/// executable's own processes (the zygote module) or ours, preloaded modules, hash
/// seed, and guidecheck's own version (Runner::interpreter_identity).
std::string zygote_identity(const ZygoteOptions& options);

}  // namespace guidecheck
