// The sandbox's own cost per run, apart from Python and the machine's noise
// in a whole check: N runs that only build their sandbox (confine_run) and
// exit, or only make their directory unconfined. bench/sandbox.sh compares
// the two in one hyperfine run.
// Usage: sandbox_cost confine|plain N
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "sandbox.h"
#include "snippet_process.h"

int main(int argc, char** argv) {
  if (argc != 3 || (std::strcmp(argv[1], "confine") != 0 && std::strcmp(argv[1], "plain") != 0)) {
    std::fprintf(stderr, "usage: sandbox_cost confine|plain N\n");
    return 2;
  }
  const bool confine = std::strcmp(argv[1], "confine") == 0;
  const int runs = std::atoi(argv[2]);
  // Both modes pay the zygote's namespaces once, as a check does.
  if (std::string why = guidecheck::enter_zygote_namespaces(-1); !why.empty()) {
    std::fprintf(stderr, "sandbox_cost: no sandbox here: %s\n", why.c_str());
    return 1;
  }
  const std::string script = "/bin/true";
  for (int i = 0; i < runs; ++i) {
    std::string root = guidecheck::make_work_dir(guidecheck::temp_directory());
    pid_t pid = fork();
    if (pid == 0) {
      std::string err;
      bool ok = confine ? guidecheck::confine_run(guidecheck::RunDirs{root}, script, {}, &err)
                        : guidecheck::make_unconfined_run_dirs(guidecheck::RunDirs{root}, &err);
      _exit(ok ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    guidecheck::remove_tree(root);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "sandbox_cost: run %d failed\n", i);
      return 1;
    }
  }
  return 0;
}
