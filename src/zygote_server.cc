#include "zygote_server.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

#include "embedded_python.h"
#include "module_list.h"
#include "monotonic_clock.h"
#include "process_bound.h"
#include "resource_limits.h"
#include "run_environment.h"
#include "sandbox.h"
#include "snippet_main.h"
#include "snippet_process.h"
#include "write_ahead.h"
#include "zygote_protocol.h"

namespace guidecheck {
namespace {

extern "C" char** environ;

// Native libraries pre-imported into the zygote must not start threads:
// fork() copies only the calling thread. Rationale: importing pandas starts
// numexpr and OpenBLAS pools unless told otherwise.
const char* const kSingleThreadVars[] = {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                                         "NUMEXPR_MAX_THREADS", "NUMEXPR_NUM_THREADS"};

// Prepares the environment the snippets inherit: no PYTHON* variables (a
// check must not depend on the caller's PYTHONUNBUFFERED or PYTHONPATH), and
// single-threaded native pools while the zygote preloads. Returns what the
// snippets must see instead of the latter.
EnvChanges prepare_environment() {
  std::vector<std::string> python_vars;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    if (entry.rfind("PYTHON", 0) == 0) python_vars.push_back(entry.substr(0, entry.find('=')));
  }
  for (const auto& name : python_vars) unsetenv(name.c_str());

  EnvChanges restore;
  for (const char* name : kSingleThreadVars) {
    const char* old = std::getenv(name);
    restore.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
    setenv(name, "1", 1);
  }
  return restore;
}

int thread_count() {
  std::error_code ec;
  int count = 0;
  for ([[maybe_unused]] auto& entry : std::filesystem::directory_iterator("/proc/self/task", ec)) ++count;
  return count;
}

// The process and every process of its group (a run leads its own).
void kill_group_and_leader(pid_t pid) {
  kill(-pid, SIGKILL);
  kill(pid, SIGKILL);
}

// The probe run that teaches the zygote which pages a run's setup writes
// (see write_ahead.h): what every run does, and no more (streams, __main__,
// compiling, printing). Pages that only some samples write are left to
// fault in: written ahead in every run they cost more than they save (a
// richer probe, with comprehensions, a dict, a def and an f-string, wrote
// 185 pages ahead instead of 155, and checks of 1000 small samples took 2 %
// more CPU, of 1000 trivial ones 6 %).
constexpr const char* kProbeSample = "print('probe', 1)\n";
// What a usual sample does with a preloaded module: every run in a loaded
// zygote imports one of them (that is why it runs there), so their common
// paths are part of its setup too.
struct PreloadProbe {
  const char* module;
  const char* code;
};
constexpr PreloadProbe kPreloadProbes[] = {
    {"numpy",
     "import numpy as np\n"
     "values = np.arange(12, dtype=float).reshape(3, 4)\n"
     "print(values * 2, values.sum(), values.mean(axis=0), values[values > 5])\n"},
    {"pandas",
     "import pandas as pd\n"
     "frame = pd.DataFrame({'name': ['Ada', 'Bo', 'Cy'], 'score': [91.5, 78.0, 85.25], 'year': [1, 2, 1]})\n"
     "print(frame)\n"
     "print(frame[frame['score'] > 80].sort_values('score'))\n"
     "print(frame.groupby('year')['score'].mean())\n"
     "print(frame.describe())\n"},
};

}  // namespace

std::string write_ahead_probe(const std::vector<std::string>& preloaded) {
  std::string code = kProbeSample;
  for (const PreloadProbe& probe : kPreloadProbes)
    if (std::find(preloaded.begin(), preloaded.end(), probe.module) != preloaded.end()) code += probe.code;
  return code;
}

