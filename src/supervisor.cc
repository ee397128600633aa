#include "supervisor.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>

#include "embedded_python.h"
#include "resource_limits.h"
#include "snippet_main.h"

namespace guidecheck {
namespace {

volatile sig_atomic_t g_snippet_pid = 0;

// The zygote sends SIGTERM when the host went away: end the snippet now;
// the normal clean-up then runs.
void on_terminate(int) {
  pid_t pid = g_snippet_pid;
  if (pid > 0) {
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
  }
}

long long now_micros() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

int remove_entry(const char* path, const struct stat*, int, struct FTW*) {
  ::remove(path);
  return 0;
}

std::string make_work_dir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = fmt::format("{}/guidecheck-run-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(templ.data())) return {};
  return templ;
}

[[noreturn]] void exec_snippet(const RunRequest& request, const std::string& work_dir, int stdin_fd,
                               int stdout_fd, int stderr_fd, const EnvRestore& env_restore) {
  setpgid(0, 0);
  // Signal state as python3 starts with: default dispositions, empty mask
  // (Python's own handlers, SIGINT and SIGPIPE ignored, came with the fork).
  signal(SIGTERM, SIG_DFL);
  signal(SIGCHLD, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  prctl(PR_SET_CHILD_SUBREAPER, 0);

  if (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0) _exit(126);
  close_range(3, ~0U, 0);
  std::string err;
  if (!apply_snippet_limits(request.memory_limit, &err)) {
    std::fprintf(stderr, "guidecheck: %s\n", err.c_str());
    _exit(126);
  }
  if (chdir(work_dir.c_str()) != 0) _exit(126);
  after_fork_child();
  SnippetSpec spec{request.path, request.args, request.marker, request.mode, env_restore};
  _exit(run_snippet(spec) & 0xff);
}

// Kills what the snippet left behind until no child remains. Everything the
// snippet started is below us: a process whose parent dies is reparented to
// its nearest subreaper, which is this process.
int kill_leftovers(pid_t snippet_group) {
  kill(-snippet_group, SIGKILL);
  int killed = 0;
  for (int round = 0;; ++round) {
    int status;
    pid_t reaped = waitpid(-1, &status, WNOHANG);
    if (reaped > 0) continue;
    if (reaped < 0 && errno == ECHILD) break;
    // Children remain: kill them and the groups they lead (a setsid escapee
    // leads its own), then wait for one to go.
    for (int pid : child_pids()) {
      if (kill(pid, SIGKILL) == 0) ++killed;
      kill(-pid, SIGKILL);
    }
    struct timespec pause{0, round < 100 ? 1000000 : 10000000};
    nanosleep(&pause, nullptr);
  }
  return killed;
}

}  // namespace

std::vector<int> child_pids() {
  std::vector<int> pids;
  pid_t self = getpid();
  DIR* proc = opendir("/proc");
  if (!proc) return pids;
  while (struct dirent* entry = readdir(proc)) {
    char* end = nullptr;
    long pid = std::strtol(entry->d_name, &end, 10);
    if (*end != '\0' || pid <= 0) continue;
    char path[64], buf[512];
    std::snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) continue;
    buf[n] = '\0';
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
    const char* close_paren = strrchr(buf, ')');
    int ppid = 0;
    char state;
    if (close_paren && std::sscanf(close_paren + 1, " %c %d", &state, &ppid) == 2 && ppid == self)
      pids.push_back(static_cast<int>(pid));
  }
  closedir(proc);
  return pids;
}

void supervise_run(const RunRequest& request, UniqueFd stdin_fd, UniqueFd stdout_fd, UniqueFd stderr_fd,
                   const EnvRestore& env_restore) {
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  struct sigaction term{};
  term.sa_handler = on_terminate;
  sigaction(SIGTERM, &term, nullptr);

  int out = stdout_fd.get();
  auto report = [out](const std::string& body) { write_all(out, body); };
  const std::string& marker = request.marker;

  std::string work_dir = make_work_dir();
  if (work_dir.empty()) {
    report(fmt::format("{}Ecannot create a working directory: {}\n", marker, strerror(errno)));
    _exit(1);
  }

  long long started = now_micros();
  pid_t pid = fork();
  if (pid < 0) {
    report(fmt::format("{}Ecannot fork: {}\n", marker, strerror(errno)));
    nftw(work_dir.c_str(), remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    _exit(1);
  }
  if (pid == 0) exec_snippet(request, work_dir, stdin_fd.get(), stdout_fd.get(), stderr_fd.get(), env_restore);

  g_snippet_pid = pid;
  setpgid(pid, pid);  // also done by the child: whichever runs first wins the race
  stdin_fd.reset();
  stderr_fd.reset();
  report(fmt::format("{}C{}\n", marker, pid));

  int status = 0;
  struct rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  long long micros = now_micros() - started;
  int killed = kill_leftovers(pid);
  nftw(work_dir.c_str(), remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  report(fmt::format("{}X{},{},{},{}\n", marker, status, micros, usage.ru_maxrss, killed));
  _exit(0);
}

}  // namespace guidecheck
