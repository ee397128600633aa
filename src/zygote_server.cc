#include "zygote_server.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "embedded_python.h"
#include "supervisor.h"
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
// single-threaded native pools for the zygote only. Returns what the
// snippets must see instead of the latter.
EnvRestore prepare_environment() {
  std::vector<std::string> python_vars;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    if (entry.rfind("PYTHON", 0) == 0) python_vars.push_back(entry.substr(0, entry.find('=')));
  }
  for (const auto& name : python_vars) unsetenv(name.c_str());

  EnvRestore restore;
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

class ZygoteServer {
 public:
  ZygoteServer(int socket, EnvRestore env_restore) : socket_(socket), env_restore_(std::move(env_restore)) {}

  int serve() {
    for (;;) {
      struct pollfd pfd{socket_, POLLIN, 0};
      int ready = poll(&pfd, 1, 200);
      reap();
      if (ready < 0 && errno != EINTR) return shutdown(1);
      if (ready <= 0) continue;
      std::string data, err;
      std::vector<UniqueFd> fds;
      if (!receive_message(socket_, &data, &fds, &err)) return shutdown(err.empty() ? 0 : 1);
      start_run(data, std::move(fds));
    }
  }

 private:
  void start_run(const std::string& data, std::vector<UniqueFd> fds) {
    RunRequest request;
    std::string err;
    if (fds.size() != 3) return;  // nowhere to report: the host gets EOF
    if (!decode_request(data, &request, &err)) {
      write_all(fds[1].get(), "guidecheck zygote: " + err + "\n");
      return;
    }
    before_fork();
    pid_t pid = fork();
    if (pid == 0) {
      close(socket_);
      supervise_run(request, std::move(fds[0]), std::move(fds[1]), std::move(fds[2]), env_restore_);
    }
    after_fork_parent();
    if (pid < 0) {
      write_all(fds[1].get(), request.marker + "Ecannot fork: " + strerror(errno) + "\n");
      return;
    }
    supervisors_.insert(pid);
  }

  void reap() {
    for (;;) {
      int status;
      pid_t pid = waitpid(-1, &status, WNOHANG);
      if (pid <= 0) return;
      bool was_supervisor = supervisors_.erase(pid) > 0;
      // A supervisor that died abnormally leaves its run's processes to us
      // (we are a subreaper too): nothing of a run may outlive it.
      if (was_supervisor && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) kill_strays();
    }
  }

  void kill_strays() {
    for (int pid : child_pids())
      if (!supervisors_.count(pid)) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
      }
  }

  int shutdown(int code) {
    for (pid_t pid : supervisors_) kill(pid, SIGTERM);
    for (int i = 0; i < 300 && !supervisors_.empty(); ++i) {
      usleep(10000);
      reap();
    }
    for (pid_t pid : supervisors_) kill(pid, SIGKILL);
    kill_strays();
    return code;
  }

  int socket_;
  EnvRestore env_restore_;
  std::set<pid_t> supervisors_;
};

}  // namespace

int zygote_main(const ZygoteConfig& config) {
  // Our own process group: a Ctrl-C on the terminal reaches the host, which
  // decides; the zygote follows the socket. If the host dies, so do we.
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  signal(SIGPIPE, SIG_IGN);
  prctl(PR_SET_CHILD_SUBREAPER, 1);

  EnvRestore env_restore = prepare_environment();
  nlohmann::json ready{{"type", "ready"}, {"pid", getpid()}};
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
  ready["preload_failures"] = preload_modules(config.preload);
  freeze_heap();
  ready["threads"] = thread_count();
  if (!send_message(config.socket_fd, ready.dump(), {}, &err)) return 1;
  return ZygoteServer(config.socket_fd, std::move(env_restore)).serve();
}

}  // namespace guidecheck