namespace {
// How long the probe may take before it is given up (it takes milliseconds).
constexpr int kProbeMillis = 10000;

// One run from fork to report. The zygote keeps the run's stdout to write
// the final record once nothing of the run is left.
struct Run {
  std::string marker;
  UniqueFd stdout_fd;
  std::string owned_dir;  ///< its own directory (unsandboxed), removed after it
  long long started = 0;
  bool ended = false;
  int wait_status = 0;
  long long micros = 0;
  long max_rss_kb = 0;
  long long cpu_micros = 0;
  int leftovers_killed = 0;
};

// The one directory every sandboxed run mounts its tmpfs on, removed however
// the zygote ends (also when the host is gone before it is ready).
class RunRoot {
 public:
  explicit RunRoot(std::string path) : path_(std::move(path)) {}
  ~RunRoot() {
    if (!path_.empty()) rmdir(path_.c_str());
  }
  RunRoot(const RunRoot&) = delete;
  RunRoot& operator=(const RunRoot&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Children, and the signals that end us (the host's death arrives as
// SIGTERM): blocked, for serve() to read from a signalfd. Runs reset their mask.
sigset_t block_events() {
  sigset_t events;
  sigemptyset(&events);
  for (int signo : {SIGCHLD, SIGTERM, SIGHUP, SIGINT, SIGQUIT}) sigaddset(&events, signo);
  sigprocmask(SIG_BLOCK, &events, nullptr);
  return events;
}

class ZygoteServer {
 public:
  ZygoteServer(int socket, std::vector<std::string> inherited, bool sandboxed,
               std::optional<ProcessBound> process_bound, std::string temp_dir, std::string run_root)
      : socket_(socket),
        inherited_(std::move(inherited)),
        sandboxed_(sandboxed),
        process_bound_(std::move(process_bound)),
        temp_dir_(std::move(temp_dir)),
        run_root_(std::move(run_root)) {}

  /// Runs the probe through the same path as every run (sandbox included),
  /// its output discarded, and keeps the pages it wrote for every later run
  /// to write ahead. Returns how many pages that is (0: nothing learned).
  size_t learn_write_ahead(const std::vector<std::string>& preloaded) {
    block_events();  // a signal now waits for serve(), which cleans up after itself
    const std::string probe_dir = make_work_dir(temp_dir_), owned_dir = own_run_dir();
    const std::string run_dir = sandboxed_ ? run_root_ : owned_dir;
    std::string ignored;
    if (!probe_dir.empty() && !run_dir.empty() &&
        (!process_bound_ || process_bound_->allow_runs(1, kRunProcesses, &ignored)))
      write_ahead_ = pages_of_probe(probe_dir + "/probe.py", write_ahead_probe(preloaded), run_dir);
    if (process_bound_) process_bound_->allow_runs(0, kRunProcesses, &ignored);
    if (!owned_dir.empty()) remove_tree(owned_dir);
    if (!probe_dir.empty()) remove_tree(probe_dir);
    return page_count(write_ahead_);
  }

  int serve() {
    // On a signal that ends us, every run is killed and its directory removed first.
    sigset_t events = block_events();
    UniqueFd child_events(signalfd(-1, &events, SFD_CLOEXEC | SFD_NONBLOCK));
    for (;;) {
      struct pollfd fds[2] = {{socket_, POLLIN, 0}, {child_events.get(), POLLIN, 0}};
      // While a run waits for its leftovers to die, look again soon even if
      // no signal comes (an orphan reparented to us sends none).
      int ready = poll(fds, 2, waiting_for_leftovers() ? 5 : -1);
      if (ready < 0 && errno != EINTR) return shutdown(1);
      if (fds[1].revents) {
        struct signalfd_siginfo info;
        while (read(child_events.get(), &info, sizeof info) > 0)
          if (info.ssi_signo != SIGCHLD) return shutdown(128 + static_cast<int>(info.ssi_signo));
      }
      reap_and_sweep();
      if (ready > 0 && fds[0].revents) {
        std::string data, err;
        std::vector<UniqueFd> received;
        if (!receive_message(socket_, &data, &received, &err)) return shutdown(err.empty() ? 0 : 1);
        start_run(data, std::move(received));
      }
    }
  }

 private:
  /// The pages a run of `code` (written to `script`) wrote, living in
  /// `work_dir`; empty when it could not run.
  std::vector<PageRange> pages_of_probe(const std::string& script, const std::string& code,
                                        const std::string& work_dir) {
    UniqueFd script_fd(open(script.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    // Its output goes to a pipe, as a run's does (the prepared streams are
    // made for one); it writes far less than a pipe holds.
    UniqueFd null_in(open("/dev/null", O_RDONLY | O_CLOEXEC));
    Pipe out;
    std::string err;
    if (!script_fd || !null_in || !Pipe::create(&out, &err) || !write_all(script_fd.get(), code)) return {};
    script_fd.reset();
    WrittenPagesReport report;
    const std::vector<PageRange> mappings = private_writable_mappings();
    RunRequest request{script, {}, "guidecheck-probe:", SnippetMode::kScript, 0, {}, false, {}, {}};
    before_fork();
    const pid_t pid = fork();
    if (pid == 0) {
      close(socket_);
      report.arm(mappings);
      become_snippet_process(request, RunDirs{work_dir}, sandboxed_, null_in.get(), out.write_end.get(),
                             out.write_end.get(), inherited_);
    }
    after_fork_parent();
    if (pid < 0) return {};
    int status = 0;
    for (int waited = 0; waitpid(pid, &status, WNOHANG) == 0; ++waited) {
      if (waited == kProbeMillis) {
        kill_group_and_leader(pid);
        waitpid(pid, &status, 0);
        break;
      }
      usleep(1000);
    }
    kill(-pid, SIGKILL);
    return report.ranges();
  }

  bool waiting_for_leftovers() const {
    for (const auto& [pid, run] : runs_)
      if (run.ended) return true;
    return false;
  }

  void start_run(const std::string& data, std::vector<UniqueFd> fds) {
    RunRequest request;
    std::string err;
    int kill_pid = 0;
    if (decode_message(data, &request, &kill_pid, &err) && kill_pid > 0) {
      // Only a run of ours that is still going: never a pid reused since.
      if (auto it = runs_.find(kill_pid); it != runs_.end() && !it->second.ended) {
        kill_group_and_leader(kill_pid);
      }
      return;
    }
    if (fds.size() != 3) return;  // nowhere to report: the host gets EOF
    if (!err.empty()) {
      write_all(fds[1].get(), "guidecheck zygote: " + err + "\n");
      return;
    }
    std::string owned_dir = own_run_dir();
    const std::string run_dir = sandboxed_ ? run_root_ : owned_dir;
    if (run_dir.empty()) {
      write_all(fds[1].get(), fmt::format("{}Ecannot create a working directory: {}\n", request.marker, strerror(errno)));
      return;
    }
    if (process_bound_ && !process_bound_->allow_runs(static_cast<int>(runs_.size()) + 1, kRunProcesses, &err)) {
      write_all(fds[1].get(), fmt::format("{}Ecannot bound its processes: {}\n", request.marker, err));
      if (!owned_dir.empty()) remove_tree(owned_dir);
      return;
    }
    long long started = monotonic_micros();
    before_fork();
    pid_t pid = fork();
    if (pid == 0) {
      write_ahead(write_ahead_);
      close(socket_);
      become_snippet_process(request, RunDirs{run_dir}, sandboxed_, fds[0].get(), fds[1].get(), fds[2].get(),
                             inherited_);
    }
    after_fork_parent();
    if (pid < 0) {
      write_all(fds[1].get(), fmt::format("{}Ecannot fork: {}\n", request.marker, strerror(errno)));
      if (!owned_dir.empty()) remove_tree(owned_dir);
      return;
    }
    write_all(fds[1].get(), fmt::format("{}C{}\n", request.marker, pid));
    Run& run = runs_[pid];
    run.marker = request.marker;
    run.stdout_fd = std::move(fds[1]);
    run.owned_dir = std::move(owned_dir);
    run.started = started;
  }

  void reap_and_sweep() {
    for (;;) {
      int status = 0;
      struct rusage usage{};
      pid_t pid = wait4(-1, &status, WNOHANG, &usage);
      if (pid <= 0) break;
      auto it = runs_.find(pid);
      if (it == runs_.end()) continue;  // a leftover we killed
      Run& run = it->second;
      run.ended = true;
      run.wait_status = status;
      run.micros = monotonic_micros() - run.started;
      run.max_rss_kb = usage.ru_maxrss;
      run.cpu_micros = cpu_micros_of(usage);
      kill(-pid, SIGKILL);  // the rest of its process group, e.g. pool workers
    }
    if (!waiting_for_leftovers()) return;
    // Any child that is not a running snippet was left by one that ended:
    // while a snippet runs, its orphans are reparented to it, not to us.
    int killed = 0;
    for (int pid : child_pids()) {
      auto it = runs_.find(pid);
      if (it != runs_.end() && !it->second.ended) continue;
      kill_group_and_leader(pid);  // a setsid escapee leads its own group
      ++killed;
    }
    for (auto it = runs_.begin(); it != runs_.end();) {
      Run& run = it->second;
      if (!run.ended) {
        ++it;
        continue;
      }
      run.leftovers_killed += killed;
      if (killed) {
        ++it;
        continue;  // report once they are gone
      }
      if (!run.owned_dir.empty()) remove_tree(run.owned_dir);
      write_all(run.stdout_fd.get(), fmt::format("{}X{},{},{},{},{}\n", run.marker, run.wait_status, run.micros,
                                                 run.max_rss_kb, run.leftovers_killed, run.cpu_micros));
      it = runs_.erase(it);
      std::string ignored;  // a bound that stays higher is still a bound
      if (process_bound_) process_bound_->allow_runs(static_cast<int>(runs_.size()), kRunProcesses, &ignored);
    }
  }

  int shutdown(int code) {
    for (auto& [pid, run] : runs_) {
      kill_group_and_leader(pid);
    }
    for (int i = 0; i < 300 && !runs_.empty(); ++i) {
      reap_and_sweep();
      if (!runs_.empty()) usleep(10000);
    }
    for (int pid : child_pids()) {
      kill_group_and_leader(pid);
    }
    return code;
  }

  // Unsandboxed, each run has a directory of its own on disk. Sandboxed,
  // each mounts its own tmpfs on the one run root, in its own mount
  // namespace: no directory to make and remove on disk for every run.
  std::string own_run_dir() const { return sandboxed_ ? "" : make_work_dir(temp_dir_); }

  int socket_;
  std::vector<std::string> inherited_;  ///< what an unsandboxed run inherits (run_environment.h)
  bool sandboxed_;
  std::optional<ProcessBound> process_bound_;  ///< under root, whom RLIMIT_NPROC does not bind
  std::string temp_dir_;  ///< where run directories go: the caller's $TMPDIR
  std::string run_root_;  ///< sandboxed: where every run mounts its tmpfs
  std::vector<PageRange> write_ahead_;  ///< what every run copies in at once after the fork
  std::map<pid_t, Run> runs_;
};

}  // namespace

int zygote_entry(const std::vector<std::string>& args) {
  CLI::App app{"guidecheck zygote"};
  ZygoteConfig config;
  std::string preload;
  app.add_option("--socket-fd", config.socket_fd);
  app.add_option("--hash-seed", config.hash_seed);
  app.add_option("--preload", preload);
  app.add_option("--executable", config.executable);
  app.add_flag("!--no-sandbox", config.sandbox);
  app.add_flag("--unset-bind-now", config.unset_bind_now);
  app.add_option("--import-dir", config.import_dirs);
  try {
    app.parse(std::vector<std::string>(args.rbegin(), args.rend()));  // CLI11 takes them last first
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  config.preload = split_module_list(preload);
  return zygote_main(config);
}

int zygote_main(const ZygoteConfig& config) {
  // Our own process group: a Ctrl-C on the terminal reaches the host, which
  // decides; the zygote follows the socket. If the host dies, so do we.
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (config.unset_bind_now) unsetenv("LD_BIND_NOW");  // the loader has read it; samples must not
  signal(SIGPIPE, SIG_IGN);
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  // Before Python starts (loaded as a module, python3 has, but runs no
  // second thread yet): entering the namespaces forks (see sandbox.h).
  const std::string sandbox_off = config.sandbox ? enter_zygote_namespaces(config.socket_fd) : "";

  const EnvChanges zygote_only = prepare_environment();
  // Loaded as a module, the interpreter took its os.environ before these changes.
  if (interpreter_running()) mirror_environment();
  const std::string temp_dir = temp_directory();  // the runs' own environment has another
  nlohmann::json ready{{"type", "ready"}, {"pid", getpid()}, {"sandbox_off", sandbox_off}};
  std::string err;
  InterpreterConfig interpreter;
  interpreter.hash_seed = config.hash_seed;
  if (!config.executable.empty()) interpreter.executable = config.executable;
  if (!start_interpreter(interpreter, &err)) {
    ready = {{"type", "error"}, {"message", "cannot start Python: " + err}};
    send_message(config.socket_fd, ready.dump(), {}, &err);
    return 1;
  }
  ready["python"] = python_version();
  ready["hash_seed"] = config.hash_seed;
  std::vector<std::string> noisy;
  const std::vector<std::string> failures = preload_modules(config.preload, &noisy);
  ready["preload_failures"] = failures;
  ready["preload_printed"] = noisy;
  std::vector<std::string> preloaded;  // what the zygote holds now
  for (const std::string& module : config.preload)
    if (std::find(failures.begin(), failures.end(), module) == failures.end() &&
        std::find(noisy.begin(), noisy.end(), module) == noisy.end())
      preloaded.push_back(module);
  prepare_snippet_runtime();
  list_import_dirs(config.import_dirs);
  const bool sandboxed = config.sandbox && sandbox_off.empty();
  const RunRoot run_root(sandboxed ? make_work_dir(temp_dir) : "");
  // Worn before the fork: a run without `env` entries then changes nothing.
  const std::vector<std::string> inherited = with_changes(current_environment(), zygote_only);
  put_on_environment(environment_changes(
      current_environment(), run_environment(inherited, sandboxed, RunDirs{run_root.path()}.work(), SandboxPolicy{})));
  freeze_heap();
  ready["threads"] = thread_count();
  std::optional<ProcessBound> process_bound;
  if (sandboxed && geteuid() == 0) {
    std::string why_not;
    process_bound = ProcessBound::enter(&why_not);
    if (!process_bound) ready["process_bound_off"] = why_not;
  }
  ZygoteServer server(config.socket_fd, inherited, sandboxed, std::move(process_bound), temp_dir, run_root.path());
  learn_write_ahead_batching();
  ready["write_ahead_pages"] = server.learn_write_ahead(preloaded);
  remember_mapped_bytes();
  if (!send_message(config.socket_fd, ready.dump(), {}, &err)) return 1;
  return server.serve();
}

}  // namespace guidecheck
