#include "snippet_process.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>

#include "embedded_python.h"
#include "resource_limits.h"
#include "run_environment.h"
#include "sandbox.h"
#include "snippet_main.h"

namespace guidecheck {
namespace {

int remove_entry(const char* path, const struct stat*, int, struct FTW*) {
  ::remove(path);
  return 0;
}

}  // namespace

void become_snippet_process(const RunRequest& request, const RunDirs& dirs, bool sandboxed, int stdin_fd,
                            int stdout_fd, int stderr_fd, const std::vector<std::string>& inherited) {
  // Never outlive the zygote (it is PID 1 of the sandbox's namespace, but
  // without a sandbox nothing else would stop us).
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  setsid();  // its own session and process group: no terminal, one group to kill
  // Signal state as python3 starts with: default dispositions, empty mask
  // (Python's own handlers and its ignored SIGPIPE came with the fork).
  signal(SIGTERM, SIG_DFL);
  signal(SIGCHLD, SIG_DFL);
  signal(SIGHUP, SIG_DFL);
  signal(SIGQUIT, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  prctl(PR_SET_CHILD_SUBREAPER, 1);

  if (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0) _exit(126);
  std::string err;
  const SandboxPolicy policy{request.network, request.writable, request.env};
  if (sandboxed ? !confine_run(dirs, request.path, policy, &err) : !make_unconfined_run_dirs(dirs, &err)) {
    std::fprintf(stderr, "guidecheck: cannot start the run: %s\n", err.c_str());
    _exit(126);
  }
  close_range(3, ~0U, 0);
  if (!apply_snippet_limits(request.memory_limit, &err)) {
    std::fprintf(stderr, "guidecheck: %s\n", err.c_str());
    _exit(126);
  }
  after_fork_child();
  // The zygote wears the environment of a run without `env` entries.
  EnvChanges environment;
  if (!policy.env.empty())
    environment = environment_changes(current_environment(), run_environment(inherited, sandboxed, dirs.work(), policy));
  SnippetSpec spec{request.path, request.args, request.marker, request.mode, environment, request.prelude};
  _exit(run_snippet(spec) & 0xff);
}

std::string temp_directory() {
  const char* tmp = std::getenv("TMPDIR");
  return tmp && *tmp ? tmp : "/tmp";
}

std::string make_work_dir(const std::string& parent) {
  std::string templ = parent + "/guidecheck-run-XXXXXX";
  if (!mkdtemp(templ.data())) return {};
  return templ;
}

void remove_tree(const std::string& path) {
  // Usually empty in the zygote's view (a sandboxed run wrote into its own
  // tmpfs): then no directory stream is allocated. Every page the zygote
  // writes between forks costs it a fault.
  if (rmdir(path.c_str()) == 0 || errno == ENOENT) return;
  nftw(path.c_str(), remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

std::vector<int> child_pids() {
  std::vector<int> pids;
  pid_t self = getpid();
  // Fast path: the kernel's list of our (single-threaded) process's
  // children, read without stdio's heap buffer (see remove_tree).
  char children_path[64];
  std::snprintf(children_path, sizeof children_path, "/proc/self/task/%d/children", static_cast<int>(self));
  if (int fd = open(children_path, O_RDONLY | O_CLOEXEC); fd >= 0) {
    char chunk[4096];
    std::string listing;  // "12 345 ": a few children fit in the string itself
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) > 0) listing.append(chunk, static_cast<size_t>(n));
    close(fd);
    const char* at = listing.c_str();
    char* end = nullptr;
    for (long pid = std::strtol(at, &end, 10); end != at; pid = std::strtol(at, &end, 10)) {
      pids.push_back(static_cast<int>(pid));
      at = end;
    }
    return pids;
  }
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

}  // namespace guidecheck
